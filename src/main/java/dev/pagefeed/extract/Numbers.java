package dev.pagefeed.extract;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Numbers as Chinese pages write them: Arabic with thousands separators ({@code 66,600}),
 * decimals, Chinese numerals with units ({@code 一千二百}, {@code 两万}) or as digit strings
 * ({@code 二〇二五}), and the magnitude words 万 and 亿.
 */
public final class Numbers {

  private Numbers() {}

  /** An Arabic number: digits with optional thousands separators and decimals. */
  public static final String ARABIC = "\\d+(?:,\\d{3})*(?:\\.\\d+)?";

  /** A run of Chinese numeral characters (validated by {@link #parseChinese}). */
  public static final String CHINESE = "[零〇一二两三四五六七八九十拾百佰千仟万亿]+";

  /** Either form. */
  public static final String ANY = "(?:" + ARABIC + "|" + CHINESE + ")";

  private static final Map<Character, Integer> DIGITS =
      Map.ofEntries(
          Map.entry('零', 0), Map.entry('〇', 0), Map.entry('一', 1), Map.entry('二', 2),
          Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4), Map.entry('五', 5),
          Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));

  private static final Map<Character, Integer> SMALL_UNITS =
      Map.of('十', 10, '拾', 10, '百', 100, '佰', 100, '千', 1000, '仟', 1000);

  /** The factor a magnitude word stands for, or null for any other text. */
  public static BigDecimal magnitude(String word) {
    if (word == null || word.isEmpty()) {
      return BigDecimal.ONE;
    }
    return switch (word) {
      case "十", "拾" -> BigDecimal.TEN;
      case "百", "佰" -> BigDecimal.valueOf(100);
      case "千", "仟", "k", "K" -> BigDecimal.valueOf(1000);
      case "万" -> BigDecimal.valueOf(10_000);
      case "十万" -> BigDecimal.valueOf(100_000);
      case "百万" -> BigDecimal.valueOf(1_000_000);
      case "千万" -> BigDecimal.valueOf(10_000_000);
      case "亿" -> BigDecimal.valueOf(100_000_000);
      case "万亿" -> new BigDecimal("1000000000000");
      default -> null;
    };
  }

  /** Parses an Arabic or Chinese number; null when the text is not one. */
  public static BigDecimal parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    char first = text.charAt(0);
    if (first >= '0' && first <= '9') {
      try {
        return new BigDecimal(text.replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return parseChinese(text);
  }

  /** Parses 一千二百 (1200), 十五 (15), 两万 (20000), 二〇二五 (2025); null when malformed. */
  public static BigDecimal parseChinese(String text) {
    boolean digitsOnly = true;
    for (int i = 0; i < text.length(); i++) {
      if (!DIGITS.containsKey(text.charAt(i))) {
        digitsOnly = false;
        break;
      }
    }
    if (digitsOnly) {
      if (text.length() == 1) {
        return BigDecimal.valueOf(DIGITS.get(text.charAt(0)));
      }
      StringBuilder digits = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        digits.append(DIGITS.get(text.charAt(i)));
      }
      return new BigDecimal(digits.toString());
    }
    long total = 0;
    long section = 0;
    long digit = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Integer d = DIGITS.get(c);
      if (d != null) {
        if (digit > 0) {
          return null; // two digits in a row inside a unit number: 一二百
        }
        digit = d;
        continue;
      }
      Integer unit = SMALL_UNITS.get(c);
      if (unit != null) {
        section += (digit < 0 ? 1 : digit) * unit;
        digit = -1;
        continue;
      }
      long big = c == '万' ? 10_000L : c == '亿' ? 100_000_000L : 0;
      if (big == 0) {
        return null;
      }
      section += Math.max(digit, 0);
      if (section == 0 && total == 0) {
        return null;
      }
      // 一亿二千万: 亿 scales everything before it, 万 only its own section.
      total = big == 10_000L ? total + section * big : (total + section) * big;
      section = 0;
      digit = -1;
    }
    long result = total + section + Math.max(digit, 0);
    return result == 0 && !text.contains("零") && !text.contains("〇") ? null : BigDecimal.valueOf(result);
  }

  /** The same number with no trailing zeros and no negative scale: 1326000000.00 → 1326000000. */
  public static BigDecimal canonical(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  /** Plain decimal text with no trailing zeros: 72.20 → "72.2", 1.326E9 → "1326000000". */
  public static String format(BigDecimal value) {
    return canonical(value).toPlainString();
  }
}
