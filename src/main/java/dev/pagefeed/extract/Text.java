package dev.pagefeed.extract;

import java.util.Arrays;

/**
 * A text as extractors see it. Extractors match against {@link #view()}: the original with
 * full-width ASCII folded to ASCII (０-９, ％, ．, －, ：, ／, ＠ …), traditional and financial numeral
 * characters folded to their common forms (點 → 点, 兩 → 两, 萬 → 万, 壹 → 一), and spaces between
 * CJK characters removed ("百 分 之 2" → "百分之2"), so that one pattern serves every way of
 * writing. {@link #toOriginal} maps a span of the view back to the original, which spans index.
 */
public final class Text {

  /** Characters folded one to one; each pair is (written form, form the patterns use). */
  private static final String FOLD_FROM = "點個兩萬億圓號電話碼聯諮詢熱線壹贰貳叁參肆伍陆陸柒捌玖拾佰仟零對負幣塊錢幾數";
  private static final String FOLD_TO =   "点个两万亿圆号电话码联咨询热线一二二三三四五六六七八九十百千零对负币块钱几数";

  private final String original;
  private final String view;
  private final int[] viewToOriginal;
  private final boolean truncated;

  private Text(String original, boolean truncated) {
    this.original = original;
    this.truncated = truncated;
    StringBuilder out = new StringBuilder(original.length());
    int[] index = new int[original.length() + 1];
    int n = 0;
    int i = 0;
    while (i < original.length()) {
      char c = original.charAt(i);
      if (c == ' ' || c == '\u3000') {
        int j = i;
        while (j < original.length() && (original.charAt(j) == ' ' || original.charAt(j) == '\u3000')) {
          j++;
        }
        boolean insideCjk = (i > 0 && isCjk(original.charAt(i - 1)))
            || (j < original.length() && isCjk(original.charAt(j)));
        if (insideCjk && i > 0 && j < original.length()) {
          i = j; // spaces inside CJK text, as in "百 分 之 2" or "一 百 五 十", are not in the view
          continue;
        }
      }
      // A full-width comma between full-width digits groups thousands ("１１１，１１１"); elsewhere
      // it separates clauses and stays as it is.
      boolean groupsDigits = c == '，' && i > 0 && i + 1 < original.length()
          && isFullWidthDigit(original.charAt(i - 1)) && isFullWidthDigit(original.charAt(i + 1));
      out.append(groupsDigits ? ',' : fold(c));
      index[n++] = i;
      i++;
    }
    index[n] = original.length();
    this.view = out.toString();
    this.viewToOriginal = Arrays.copyOf(index, n + 1);
  }

  public static Text of(String original) {
    return new Text(original, false);
  }

  /**
   * @param truncated whether the text was cut from a longer one (a card snippet), so that a span
   *     touching its end may be incomplete
   */
  public static Text of(String original, boolean truncated) {
    return new Text(original, truncated);
  }

  public String original() {
    return original;
  }

  /** What the patterns run over; spans found in it are mapped back with {@link #toOriginal}. */
  public String view() {
    return view;
  }

  public boolean truncated() {
    return truncated;
  }

  /** The original index of view index {@code i} (0 ≤ i ≤ view length). */
  public int toOriginal(int i) {
    return viewToOriginal[i];
  }

  /** The original end of a view span that ends (exclusively) at view index {@code end}. */
  public int toOriginalEnd(int end) {
    return end == 0 ? 0 : viewToOriginal[end - 1] + 1;
  }

  /** Whether a view span ending at {@code end} touches the cut end of a truncated text. */
  public boolean cutAt(int end) {
    return truncated && end >= view.length();
  }

  static char fold(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E' && c != '，' && c != '；' && c != '～') {
      return (char) (c - 0xFEE0);
    }
    if (c == '\u3000') {
      return ' ';
    }
    int at = FOLD_FROM.indexOf(c);
    return at >= 0 ? FOLD_TO.charAt(at) : c;
  }

  private static boolean isFullWidthDigit(char c) {
    return c >= '０' && c <= '９';
  }

  private static boolean isCjk(char c) {
    return Character.isIdeographic(c) || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF');
  }

}
