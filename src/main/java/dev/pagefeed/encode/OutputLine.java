package dev.pagefeed.encode;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One encoded record on its way to a file.
 *
 * @param sortKey what the file's lines are sorted by (the record id); equal keys are ordered by
 *     their text, so that the order is total without storing the text twice
 * @param text the encoded line(s), UTF-8, ending in a line break
 * @param tag a category counted in the manifest (an entity's kind, an error's type), or empty
 * @param source the record's source as {@link dev.pagefeed.model.SourceRef} names it (an incremental
 *     run keeps or drops a file's records together, and drops those of a source that lost its page id)
 */
public record OutputLine(String sortKey, byte[] text, String tag, String source) implements Serializable {

  /**
   * The order of a file's lines: by key, then by text, both as unsigned UTF-8 bytes (which is code
   * point order). Parts and merges order records the same way on their bytes.
   */
  public static final Comparator<OutputLine> ORDER = Comparator
      .comparing((OutputLine line) -> line.sortKey().getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned)
      .thenComparing(OutputLine::text, Arrays::compareUnsigned);

  /**
   * The first eight bytes of a UTF-8 key, {@code bytes[from, to)}, as one number, zero-padded:
   * where two keys' numbers differ, their unsigned order is the keys' order (what sorters call a
   * normalized key prefix). Record ids are sixteen hex digits, so the numbers decide almost every
   * comparison of a sort or a merge without touching the keys.
   *
   * <pre>
   *   keyPrefix("0a1b" in UTF-8) = 0x3061316200000000L
   * </pre>
   */
  public static long keyPrefix(byte[] bytes, int from, int to) {
    long prefix = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      prefix = prefix << 8 | (from + i < to ? bytes[from + i] & 0xFF : 0);
    }
    return prefix;
  }
}
