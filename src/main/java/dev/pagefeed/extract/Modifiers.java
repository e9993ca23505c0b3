package dev.pagefeed.extract;

import dev.pagefeed.model.Mod;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words around a span that give its {@link Mod}. The word stays outside the span ("95%以上"
 * is text "95%", mod at_least); a word right after the span decides before one right before
 * it ("最高可报销75%以上" is at_least).
 */
public final class Modifiers {

  private Modifiers() {}

  /** Words right before an amount, percentage or quantity. Longest first where they nest. */
  static final Map<String, Mod> NUMBER_PREFIXES =
      ordered(
          "约为", Mod.APPROX, "约有", Mod.APPROX, "大约", Mod.APPROX, "大概", Mod.APPROX, "将近", Mod.APPROX,
          "接近", Mod.APPROX, "约合", Mod.APPROX, "约", Mod.APPROX, "近", Mod.APPROX,
          "不低于", Mod.AT_LEAST, "不少于", Mod.AT_LEAST, "至少", Mod.AT_LEAST, "最少", Mod.AT_LEAST,
          "最低", Mod.AT_LEAST,
          "不超过", Mod.AT_MOST, "不高于", Mod.AT_MOST, "不多于", Mod.AT_MOST, "最高", Mod.AT_MOST,
          "最多", Mod.AT_MOST, "至多", Mod.AT_MOST,
          "超过", Mod.MORE_THAN, "高于", Mod.MORE_THAN, "多于", Mod.MORE_THAN, "大于", Mod.MORE_THAN,
          "逾", Mod.MORE_THAN,
          "低于", Mod.LESS_THAN, "不足", Mod.LESS_THAN, "少于", Mod.LESS_THAN, "不到", Mod.LESS_THAN,
          "小于", Mod.LESS_THAN);

  /** Words right after an amount, percentage or quantity. */
  static final Map<String, Mod> NUMBER_SUFFIXES =
      ordered(
          "以上", Mod.AT_LEAST, "及以上", Mod.AT_LEAST, "起", Mod.AT_LEAST,
          "以内", Mod.AT_MOST, "以下", Mod.AT_MOST, "封顶", Mod.AT_MOST,
          "左右", Mod.APPROX, "上下", Mod.APPROX,
          "多", Mod.MORE_THAN, "余", Mod.MORE_THAN);

  /** Words right after a date ("2024年底", "2016年以来"). */
  static final Map<String, Mod> DATE_SUFFIXES =
      ordered(
          "以来", Mod.SINCE, "起", Mod.SINCE, "开始", Mod.SINCE,
          "之前", Mod.UNTIL, "以前", Mod.UNTIL, "为止", Mod.UNTIL,
          "底", Mod.END, "末", Mod.END, "下旬", Mod.END,
          "初", Mod.START, "上旬", Mod.START,
          "中旬", Mod.MID, "年中", Mod.MID);

  /** Words right before a date. */
  static final Map<String, Mod> DATE_PREFIXES =
      ordered("约", Mod.APPROX, "大约", Mod.APPROX, "自", Mod.SINCE, "直到", Mod.UNTIL);

  /** Verbs that may stand between a prefix word and the number: "最高达75%", "最高支付1.5万元". */
  static final String[] CONNECTORS = {
    "可报销", "可达", "达到", "达", "为", "是", "可", "支付", "报销", "补助", "赔付"
  };

  /**
   * Words that start with a suffix word but are words of their own: "300元起付标准" is not
   * "300元起", and "多" in "多种" does not qualify the number before it.
   */
  static final String[] NOT_SUFFIXES = {"起付", "起步价", "多种", "多个", "多家", "多项", "多次", "余额"};

  /** The mod an amount, percentage or quantity gets from the words around [start, end). */
  public static Mod forNumber(String text, int start, int end) {
    Mod after = suffix(text, end, NUMBER_SUFFIXES);
    return after != null ? after : prefix(text, start, NUMBER_PREFIXES);
  }

  /** The mod a date gets from the words around [start, end). */
  public static Mod forDate(String text, int start, int end) {
    Mod after = suffix(text, end, DATE_SUFFIXES);
    return after != null ? after : prefix(text, start, DATE_PREFIXES);
  }

  /** Where a prefix word (and connector) before {@code start} begins, or {@code start}. */
  public static int prefixStart(String text, int start) {
    int at = afterConnector(text, start);
    for (String word : NUMBER_PREFIXES.keySet()) {
      if (text.startsWith(word, at - word.length())) {
        return at - word.length();
      }
    }
    return start;
  }

  static Mod suffix(String text, int end, Map<String, Mod> words) {
    for (String not : NOT_SUFFIXES) {
      if (text.startsWith(not, end)) {
        return null;
      }
    }
    for (Map.Entry<String, Mod> word : words.entrySet()) {
      if (text.startsWith(word.getKey(), end)) {
        return word.getValue();
      }
    }
    return null;
  }

  /** Words that end in a one-character prefix word but mean something else: 签约 is not 约. */
  static final String[] NOT_PREFIXES = {"签约", "节约", "合约", "预约", "条约", "附近", "最近"};

  /**
   * The prefix word ending right before {@code start}; past a connector verb only a word of two
   * or more characters counts ("最高达75%"), so "未签约报销50%" does not read 约 as approx.
   */
  static Mod prefix(String text, int start, Map<String, Mod> words) {
    int connected = afterConnector(text, start);
    for (int at : new int[] {start, connected}) {
      for (Map.Entry<String, Mod> word : words.entrySet()) {
        String w = word.getKey();
        boolean fits = at - w.length() >= 0 && text.startsWith(w, at - w.length());
        if (fits && (at == start || w.length() >= 2) && !partOfLongerWord(text, at)) {
          return word.getValue();
        }
      }
    }
    return null;
  }

  private static boolean partOfLongerWord(String text, int at) {
    for (String not : NOT_PREFIXES) {
      if (at - not.length() >= 0 && text.startsWith(not, at - not.length())) {
        return true;
      }
    }
    return false;
  }

  /** {@code start} moved back over one connector verb, if one stands right before it. */
  private static int afterConnector(String text, int start) {
    for (String connector : CONNECTORS) {
      if (start - connector.length() >= 0 && text.startsWith(connector, start - connector.length())) {
        return start - connector.length();
      }
    }
    return start;
  }

  private static Map<String, Mod> ordered(Object... pairs) {
    Map<String, Mod> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Mod) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
