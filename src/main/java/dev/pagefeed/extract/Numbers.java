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

  /**
   * An Arabic number: digits with optional thousands separators and decimals. The full-width
   * comma is also the Chinese list comma ("$20，300美圆" is two prices), so it separates thousands
   * only where a list cannot be meant: two or more groups (1，234，567), or one before decimals
   * (12，345.60).
   */
  public static final String ARABIC =
      "\\d{1,3}(?:，\\d{3}){2,}(?!\\d)(?:\\.\\d+)?|\\d{1,3}，\\d{3}\\.\\d+|\\d+(?:,\\d{3})*(?:\\.\\d+)?";

  /**
   * A run of Chinese numeral characters, with an optional decimal part after 点 ("六点五"); it is
   * validated by {@link #parseChinese}, and {@link #chinesePrefix} finds its longest valid start.
   */
  public static final String CHINESE =
      "[零〇一二两三四五六七八九十拾百佰千仟万亿兆]{1,24}(?:点[零〇一二三四五六七八九]{1,12})?";

  /** Either form. */
  public static final String ANY = "(?:" + ARABIC + "|" + CHINESE + ")";

  private static final Map<Character, Integer> DIGITS =
      Map.ofEntries(
          Map.entry('零', 0), Map.entry('〇', 0), Map.entry('一', 1), Map.entry('二', 2),
          Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4), Map.entry('五', 5),
          Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));

  private static final Map<Character, Integer> SMALL_UNITS =
      Map.of('十', 10, '拾', 10, '百', 100, '佰', 100, '千', 1000, '仟', 1000);

  /** Whether {@code s} holds any of {@code chars}: a cheap test before running a pattern. */
  public static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

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
      case "十亿" -> BigDecimal.valueOf(1_000_000_000L);
      case "百亿" -> BigDecimal.valueOf(10_000_000_000L);
      case "千亿" -> BigDecimal.valueOf(100_000_000_000L);
      case "万亿", "兆" -> new BigDecimal("1000000000000");
      case "千万亿" -> new BigDecimal("1000000000000000");
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
        return new BigDecimal(text.replace(",", "").replace("，", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return parseChinese(text);
  }

  /** Parses 一千二百 (1200), 十五 (15), 两万 (20000), 二〇二五 (2025), 六点五 (6.5); null when malformed. */
  public static BigDecimal parseChinese(String text) {
    int point = text.indexOf('点');
    if (point >= 0) {
      BigDecimal whole = parseChinese(text.substring(0, point));
      String fraction = text.substring(point + 1);
      if (whole == null || fraction.isEmpty()) {
        return null;
      }
      StringBuilder digits = new StringBuilder("0.");
      for (int i = 0; i < fraction.length(); i++) {
        Integer d = DIGITS.get(fraction.charAt(i));
        if (d == null) {
          return null;
        }
        digits.append(d);
      }
      return whole.add(new BigDecimal(digits.toString()));
    }
    if (text.isEmpty()) {
      return null;
    }
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
    BigDecimal total = BigDecimal.ZERO;
    long section = 0;
    long digit = -1;
    int lastSmallUnit = Integer.MAX_VALUE;
    long lastBig = Long.MAX_VALUE;
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
        if (unit >= lastSmallUnit) {
          return null; // units must fall within a section: 七十百 is not a number
        }
        section += (digit < 0 ? 1 : digit) * unit;
        lastSmallUnit = unit;
        digit = -1;
        continue;
      }
      long big = c == '万' ? 10_000L : c == '亿' ? 100_000_000L : c == '兆' ? 1_000_000_000_000L : 0;
      if (big == 0) {
        return null;
      }
      section += Math.max(digit, 0);
      if (section == 0 && total.signum() == 0) {
        return null;
      }
      // 一亿二千万: 亿 scales everything before it, 万 only its own section; 千万亿 is 10^15.
      if (big < lastBig) {
        total = total.add(BigDecimal.valueOf(section).multiply(BigDecimal.valueOf(big)));
      } else {
        total = total.add(BigDecimal.valueOf(section)).multiply(BigDecimal.valueOf(big));
      }
      lastBig = big;
      section = 0;
      digit = -1;
      lastSmallUnit = Integer.MAX_VALUE;
    }
    BigDecimal result = total.add(BigDecimal.valueOf(section + Math.max(digit, 0)));
    boolean zeroWritten = text.contains("零") || text.contains("〇");
    return result.signum() == 0 && !zeroWritten ? null : result;
  }

  /** The length of the longest start of {@code run} that is a Chinese number, or 0. */
  public static int chinesePrefix(String run) {
    for (int end = run.length(); end > 0; end--) {
      if (parseChinese(run.substring(0, end)) != null) {
        return end;
      }
    }
    return 0;
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
