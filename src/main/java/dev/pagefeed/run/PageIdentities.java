package dev.pagefeed.run;

import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What only the commit can decide, because it alone sees every page of a run: which file's page
 * holds an id that several files give, and which pages are copies of another.
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

  /** The stage error records of files whose page id another file holds are given. */
  public static final String STAGE = "commit";

  /** Page id → the id of the source that holds it (a file's path; a WARC record's path#offset). */
  private final Map<String, String> holders = new HashMap<>();

  /** Decides, for every page id the {@code sources} give, which of them holds it. */
  public PageIdentities(Collection<SourceRecord> sources) {
    Map<String, SourceRecord> best = new HashMap<>();
    for (SourceRecord source : sources) {
      if (source.pageId() != null) {
        best.merge(source.pageId(), source, PageIdentities::keeper);
      }
    }
    best.forEach((pageId, source) -> holders.put(pageId, source.id()));
  }

  /** Of two sources of one page id, the one that keeps it: the later fetch; undated after dated; then by path and offset. */
  private static SourceRecord keeper(SourceRecord a, SourceRecord b) {
    if (a.fetched() != null && b.fetched() != null && !a.fetched().equals(b.fetched())) {
      return java.time.Instant.parse(a.fetched()).isAfter(java.time.Instant.parse(b.fetched())) ? a : b;
    }
    if ((a.fetched() == null) != (b.fetched() == null)) {
      return a.fetched() != null ? a : b;
    }
    return a.sortKey().compareTo(b.sortKey()) <= 0 ? a : b;
  }

  /** The files that lost their page id, by path, with the record of what they gave. */
  private final Map<String, Loser> losers = new LinkedHashMap<>();

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

  /**
   * A source as its line of sources.jsonl is written: a page whose id another source holds comes
   * back as an error ({@link ErrorType#DUPLICATE_ID}); every other source comes back as it is.
   */
  public SourceRecord claim(SourceRecord source) {
    if (source.pageId() == null) {
      return source;
    }
    String holder = holders.get(source.pageId());
    if (holder == null || holder.equals(source.id())) {
      return source;
    }
    Loser loser = new Loser(source, holder);
    losers.put(source.id(), loser);
    return loser.error().sourceRecord();
  }

  /** Whether the records of the source {@code id} (see {@link SourceRecord#id}) are left out. */
  public boolean lost(String id) {
    return losers.containsKey(id);
  }

  /** The files whose page id another holds, in path order. */
  public List<Loser> losers() {
    return List.copyOf(losers.values());
  }

  /**
   * Page id → {@code duplicate_of}, for each page whose content hash an earlier page in page id
   * order has; the first of each such group and every page without a copy are not in the map.
   */
  public static Map<String, String> duplicates(Collection<SourceRecord> sources) {
    Map<String, TreeSet<String>> byContent = new HashMap<>();
    for (SourceRecord source : sources) {
      if (source.pageId() != null && source.contentHash() != null) {
        byContent.computeIfAbsent(source.contentHash(), hash -> new TreeSet<>()).add(source.pageId());
      }
    }
    Map<String, String> duplicateOf = new HashMap<>();
    for (TreeSet<String> pages : byContent.values()) {
      String first = pages.first();
      for (String pageId : pages) {
        if (!pageId.equals(first)) {
          duplicateOf.put(pageId, first);
        }
      }
    }
    return duplicateOf;
  }

  /**
   * Whether a page's {@code duplicate_of} differs between two runs' duplicate maps (a twin
   * appeared, went away, or another page became the first).
   */
  public static boolean duplicateChanged(String pageId, Map<String, String> before, Map<String, String> after) {
    return !Objects.equals(before.get(pageId), after.get(pageId));
  }
}
