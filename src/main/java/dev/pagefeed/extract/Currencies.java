package dev.pagefeed.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/** Currency words and signs with their ISO 4217 codes; longest words first where they nest. */
final class Currencies {

  private Currencies() {}

  /** Words written after the amount: "100美元", "1200元". */
  static final Map<String, String> WORDS = new LinkedHashMap<>();

  /** Signs and codes written before the amount: "￥120", "$100", "人民币500元". */
  static final Map<String, String> SIGNS = new LinkedHashMap<>();

  static {
    String[] words = {
      "新台币", "TWD", "台币", "TWD", "新加坡元", "SGD", "瑞士法郎", "CHF", "人民币", "CNY",
      "美元", "USD", "美金", "USD", "欧元", "EUR", "港币", "HKD", "港元", "HKD", "日元", "JPY",
      "英镑", "GBP", "澳元", "AUD", "加元", "CAD", "韩元", "KRW", "泰铢", "THB", "卢布", "RUB",
      "块钱", "CNY", "元", "CNY"
    };
    for (int i = 0; i < words.length; i += 2) {
      WORDS.put(words[i], words[i + 1]);
    }
    String[] signs = {
      "人民币", "CNY", "RMB", "CNY", "CNY", "CNY", "US$", "USD", "HK$", "HKD", "USD", "USD",
      "￥", "CNY", "¥", "CNY", "$", "USD", "€", "EUR", "£", "GBP"
    };
    for (int i = 0; i < signs.length; i += 2) {
      SIGNS.put(signs[i], signs[i + 1]);
    }
  }

  /** An alternation of the keys, regex-quoted, in map order. */
  static String alternation(Map<String, String> map) {
    StringBuilder out = new StringBuilder();
    for (String key : map.keySet()) {
      if (out.length() > 0) {
        out.append('|');
      }
      out.append(java.util.regex.Pattern.quote(key));
    }
    return out.toString();
  }
}
