package dev.pagefeed.run;

import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;

/**
 * The rules of page identity, which the commit's shard steps apply ({@link ShardSources},
 * {@link DuplicatePages}): which file's page holds an id that several files give, and which pages
 * are copies of another.
 *
 * <ul>
 *   <li>A page id is held by one source: two files (or WARC records) whose pages have one URL
 *       (or, rarely, one source key) give one id, and one keeps it: the latest fetch (a WARC
 *       record's {@code WARC-Date}; a crawl re-fetched tonight replaces last night's page), and
 *       among sources without a fetch date (page files), which come after dated ones, the first by
 *       path (and offset). The others become error
 *       records of type {@link ErrorType#DUPLICATE_ID}, and their page, cards and entities are
 *       left out, so that no two records of a kind share an id.
 *   <li>Pages with the same content hash are all kept; each but the first in page id order
 *       carries {@code duplicate_of}, the id of that first one.
 * </ul>
 */
public final class PageIdentities {

  private PageIdentities() {}

  /** The stage error records of files whose page id another file holds are given. */
  public static final String STAGE = "commit";

  /** Of two sources of one page id, the one that keeps it: the later fetch; undated after dated; then by path and offset. */
  public static SourceRecord keeper(SourceRecord a, SourceRecord b) {
    if (a.fetched() != null && b.fetched() != null && !a.fetched().equals(b.fetched())) {
      return java.time.Instant.parse(a.fetched()).isAfter(java.time.Instant.parse(b.fetched())) ? a : b;
    }
    if ((a.fetched() == null) != (b.fetched() == null)) {
      return a.fetched() != null ? a : b;
    }
    return a.sortKey().compareTo(b.sortKey()) <= 0 ? a : b;
  }

  /**
   * A file whose page's id an earlier file holds.
   *
   * @param source what the file gave: its page's id and content hash
   * @param holder the path of the file that holds the id
   */
  public record Loser(SourceRecord source, String holder) {

    /** Its line of errors.jsonl. */
    public ErrorRecord error() {
      return new ErrorRecord(source.path(), STAGE, ErrorType.DUPLICATE_ID,
          "its page has the id " + source.pageId() + " (the same URL or source key) as the page of " + holder
              + ", which is kept (the later fetch; among page files, the first by path); this page, its cards and "
              + "entities are left out",
          "", source.sha256(), source.bytes(), source.offset(), source.offsetIn(), source.record());
    }
  }
}
