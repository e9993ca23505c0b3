package dev.pagefeed.model;

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
 */
@JsonPropertyOrder({"schema_version", "path", "sha256", "bytes", "page_id", "content_hash", "error_type"})
public record SourceRecord(
    String path, String sha256, long bytes, String pageId, String contentHash, ErrorType errorType)
    implements Serializable {

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }

  /** The fingerprint of a page's file, and the page. */
  public static SourceRecord of(Page page) {
    SourceInfo source = page.source();
    return new SourceRecord(source.path(), source.sha256(), source.bytes(), page.pageId(), page.contentHash(), null);
  }
}
