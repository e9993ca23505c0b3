package dev.pagefeed.parts;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was written to one output file.
 *
 * @param file the file's name
 * @param records how many records (lines of JSONL, rows of CSV) it holds
 * @param bytes its size
 * @param sha256 hex sha256 of its bytes
 * @param tags how many of its records carry each tag (entity kind, error type)
 */
public record FileSummary(String file, long records, long bytes, String sha256, Map<String, Long> tags)
    implements Serializable {
  public FileSummary {
    tags = new TreeMap<>(tags);
  }
}
