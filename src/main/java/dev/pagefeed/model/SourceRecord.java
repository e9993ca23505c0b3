package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * What became of one input file (a line of sources.jsonl): its fingerprint, and the page it gave
 * or the error it got. The next {@code --incremental} run reuses the records of every file whose
 * fingerprint has not changed.
 *
 * @param path the input's path, as in the page's {@code source.path} or the error's {@code source}
 * @param sha256 hex sha256 of the file's bytes, or null when they were not read (too large,
 *     unreadable): such a file is read again by every run
 * @param bytes the file's size
 * @param pageId the page it gave, or null
 * @param contentHash that page's content hash, or null
 * @param errorType why it gave no page, or null
 * @param offset for a record of a WARC file, where it starts in the file; null for a whole file
 * @param offsetIn {@code uncompressed} when {@code offset} is a position in the uncompressed stream of a
 *     WARC file gzipped as a whole; else null
 * @param record for a WARC file's lines: {@value #WARC_FILE} for the file itself (its sha256 is the
 *     fingerprint), else the record's kind ({@code response}, {@code request}, {@code revisit},
 *     {@code non_200}, {@code broken}, …); null for a page file
 * @param fetched for a WARC record's page, its {@code WARC-Date}: of the records whose pages share
 *     an id, the latest fetch keeps it; else null
 */
@JsonPropertyOrder({"schema_version", "path", "offset", "offset_in", "record", "fetched", "sha256", "bytes", "page_id",
    "content_hash", "error_type"})
public record SourceRecord(
    String path, String sha256, long bytes, String pageId, String contentHash, ErrorType errorType,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long offset,
    @JsonInclude(JsonInclude.Include.NON_NULL) String offsetIn, @JsonInclude(JsonInclude.Include.NON_NULL) String record,
    @JsonInclude(JsonInclude.Include.NON_NULL) String fetched)
    implements Serializable {

  /** A line without a fetch date (a page file's, or a WARC record that gave no page). */
  public SourceRecord(String path, String sha256, long bytes, String pageId, String contentHash, ErrorType errorType,
      Long offset, String record) {
    this(path, sha256, bytes, pageId, contentHash, errorType, offset, null, record, null);
  }

  /** What a WARC file's own line says in {@code record}: the file, whose records follow it. */
  public static final String WARC_FILE = "warc";

  /** What the line of a WARC record that was read as a page (or refused as one) says in {@code record}. */
  public static final String RESPONSE = "response";

  /** How a WARC file's lines are tagged for the manifest's counts: this, then their {@code record}. */
  public static final String WARC_TAG = "warc:";

  /** What {@code offset_in} says of an offset in the uncompressed stream of a WARC file gzipped as a whole. */
  public static final String UNCOMPRESSED = "uncompressed";

  /** A page file's line. */
  public SourceRecord(String path, String sha256, long bytes, String pageId, String contentHash, ErrorType errorType) {
    this(path, sha256, bytes, pageId, contentHash, errorType, null, null, null, null);
  }

  /**
   * What records name as their source: a page file's path; for a WARC record, its file's path and
   * offset ({@code path#offset}).
   */
  public String id() {
    return idOf(path, offset);
  }

  /** How parts and indexes name it ({@link SourceRef}). */
  public String ref() {
    return SourceRef.of(path, offset);
  }

  static String idOf(String path, Long offset) {
    return offset == null ? path : path + "#" + offset;
  }

  /**
   * The key sources.jsonl is sorted by: the path, then a WARC record's offset, in number order (a
   * WARC file's own line first).
   */
  public String sortKey() {
    return offset == null ? path : path + "#" + String.format("%015d", offset);
  }

  /**
   * What the manifest counts the line as: {@code page} or {@code error} for a page file; a WARC
   * file's lines by what they stand for, {@link #WARC_TAG} and {@code record}.
   */
  public String tag() {
    return record != null ? WARC_TAG + record : pageId != null ? "page" : "error";
  }

  /** Whether this line stands for a whole input file (a page file, or a WARC file), whose sha256 is its fingerprint. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFile() {
    return offset == null;
  }

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }

  /** The fingerprint of a page's file, and the page. */
  public static SourceRecord of(Page page) {
    SourceInfo source = page.source();
    return new SourceRecord(source.path(), source.sha256(), source.bytes(), page.pageId(), page.contentHash(), null,
        source.offset(), source.offsetIn(), source.offset() == null ? null : source.record(), page.fetched());
  }
}
