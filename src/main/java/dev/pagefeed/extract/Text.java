package dev.pagefeed.extract;

/**
 * A cleaned block text as extractors see it: the original, and a folded copy of the same
 * length in which full-width ASCII (０-９, ％, ．, －, ：, ／, ＠ …) is replaced by ASCII, so that one
 * pattern serves both widths and spans index the original.
 *
 * @param original the cleaned text; spans index it
 * @param folded the original with full-width ASCII folded, same length
 * @param truncated whether the text was cut from a longer one (a card snippet), so that a span
 *     touching its end may be incomplete
 */
public record Text(String original, String folded, boolean truncated) {

  public static Text of(String original) {
    return of(original, false);
  }

  public static Text of(String original, boolean truncated) {
    return new Text(original, fold(original), truncated);
  }

  /** Full-width forms U+FF01–U+FF5E to ASCII, except the CJK comma and semicolon. */
  static String fold(String s) {
    char[] chars = s.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\uFF01' && c <= '\uFF5E' && c != '，' && c != '；' && c != '～') {
        chars[i] = (char) (c - 0xFEE0);
      }
    }
    return new String(chars);
  }

  public int length() {
    return original.length();
  }

  /** Whether a span ending at {@code end} touches the cut end of a truncated text. */
  public boolean cutAt(int end) {
    return truncated && end >= original.length();
  }
}
