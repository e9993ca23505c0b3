package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A line of changes.jsonl: one page added, updated or removed since the previous run. Its cards
 * and entities changed with it.
 *
 * @param pageId the page
 * @param change how it changed
 * @param contentHash the page's content hash now, or the last one it had when removed
 * @param runId the run that made the change
 */
@JsonPropertyOrder({"schema_version", "page_id", "change", "content_hash", "run_id"})
public record PageChange(String pageId, ChangeKind change, String contentHash, String runId) {

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }
}
