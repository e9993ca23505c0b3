package dev.pagefeed.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Error pages served as pages: a 403 or 404 banner, 页面不存在, 访问被拒绝 or a bare server name,
 * sent with status 200 (or saved to a file). Such a page is still a page, with the warning
 * {@value #WARNING}, so that a feed can leave it out. Only a short page is one: an article about
 * errors says more than an error page does.
 *
 * <pre>
 *   isOne("404 Not Found", null, ["404 Not Found", "nginx/1.20.1"])      → true
 *   isOne("页面不存在", null, ["抱歉，您访问的页面不存在或已被删除！"])        → true
 *   isOne("404页面怎么设计", "404页面是网站……（八百字）", …)                → false
 * </pre>
 */
final class ErrorPages {

  /** The warning an error page carries. */
  static final String WARNING = dev.pagefeed.model.Page.ERROR_PAGE;

  /** The most text (title, lead and blocks, in code points) an error page has. */
  static final int MAX_TEXT = 400;

  /** An HTTP status line or its reason phrase as error pages show them: "404 Not Found", "HTTP 403 Forbidden". */
  static final Pattern STATUS = Pattern.compile("(?i)^(?:(?:HTTP(?:/\\d(?:\\.\\d)?)?\\s*)?(?:error\\s*)?[45]\\d\\d"
      + "(?:\\s*[-:：]?\\s*[a-z][a-z -]{2,40})?|not found|forbidden|access denied|bad gateway|bad request"
      + "|service (?:temporarily )?unavailable|internal server error|gateway time-?out|page not found|unauthorized)"
      + "[.!。！]?$");

  /** The longest line read as an error message: error pages say it in a few words, articles in sentences. */
  static final int MAX_MESSAGE_LINE = 40;

  /** What Chinese error pages say, anywhere in a line of at most {@value #MAX_MESSAGE_LINE} characters. */
  static final Pattern CHINESE = Pattern.compile("页面(?:不存在|未找到|找不到|已(?:被)?删除|无法访问|走丢了)"
      + "|(?:找不到|无法找到)(?:该|您(?:要|所)?访问的|请求的)?(?:页面|网页)|网页(?:不存在|无法访问)"
      + "|访问(?:被拒绝|受限|出错)|拒绝访问|无权(?:限)?访问|没有(?:访问)?权限访问|服务器(?:内部)?错误|服务(?:暂时)?不可用"
      + "|40[34]\\s*错误|错误\\s*40[34]");

  /** A line that is only a web server's name, as servers sign their error pages: "nginx/1.20.1", "Apache/2.4.41 (Ubuntu) Server at … Port 443". */
  static final Pattern SERVER_BANNER = Pattern.compile("(?i)^(?:nginx|openresty|tengine|apache(?:-coyote)?|"
      + "microsoft-iis|cloudflare|lighttpd|caddy|litespeed|bfe|varnish|envoy|squid|jetty|apache tomcat)"
      + "(?:/[\\w.-]+)?(?:\\s*\\([^)]*\\))?(?:\\s+server at\\s+\\S+\\s+port\\s+\\d+)?\\.?$");

  private ErrorPages() {}

  /** Whether a page of this title, lead and blocks is an error page. */
  static boolean isOne(String title, String lead, List<String> blocks) {
    List<String> lines = new ArrayList<>();
    lines.add(title);
    if (lead != null) {
      lines.addAll(lead.lines().toList());
    }
    for (String block : blocks) {
      lines.addAll(block.lines().toList());
    }
    int length = 0;
    for (String line : lines) {
      length += line.codePointCount(0, line.length());
    }
    if (length > MAX_TEXT) {
      return false;
    }
    for (String line : lines) {
      String text = line.strip();
      boolean message = text.codePointCount(0, text.length()) <= MAX_MESSAGE_LINE && CHINESE.matcher(text).find();
      if (message || STATUS.matcher(text).matches() || SERVER_BANNER.matcher(text).matches()) {
        return true;
      }
    }
    return false;
  }
}
