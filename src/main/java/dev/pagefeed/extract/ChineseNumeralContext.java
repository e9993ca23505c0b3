package dev.pagefeed.extract;

/**
 * When a Chinese numeral is a number and not part of a word: "统一元旦" holds "一元" but no
 * amount, "第一人民医院" holds "一人" but no count of people.
 */
final class ChineseNumeralContext {

  private ChineseNumeralContext() {}

  /** Chinese numeral characters; a numeral right after one is part of a longer run. */
  static final String NUMERALS = "零〇一二两三四五六七八九十百千万亿兆";

  /** Characters after which a one-character Chinese numeral may still be a number. */
  static final String NUMBER_OPENERS = "付交收花赔补共计仅只约近为是达至到每人月年天有需要用了和或及与费价额款税金薪、，,：:（(";

  /**
   * Whether the numeral {@code number} starting at {@code start} in {@code text} stands as a
   * number: Arabic always; Chinese unless an ordinal 第 or a word character runs into it.
   */
  static boolean standsAlone(String text, int start, String number) {
    char first = number.charAt(0);
    if (first >= '0' && first <= '9') {
      return true;
    }
    if (start == 0) {
      return true;
    }
    char before = text.charAt(start - 1);
    if (before == '第' || before == '数' || before == '几' || NUMERALS.indexOf(before) >= 0) {
      return false; // an ordinal, a vague count (数十亿), or the tail of a longer run ("二三十")
    }
    if (number.length() > 1 || !Character.isIdeographic(before)) {
      return true;
    }
    return NUMBER_OPENERS.indexOf(before) >= 0;
  }
}
