package dev.pagefeed.run;

import java.util.Arrays;

/**
 * Page ids and content hashes as numbers, for the commit's per-shard tables: a page id's sixteen
 * hex digits are one {@code long}, a content hash's sixty-four are four. Unsigned order of the
 * numbers is the order of the hex strings, so tables sorted by number are in id order.
 *
 * <pre>
 *   pageId("00000000000000ff") = 255;  pageIdText(255) = "00000000000000ff"
 * </pre>
 */
final class PageKeys {

  private PageKeys() {}

  static long pageId(String hex) {
    if (hex.length() != 16) {
      throw new IllegalStateException("not a page id: " + hex);
    }
    return Long.parseUnsignedLong(hex, 16);
  }

  static String pageIdText(long id) {
    String hex = Long.toHexString(id);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** A content hash's four numbers, written into {@code into} from {@code at}. */
  static void contentHash(String hex, long[] into, int at) {
    if (hex.length() != 64) {
      throw new IllegalStateException("not a content hash: " + hex);
    }
    for (int i = 0; i < 4; i++) {
      into[at + i] = Long.parseUnsignedLong(hex.substring(16 * i, 16 * i + 16), 16);
    }
  }

  static String contentHashText(long[] from, int at) {
    StringBuilder hex = new StringBuilder(64);
    for (int i = 0; i < 4; i++) {
      hex.append(pageIdText(from[at + i]));
    }
    return hex.toString();
  }

  /**
   * Rows of {@code width} numbers end to end, growing as they are added: what a shard's tables
   * hold, a few dozen bytes per page, without an object per row.
   */
  static final class Rows {
    final int width;
    long[] values = new long[1 << 10];
    int rows;

    Rows(int width) {
      this.width = width;
    }

    /** Space for one more row; returns where it starts. */
    int add() {
      if ((rows + 1) * width > values.length) {
        values = Arrays.copyOf(values, Math.max(2 * values.length, (rows + 1) * width));
      }
      return rows++ * width;
    }

    /** Adds a row of one number (a table of width 1). */
    void add(long value) {
      int at = add(); // grows the array first: the value goes into the new one
      values[at] = value;
    }

    long get(int row, int column) {
      return values[row * width + column];
    }

    /** The row numbers in unsigned order of the first {@code columns} columns. */
    int[] order(int columns) {
      Integer[] order = new Integer[rows];
      for (int i = 0; i < rows; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> {
        for (int c = 0; c < columns; c++) {
          int by = Long.compareUnsigned(get(a, c), get(b, c));
          if (by != 0) {
            return by;
          }
        }
        return 0;
      });
      return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }
  }
}
