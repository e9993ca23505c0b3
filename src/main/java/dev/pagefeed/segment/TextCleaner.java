package dev.pagefeed.segment;

import java.text.Normalizer;

/**
 * The cleaning every text field gets (SPEC section 3): NFC, no BOM, LF line ends, no markdown
 * {@code **}, runs of spaces collapsed, and no space where CJK text meets CJK text or punctuation;
 * Latin text keeps its spaces.
 *
 * <pre>
 *   clean("我国的医疗保障政策体系以 基本医疗保险为核心 ,辅以") → "我国的医疗保障政策体系以基本医疗保险为核心,辅以"
 *   clean("call 0375 3695011")                              → "call 0375 3695011"
 *   clean("fell by 35% in 2024. For other uses, see")        → "fell by 35% in 2024. For other uses, see"
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
      if (!atEdge && !joins(out.charAt(out.length() - 1), line.charAt(j))) {
        out.append(' ');
      }
      i = j;
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u3000' || c == '\u200B';
  }

  /**
   * Whether the spaces between {@code left} and {@code right} are removed: where CJK text or CJK
   * punctuation meets anything ("核心 ," → "核心,", "医保 报销" → "医保报销", "2025 年" → "2025年",
   * "Word ，" → "Word，"): CJK is set without spaces. Never between Latin words, digits and Latin
   * punctuation ("35% in 2024. For other uses, see" stays as it is).
   */
  static boolean joins(char left, char right) {
    return cjk(left) || cjk(right);
  }

  /** Han, kana, hangul, and the punctuation and full-width forms set with them (，。、「」（）). */
  static boolean cjk(char c) {
    if (c < 0x80) {
      return false;
    }
    if (Character.isIdeographic(c) || Character.isSurrogate(c)) {
      return true; // a surrogate here is half of a Han character of the supplementary planes (the CJK extensions)
    }
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return block == Character.UnicodeBlock.HIRAGANA
        || block == Character.UnicodeBlock.KATAKANA
        || block == Character.UnicodeBlock.HANGUL_SYLLABLES
        || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || block == Character.UnicodeBlock.VERTICAL_FORMS;
  }
}
