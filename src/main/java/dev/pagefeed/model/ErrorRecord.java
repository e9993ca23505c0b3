package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * An input that could not become a page, kept with the reason (a line of errors.jsonl).
 *
 * @param source the input's path
 * @param stage the step that refused it: {@code read} or {@code segment}
 * @param errorType why, as a category
 * @param message why, for a person
 * @param excerpt the first characters of the input (printable), or empty
 */
@JsonPropertyOrder({"schema_version", "source"})
public record ErrorRecord(
    String source, String stage, ErrorType errorType, String message, String excerpt)
    implements Serializable {

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }

  /** The id records are sorted by: the source path, then the stage. */
  public String sortKey() {
    return source + "\u0000" + stage;
  }
}
