package dev.pagefeed.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What an HTML page says about itself, read before its chrome is removed: its canonical URL, its
 * publish date, and its title candidates, of which {@link #title} takes the best.
 */
final class HtmlMetadata {

  private HtmlMetadata() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where the publish date may be written, in order of trust. */
  static final List<String> PUBLISHED = List.of(
      "meta[property=article:published_time]", "meta[name=article:published_time]", "meta[property=og:release_date]",
      "meta[name=pubdate]", "meta[name=PubDate]", "meta[name=publishdate]", "meta[name=publish_date]",
      "meta[itemprop=datePublished]", "meta[name=weibo:article:create_at]", "meta[name=dc.date.issued]",
      "meta[name=DC.date.issued]", "meta[name=dc.date]", "meta[name=date]");

  /**
   * A date as pages write it: {@code 2021-03-05}, {@code 2021/3/5}, {@code 2021.03.05}, {@code
   * 2021年03月05日}, optionally with a time after it.
   */
  static final Pattern DATE = Pattern.compile("((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");

  /** Words of a byline: a short line with one of them is chrome, with or without a date. */
  static final Pattern BYLINE_WORDS = Pattern.compile(
      "(发布时间|发布日期|发表时间|发表于|发文日期|更新时间|来源[:：]|作者[:：]|编辑[:：]|责任编辑|浏览次数|点击[数量率]|阅读[数量]|字号)");

  /** A feed's relative time at the end of a short line, simplified or traditional: "法新社·2天前", "3小時前", "刚刚". */
  static final Pattern RELATIVE_TIME =
      Pattern.compile("(?:\\d+\\s*(?:秒|分钟|分鐘|小时|小時|天|周|週|个月|個月|年)前|刚刚|剛剛|昨天\\s*\\d{1,2}:\\d{2})$");

  /** The longest line whose relative time makes it a byline (a sentence may end "…三天前"). */
  static final int MAX_RELATIVE_TIME_LINE = 30;

  /** The longest line read as a date or byline line. */
  static final int MAX_DATE_LINE = 80;

  /** Separators between a page's title and its site's name in {@code <title>}: "标题_新浪新闻", "标题 - 人民网". */
  static final Pattern SITE_SEPARATOR = Pattern.compile("\\s*[_|｜]\\s*|\\s+[-–—·»]\\s+|\\s*--\\s*");

  /** The page's canonical URL ({@code <link rel=canonical>}, else {@code og:url}), or null. */
  static String canonicalUrl(Document doc) {
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null && !canonical.attr("href").isBlank()) {
      return canonical.attr("href").strip();
    }
    Element og = doc.selectFirst("meta[property=og:url][content]");
    return og == null || og.attr("content").isBlank() ? null : og.attr("content").strip();
  }

  /** The publish date from meta tags, JSON-LD or a {@code <time>} in the article, as ISO; or null. */
  static String published(Document doc) {
    for (String selector : PUBLISHED) {
      Element meta = doc.selectFirst(selector + "[content]");
      if (meta != null) {
        String date = isoDate(meta.attr("content"));
        if (date != null) {
          return date;
        }
      }
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String date = jsonLdDate(script.data());
      if (date != null) {
        return date;
      }
    }
    // Looked up by tag, then by ancestor: a descendant selector ("article time") walks every
    // element's ancestors, which is quadratic on deeply nested pages.
    for (Element time : doc.getElementsByTag("time")) {
      if (time.hasAttr("datetime") && insideArticle(time)) {
        String date = isoDate(time.attr("datetime"));
        if (date != null) {
          return date;
        }
      }
    }
    return null;
  }

  /** {@code datePublished} anywhere in a JSON-LD block (also inside {@code @graph}), or null. */
  static String jsonLdDate(String json) {
    try {
      JsonNode found = JSON.readTree(json).findValue("datePublished");
      return found == null || !found.isTextual() ? null : isoDate(found.asText());
    } catch (java.io.IOException | RuntimeException notJson) {
      return null; // a page's broken JSON-LD says nothing
    }
  }

  private static boolean insideArticle(Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent.normalName().equals("article") || parent.normalName().equals("main")) {
        return true;
      }
    }
    return false;
  }

  /** The first date in {@code text} as ISO {@code yyyy-mm-dd}, or null. */
  static String isoDate(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.find()) {
      return null;
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    return m.group(1) + "-" + (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;
  }

  /** Whether a rendered line is a date or byline line: short, with a date or a byline word. */
  static boolean isDateOrByline(String line) {
    String text = line.strip();
    if (text.codePointCount(0, text.length()) > MAX_DATE_LINE) {
      return false;
    }
    if (BYLINE_WORDS.matcher(text).find()
        || (text.codePointCount(0, text.length()) <= MAX_RELATIVE_TIME_LINE && RELATIVE_TIME.matcher(text).find())) {
      return true;
    }
    Matcher date = DATE.matcher(text);
    // A line that is little but a date (and a time): "2021-03-05 10:20", "2021年03月05日 星期五".
    return date.find() && text.length() - (date.end() - date.start()) <= 12 && !text.contains("。");
  }

  /**
   * The best title of the page: the first {@code <h1>} that is not empty and not the site's logo
   * or name; else {@code og:title}, else {@code <title>}, each without its site name; else the
   * crawler's title; else the first heading of the content. Never empty when any is not.
   *
   * @param h1s the texts of the page's {@code <h1>} elements, in document order
   * @param wrapperTitle the title a crawler's dump wrapper gave, or null
   * @param firstHeading the text of the first heading in the content, or null
   */
  static String title(List<String> h1s, String ogTitle, String titleTag, String wrapperTitle, String firstHeading) {
    String fromTag = withoutSiteName(titleTag);
    String fromOg = withoutSiteName(ogTitle);
    List<String> siteNames = siteNames(titleTag);
    for (String h1 : h1s) {
      String text = TextCleaner.clean(h1);
      if (!text.isEmpty() && !siteNames.contains(text)) {
        return text;
      }
    }
    for (String candidate : new String[] {fromOg, fromTag, withoutSiteName(wrapperTitle), firstHeading}) {
      if (candidate != null && !TextCleaner.clean(candidate).isEmpty()) {
        return TextCleaner.clean(candidate);
      }
    }
    return "";
  }

  /** A {@code <title>}'s first part, before the site's name: "银川医保中心电话 - 健康问答" → "银川医保中心电话". */
  static String withoutSiteName(String title) {
    if (title == null) {
      return null;
    }
    String[] parts = SITE_SEPARATOR.split(title.strip());
    for (String part : parts) {
      if (TextCleaner.clean(part).codePointCount(0, TextCleaner.clean(part).length()) >= 2) {
        return part.strip();
      }
    }
    return title.strip();
  }

  /** The parts of a {@code <title>} after its first: the site's and channel's names. */
  private static List<String> siteNames(String title) {
    List<String> names = new ArrayList<>();
    if (title != null) {
      String[] parts = SITE_SEPARATOR.split(title.strip());
      for (int i = 1; i < parts.length; i++) {
        names.add(TextCleaner.clean(parts[i]));
      }
    }
    return names;
  }
}
