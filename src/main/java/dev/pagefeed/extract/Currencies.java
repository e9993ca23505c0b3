package dev.pagefeed.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/** Currency words and signs with their ISO 4217 codes; patterns take them longest first. */
final class Currencies {

  private Currencies() {}

  /**
   * Currency names that several countries' currencies share, or that pagefeed has no code for:
   * the amount is kept with {@code currency: null} ("300第纳尔" is an amount, but which dinar?).
   * Declared before {@link #WORDS}, whose building reads it.
   */
  static final java.util.List<String> UNRESOLVED = java.util.List.of(
      "第纳尔", "法郎", "克朗", "先令", "里亚尔", "迪拉姆", "兹罗提", "福林", "列伊", "列弗", "格里夫纳", "坚戈", "苏姆",
      "基普", "瑞尔", "缅元", "塔卡", "卢菲亚");

  /** Words written after the amount: "100美元", "1200元"; a word of {@link #UNRESOLVED} maps to null. */
  static final Map<String, String> WORDS = new LinkedHashMap<>();

  /** Signs and codes written before the amount: "￥120", "$100", "人民币500元". */
  static final Map<String, String> SIGNS = new LinkedHashMap<>();

  static {
    String[] words = {
      "新台币", "TWD", "台币", "TWD", "新加坡元", "SGD", "新西兰元", "NZD", "加拿大元", "CAD",
      "澳大利亚元", "AUD", "瑞士法郎", "CHF", "瑞典克朗", "SEK", "丹麦克朗", "DKK", "挪威克朗", "NOK",
      "越南盾", "VND", "林吉特", "MYR", "雷亚尔", "BRL", "人民币", "CNY", "美元", "USD", "美圆", "USD",
      "美金", "USD", "欧元", "EUR", "港币", "HKD", "港元", "HKD", "日元", "JPY", "日币", "JPY",
      "英镑", "GBP", "澳元", "AUD", "加元", "CAD", "韩元", "KRW", "泰铢", "THB", "卢布", "RUB",
      "卢比", "INR", "奈拉", "NGN", "兰特", "ZAR", "里拉", "TRY", "比索", "MXN", "新币", "SGD",
      "块钱", "CNY", "元", "CNY", "圆", "CNY", "块", "CNY"
    };
    for (int i = 0; i < words.length; i += 2) {
      WORDS.put(words[i], words[i + 1]);
    }
    for (String name : UNRESOLVED) {
      WORDS.put(name, null);
    }
    String[] signs = {
      "人民币", "CNY", "RMB", "CNY", "CNY", "CNY", "US$", "USD", "HK$", "HKD", "USD", "USD",
      "￥", "CNY", "¥", "CNY", "$", "USD", "€", "EUR", "£", "GBP"
    };
    for (int i = 0; i < signs.length; i += 2) {
      SIGNS.put(signs[i], signs[i + 1]);
    }
  }

  /** The words that name no particular currency by themselves ("元" is a yuan only by default). */
  static final java.util.Set<String> GENERIC = java.util.Set.of("元", "圆", "块", "块钱");

  /** Currency names that may also stand before the amount: "港币2960元", "人民币500元". */
  static String namedPrefixes() {
    return longestFirst(WORDS.keySet().stream().filter(word -> !GENERIC.contains(word)).toList());
  }

  /** Characters one of which every amount of money holds: a currency word's last, a sign's first. */
  static String indicators() {
    StringBuilder chars = new StringBuilder();
    for (String word : WORDS.keySet()) {
      chars.append(word.charAt(word.length() - 1));
    }
    for (String sign : SIGNS.keySet()) {
      chars.append(sign.charAt(0));
    }
    return chars.toString();
  }

  /** The first characters of every sign and named prefix. */
  static String signStarts() {
    StringBuilder chars = new StringBuilder();
    for (String sign : SIGNS.keySet()) {
      chars.append(sign.charAt(0));
    }
    for (String word : WORDS.keySet()) {
      if (!GENERIC.contains(word)) {
        chars.append(word.charAt(0));
      }
    }
    return chars.toString();
  }

  /** An alternation of the keys, regex-quoted, longest first, so that "新台币" wins over "台币" and "元". */
  static String alternation(Map<String, String> map) {
    return longestFirst(map.keySet());
  }

  /** Words as a regex alternation, longest first (ties in text order), each quoted. */
  static String longestFirst(java.util.Collection<String> words) {
    return words.stream()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()))
        .map(java.util.regex.Pattern::quote)
        .collect(java.util.stream.Collectors.joining("|"));
  }
}
