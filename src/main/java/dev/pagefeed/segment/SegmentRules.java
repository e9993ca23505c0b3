package dev.pagefeed.segment;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The markers that give a page its structure, kept apart from the algorithm in {@link
 * PageSegmenter} so that each can be read, tested and extended on its own.
 */
final class SegmentRules {

  private SegmentRules() {}

  /** Level 1 at column 0: Chinese ordinal and 、, as in "一、基本医疗保险". */
  static final Pattern CHINESE_ORDINAL_HEADING = Pattern.compile("^[一二三四五六七八九十百]+、\\s*\\S");

  /** "1. 制度架构": level 1 at column 0, level 2 when indented. */
  static final Pattern NUMBERED_HEADING = Pattern.compile("^\\d{1,2}[.．、]\\s*\\S");

  /** "（一）门诊" at column 0: level 2. */
  static final Pattern PARENTHESISED_HEADING = Pattern.compile("^[（(][一二三四五六七八九十]+[)）]\\s*\\S");

  /** A numbered line longer than this is a paragraph that happens to start with a number. */
  static final int MAX_NUMBERED_HEADING_LENGTH = 40;

  /** A line at column 0 this short with no sentence punctuation is a heading ("总结"). */
  static final int MAX_BARE_HEADING_LENGTH = 20;

  /** Punctuation that makes a line a sentence rather than a bare heading. */
  static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[，,。.:：;；!！?？、]");

  /** Punctuation that ends a sentence; a snippet ending in one may be whole. */
  static final Pattern SENTENCE_FINAL = Pattern.compile("[。！？!?…]$|[。！？!?][”」』)）]$");

  /** List item bullets, followed by a space. */
  static final Pattern BULLET = Pattern.compile("^[•·\\-*●▪◦]\\s+");

  /** The disclaimer line: "提示:" or "提示：" and the rest. */
  static final Pattern DISCLAIMER = Pattern.compile("^(?:温馨)?提示\\s*[:：]");

  /** Headers of the related-items sections under the article; each may hold no card. */
  static final Set<String> RELATED_HEADERS =
      Set.of("大家都在搜", "相关推荐", "相关问题", "相关阅读", "猜你喜欢", "相关文章", "热门推荐", "相关新闻", "相关报道",
          "延伸阅读", "推荐阅读", "为你推荐", "更多推荐", "相关链接", "热门文章", "最新文章");

  /**
   * The section a related header names ("猜你喜欢：" → "猜你喜欢"), or null when {@code cleaned} is
   * not one of {@link #RELATED_HEADERS}, with or without a colon after it.
   */
  static String relatedSection(String cleaned) {
    String name = cleaned.endsWith(":") || cleaned.endsWith("：") ? cleaned.substring(0, cleaned.length() - 1).strip() : cleaned;
    return RELATED_HEADERS.contains(name) ? name : null;
  }

  /**
   * Whether {@code text} is nothing but {@code words}, one after another, each taken at the first
   * of them (in the order given) that starts the rest: "首页顶部", "举报收起". An empty text is.
   */
  static boolean madeOfWords(String text, Iterable<String> words) {
    String rest = text;
    boolean progressed = true;
    while (!rest.isEmpty() && progressed) {
      progressed = false;
      for (String word : words) {
        if (rest.startsWith(word)) {
          rest = rest.substring(word.length());
          progressed = true;
          break;
        }
      }
    }
    return rest.isEmpty();
  }

  /** A card's trailer: its category, a space, and its publish date. */
  static final Pattern CARD_TRAILER =
      Pattern.compile("^([^\\d\\s]{1,12})\\s*(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$");

  /** A related item's own date line, when markup gave it no category: "2025-03-21", "2025年3月21日 10:20". */
  static final Pattern CARD_DATE =
      Pattern.compile("^(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?$");

  /** Page chrome after the cards; a line made only of these words is dropped. */
  static final Set<String> FOOTER_WORDS = Set.of("首页", "顶部", "返回顶部", "回到顶部", "上一页", "下一页");

  /** The seed dumps cut card snippets at about this many characters, with no marker. */
  static final int SNIPPET_CUT_LENGTH = 200;

  /** A snippet ending a sentence is whole only when well short of the cut: under this share. */
  static final double WHOLE_SNIPPET_SHARE = 0.8;
}
