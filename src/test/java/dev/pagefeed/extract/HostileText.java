package dev.pagefeed.extract;

import java.util.LinkedHashMap;
import java.util.Map;

/** About 1 MB of text built to make a careless regex backtrack: digits, dashes, %, URLs, numerals. */
public final class HostileText {

  /** Characters in each hostile text. */
  public static final int SIZE = 1 << 20;

  private HostileText() {}

  /** Name → text, each about {@link #SIZE} characters. */
  public static Map<String, String> all() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("digits", "1234567890".repeat(SIZE / 10));
    texts.put("digits and dashes", "1-".repeat(SIZE / 2));
    texts.put("area codes", "0375-".repeat(SIZE / 5));
    texts.put("phone cue and groups", ("电话" + "12 34 ".repeat(50) + "。").repeat(SIZE / 303));
    texts.put("percent signs", "%".repeat(SIZE));
    texts.put("numbers and percent", "5%-".repeat(SIZE / 3));
    texts.put("url schemes", "http://".repeat(SIZE / 7));
    texts.put("dotted labels", "a.".repeat(SIZE / 2));
    texts.put("at signs", "a@b.".repeat(SIZE / 4));
    texts.put("chinese numerals", "一二三四五六七八九十百千万亿".repeat(SIZE / 14));
    texts.put("amounts", "1元".repeat(SIZE / 2));
    texts.put("thousands", "1,000".repeat(SIZE / 5));
    texts.put("dates", "2025年3月".repeat(SIZE / 7));
    texts.put("spaced cjk", "百 ".repeat(SIZE / 2));
    return texts;
  }
}
