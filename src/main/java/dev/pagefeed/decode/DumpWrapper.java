package dev.pagefeed.decode;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A crawler's wrapper around a dumped page, read as metadata rather than as the page's text: a
 * line {@code <text id="URL" title="…" encoding="gb2312">} before the HTML (closed by {@code
 * </text>} at the end), or {@code <doc><url>URL</url>…</doc>}. Its URL is the page's when the page
 * names none (and so gives the page its id), its title is a title candidate, its encoding a
 * charset hint.
 *
 * @param url the URL it names, or null
 * @param title the title it gives, or null
 */
public record DumpWrapper(String url, String title) implements Serializable {

  /** {@code <text …>} at the start, with its attributes. */
  static final Pattern TEXT_WRAPPER = Pattern.compile("^\\s*<text\\s[^>]*>", Pattern.CASE_INSENSITIVE);

  /** {@code <doc>} at the start, then its {@code <url>} (and other short fields) before the page. */
  static final Pattern DOC_WRAPPER =
      Pattern.compile("^\\s*<doc>\\s*(?:<(?!url>)(\\w+)>[^<]{0,2000}</\\1>\\s*)*<url>([^<]{0,4000})</url>", Pattern.CASE_INSENSITIVE);

  /** A wrapper's {@code encoding="…"}, read from the raw bytes before decoding. */
  private static final Pattern ENCODING =
      Pattern.compile("^\\s*<text\\s[^>]*?\\bencoding\\s*=\\s*[\"']?([A-Za-z0-9_\\-]{2,40})", Pattern.CASE_INSENSITIVE);

  /**
   * A page's text without its wrapper.
   *
   * @param text the page's text
   * @param wrapper what the wrapper said, or null when there was none
   */
  public record Unwrapped(String text, DumpWrapper wrapper) {}

  /** Whether text (or bytes read as ISO-8859-1) starts with a wrapper. */
  static boolean startsOne(String head) {
    return TEXT_WRAPPER.matcher(head).find() || head.stripLeading().regionMatches(true, 0, "<doc>", 0, 5);
  }

  /** The charset a {@code <text>} wrapper declares, read from the start of the raw bytes; or null. */
  static String charsetHint(String asciiHead) {
    Matcher m = ENCODING.matcher(asciiHead);
    return m.find() ? m.group(1) : null;
  }

  /** Splits a decoded text into its wrapper and the page it wraps. */
  static Unwrapped unwrap(String text) {
    Matcher textWrapper = TEXT_WRAPPER.matcher(text);
    if (textWrapper.find()) {
      Element tag = Jsoup.parseBodyFragment(textWrapper.group().strip() + "</text>").body().child(0);
      String page = stripClosing(text.substring(textWrapper.end()), "</text>").strip();
      return new Unwrapped(page, new DumpWrapper(blankToNull(tag.attr("id")), blankToNull(tag.attr("title"))));
    }
    Matcher docWrapper = DOC_WRAPPER.matcher(text);
    if (docWrapper.find()) {
      String page = stripClosing(text.substring(docWrapper.end()), "</doc>").strip();
      return new Unwrapped(page, new DumpWrapper(blankToNull(docWrapper.group(2).strip()), null));
    }
    return new Unwrapped(text, null);
  }

  private static String stripClosing(String text, String closing) {
    String trimmed = text.stripTrailing();
    return trimmed.regionMatches(true, trimmed.length() - closing.length(), closing, 0, closing.length())
        ? trimmed.substring(0, trimmed.length() - closing.length())
        : text;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
