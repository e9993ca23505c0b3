package dev.pagefeed.extract;

/**
 * Writes numbers as people write them in Chinese, for the generators: lower-case numerals
 * (一万零五十), financial ones (壹万零伍拾), and full-width Arabic digits (１２３).
 */
final class ChineseNumerals {

  private static final String LOWER = "零一二三四五六七八九";
  private static final String FINANCIAL = "零壹贰叁肆伍陆柒捌玖";
  private static final String[] LOWER_UNITS = {"千", "百", "十", ""};
  private static final String[] FINANCIAL_UNITS = {"仟", "佰", "拾", ""};

  private ChineseNumerals() {}

  /** {@code n} (0 to 9999 9999 9999) in lower-case numerals: 12 → 十二, 10050 → 一万零五十. */
  static String lower(long n) {
    String written = write(n, LOWER, LOWER_UNITS, "万", "亿");
    return written.startsWith("一十") ? written.substring(1) : written;
  }

  /** {@code n} in financial numerals: 1900 → 壹仟玖佰. */
  static String financial(long n) {
    return write(n, FINANCIAL, FINANCIAL_UNITS, "万", "亿");
  }

  /** {@code n} in full-width digits: 123 → １２３. */
  static String fullWidth(String ascii) {
    StringBuilder out = new StringBuilder();
    for (char c : ascii.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '.' ? '．' : c);
    }
    return out.toString();
  }

  private static String write(long n, String digits, String[] units, String tenThousand, String hundredMillion) {
    if (n == 0) {
      return String.valueOf(digits.charAt(0));
    }
    long[] groups = {n / 100_000_000L, n / 10_000 % 10_000, n % 10_000};
    String[] names = {hundredMillion, tenThousand, ""};
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (int i = 0; i < groups.length; i++) {
      int group = (int) groups[i];
      if (group == 0) {
        gap = out.length() > 0;
        continue;
      }
      if (out.length() > 0 && (gap || group < 1000)) {
        out.append(digits.charAt(0));
      }
      out.append(group(group, digits, units)).append(names[i]);
      gap = false;
    }
    return out.toString();
  }

  private static String group(int g, String digits, String[] units) {
    StringBuilder out = new StringBuilder();
    int[] places = {1000, 100, 10, 1};
    boolean started = false;
    boolean zero = false;
    for (int i = 0; i < places.length; i++) {
      int d = g / places[i] % 10;
      if (d == 0) {
        zero = started;
        continue;
      }
      if (zero) {
        out.append(digits.charAt(0));
        zero = false;
      }
      out.append(digits.charAt(d)).append(units[i]);
      started = true;
    }
    return out.toString();
  }
}
