package dev.pagefeed.io;

import java.io.Serializable;

/**
 * One encoded record on its way to a file.
 *
 * @param sortKey what the file's lines are sorted by (the record id); equal keys are ordered by
 *     their text, so that the order is total without storing the text twice
 * @param text the encoded line(s), ending in a line break
 * @param tag a category counted in the manifest (an entity's kind, an error's type), or empty
 * @param source the path of the input file the record came from (an incremental run keeps or
 *     drops a file's records together)
 */
public record OutputLine(String sortKey, String text, String tag, String source) implements Serializable {

  /** The order of a file's lines: by key, then by text. */
  public static final java.util.Comparator<OutputLine> ORDER =
      java.util.Comparator.comparing(OutputLine::sortKey).thenComparing(OutputLine::text);
}
