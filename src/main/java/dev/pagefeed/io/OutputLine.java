package dev.pagefeed.io;

import java.io.Serializable;

/**
 * One encoded record on its way to a file.
 *
 * @param sortKey what the file's lines are sorted by (the record id); equal keys are ordered by
 *     their text, so that the order is total without storing the text twice
 * @param text the encoded line(s), UTF-8, ending in a line break
 * @param tag a category counted in the manifest (an entity's kind, an error's type), or empty
 * @param source the path of the input file the record came from (an incremental run keeps or
 *     drops a file's records together)
 */
public record OutputLine(String sortKey, byte[] text, String tag, String source) implements Serializable {

  /** The order of a file's lines: by key, then by text (unsigned bytes, which is code point order). */
  public static final java.util.Comparator<OutputLine> ORDER = (a, b) -> compare(a.sortKey, a.text, b.sortKey, b.text);

  /** {@link #ORDER} on the parts of two lines, for readers that do not build an OutputLine. */
  public static int compare(String keyA, byte[] textA, String keyB, byte[] textB) {
    int byKey = keyA.compareTo(keyB);
    return byKey != 0 ? byKey : java.util.Arrays.compareUnsigned(textA, textB);
  }
}
