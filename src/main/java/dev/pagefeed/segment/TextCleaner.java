package dev.pagefeed.segment;

import java.text.Normalizer;

/**
 * The cleaning every text field gets (SPEC section 3): NFC, no BOM, LF line ends, no markdown
 * {@code **}, runs of spaces collapsed, and no space next to CJK text or punctuation.
 *
 * <pre>
 *   clean("我国的医疗保障政策体系以 基本医疗保险为核心 ,辅以") → "我国的医疗保障政策体系以基本医疗保险为核心,辅以"
 *   clean("call 0375 3695011")                              → "call 0375 3695011"
 * </pre>
 */
public final class TextCleaner {

  /** Markers other dumps put where they cut a text; removed from the end and recorded. */
  private static final String[] CUT_MARKERS = {"\uFFFD", "…", "..."};

  private TextCleaner() {}

  /** A cleaned text, and whether a cut marker was removed from its end. */
  public record Cut(String text, boolean truncated) {}

  /** Cleans {@code raw}; lines are kept (each cleaned on its own), empty lines dropped. */
  public static String clean(String raw) {
    String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
    text = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').replace("**", "");
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n")) {
      String cleaned = cleanLine(line);
      if (!cleaned.isEmpty()) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(cleaned);
      }
    }
    return out.toString();
  }

  /** Cleans {@code raw} and removes a trailing cut marker (U+FFFD, "…", "..."), if any. */
  public static Cut cleanCut(String raw) {
    String text = clean(raw);
    boolean truncated = false;
    boolean again = true;
    while (again) {
      again = false;
      for (String marker : CUT_MARKERS) {
        if (text.endsWith(marker)) {
          text = clean(text.substring(0, text.length() - marker.length()));
          truncated = true;
          again = true;
        }
      }
    }
    return new Cut(text, truncated);
  }

  private static String cleanLine(String line) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < n && isSpace(line.charAt(j))) {
        j++;
      }
      // A run of spaces: dropped at either end, and next to CJK text or punctuation.
      boolean atEdge = out.length() == 0 || j == n;
      if (!atEdge && !sticky(out.charAt(out.length() - 1)) && !sticky(line.charAt(j))) {
        out.append(' ');
      }
      i = j;
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\u200B';
  }

  /** A character a neighbouring space is removed next to: CJK text or any punctuation. */
  static boolean sticky(char c) {
    if (c < 0x80) {
      return !Character.isLetterOrDigit(c);
    }
    if (Character.isIdeographic(c)) {
      return true;
    }
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || block == Character.UnicodeBlock.GENERAL_PUNCTUATION
        || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || block == Character.UnicodeBlock.VERTICAL_FORMS
        || block == Character.UnicodeBlock.HIRAGANA
        || block == Character.UnicodeBlock.KATAKANA
        || block == Character.UnicodeBlock.HANGUL_SYLLABLES
        || Character.getType(c) == Character.OTHER_SYMBOL;
  }
}
