package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * An input that could not become a page, kept with the reason (a line of errors.jsonl).
 *
 * @param source the input's path
 * @param stage the step that refused it: {@code read}, {@code segment}, {@code extract}, or {@code commit} (another file holds its page id)
 * @param errorType why, as a category
 * @param message why, for a person
 * @param excerpt the first characters of the input (printable), or empty
 * @param sourceSha256 hex sha256 of the input's bytes, or null when they were not read (not
 *     written to errors.jsonl; sources.jsonl carries it, for the next incremental run)
 * @param sourceBytes the input's size
 * @param offset for a record of a WARC file, where it starts in the file ({@code source}); else null
 * @param offsetIn {@code uncompressed} when {@code offset} is a position in the uncompressed stream of a
 *     WARC file gzipped as a whole; else null
 * @param record for a WARC record, its kind in sources.jsonl ({@code response}, {@code broken}); else null
 */
@JsonPropertyOrder({"schema_version", "source", "offset", "offset_in"})
public record ErrorRecord(
    String source, String stage, ErrorType errorType, String message, String excerpt,
    @JsonIgnore String sourceSha256, @JsonIgnore long sourceBytes,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long offset,
    @JsonInclude(JsonInclude.Include.NON_NULL) String offsetIn, @JsonIgnore String record)
    implements Serializable {

  /** An error of a page file. */
  public ErrorRecord(String source, String stage, ErrorType errorType, String message, String excerpt,
      String sourceSha256, long sourceBytes) {
    this(source, stage, errorType, message, excerpt, sourceSha256, sourceBytes, null, null, null);
  }

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }

  /** How much of a rejected input's text is kept in its error record, in code points. */
  public static final int EXCERPT_LENGTH = 120;

  /** The start of a text on one line, for an error record's excerpt. */
  public static String excerptOf(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    int length = Math.min(EXCERPT_LENGTH, oneLine.codePointCount(0, oneLine.length()));
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, length));
  }

  /** A page that a step after reading refused. */
  public static ErrorRecord of(SourceInfo source, String stage, RejectedInputException refusal, String excerpt) {
    return new ErrorRecord(source.path(), stage, refusal.type(), refusal.getMessage(), excerpt,
        source.sha256(), source.bytes(), source.offset(), source.offsetIn(),
        source.offset() == null ? null : source.record());
  }

  /** What became of the input: a line of sources.jsonl. */
  public SourceRecord sourceRecord() {
    return new SourceRecord(source, sourceSha256, sourceBytes, null, null, errorType, offset, offsetIn, record, null);
  }

  /** The id records are sorted by: the source (a WARC record's offset in number order), then the stage. */
  public String sortKey() {
    return sourceRecord().sortKey() + "\u0000" + stage;
  }

  /** What the error's lines name as their source: the path, and for a WARC record its offset. */
  public String sourceId() {
    return SourceRecord.idOf(source, offset);
  }
}
