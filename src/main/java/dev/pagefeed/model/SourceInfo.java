package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.io.Serializable;

/**
 * Where a page came from and how its bytes were read.
 *
 * @param path the input file's path as {@code --input} wrote it (absolute or relative as given; a
 *     URI for other file systems)
 * @param key the file's path relative to the {@code --input} root it was found under (a file named
 *     directly: its name), prefixed by the root's name when several roots are read: what a page
 *     without a URL takes its id from
 * @param format {@code text} or {@code html}
 * @param encoding the character set the bytes were decoded with, e.g. {@code UTF-8}
 * @param compression {@code none}, {@code gzip} or {@code bzip2}
 * @param bytes size of the file as stored
 * @param sha256 hex sha256 of the file as stored
 * @param replaced how many stray byte sequences decoding replaced by U+FFFD (warning {@code
 *     decode_replaced}); 0 for a cleanly decoded file
 * @param offset for a page read from a WARC file, where its record starts in the file ({@code path});
 *     bytes and sha256 are then those of the record's HTTP body; null for a page file
 * @param offsetIn {@code uncompressed} when {@code offset} is a position in the uncompressed stream
 *     of a WARC file gzipped as a whole (it has no gzip member per record); else null
 * @param record for a page read from a WARC file, its record's kind ({@code response}, {@code
 *     conversion}), which its line of sources.jsonl names; else null
 * @param warnings what decoding found off but read past ({@code control_chars_removed},
 *     {@code gzip_trailing_garbage}), which the page's warnings carry
 * @param fetched for a WARC record, its {@code WARC-Date} (the page's {@code fetched}); else null
 */
public record SourceInfo(
    String path, String key, String format, String encoding, String compression, long bytes, String sha256, int replaced,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long offset,
    @JsonInclude(JsonInclude.Include.NON_NULL) String offsetIn, @JsonIgnore String record, @JsonIgnore String fetched,
    @JsonIgnore java.util.List<String> warnings)
    implements Serializable {

  public SourceInfo {
    warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
  }

  /** A page file's source (not a WARC record). */
  public SourceInfo(String path, String key, String format, String encoding, String compression, long bytes,
      String sha256, int replaced) {
    this(path, key, format, encoding, compression, bytes, sha256, replaced, null, null, null, null, null);
  }

  /** What the page's records name as their source: the path, and for a WARC record its offset. */
  public String id() {
    return SourceRecord.idOf(path, offset);
  }

  /** How parts and indexes name the page's source ({@link SourceRef}). */
  public String ref() {
    return SourceRef.of(path, offset);
  }
}
