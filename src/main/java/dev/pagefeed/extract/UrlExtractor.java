package dev.pagefeed.extract;

import com.google.common.net.InternetDomainName;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.UrlValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs: {@code http(s)://…}, {@code www.…}, and bare domains under a known top-level domain
 * ({@code ylbz.pingliang.gov.cn}). CJK text and closing punctuation never belong to a URL.
 * Normalized with lower-case scheme and host and a default path {@code /}; the fragment is kept;
 * a missing scheme becomes {@code http://} with flag {@code scheme_inferred}.
 */
public final class UrlExtractor implements Extractor {

  /** Characters RFC 3986 allows in a URL after the host. */
  private static final String URL_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";

  /** Top-level domains a bare domain may end in (with no scheme and no www). */
  static final String BARE_TLDS =
      "gov\\.cn|com\\.cn|org\\.cn|edu\\.cn|net\\.cn|ac\\.cn|cn|com|net|org|gov|edu|info|io|hk|tw";

  static final Pattern URL =
      Pattern.compile(
          "(?i)(?:"
              + "(?<![A-Za-z0-9])(?<scheme>https?)://[A-Za-z0-9\\-.]+(?::\\d{1,5})?(?:[/?#]" + URL_CHARS + "{0,2000})?"
              + "|(?<![A-Za-z0-9@.\\-/])www\\.[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)+(?::\\d{1,5})?(?:[/?#]" + URL_CHARS + "{0,2000})?"
              + "|(?<![A-Za-z0-9@.\\-/])(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,62})\\.){1,8}(?:" + BARE_TLDS + ")(?![A-Za-z0-9\\-@])"
              + "(?:[/?#]" + URL_CHARS + "{0,2000})?"
              + ")");

  /** Punctuation that ends a sentence rather than a URL when it is the URL's last character. */
  private static final String TRAILING = ".,;:!?'\")]}";

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (s.indexOf('.') < 0 && !s.contains("://")) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    Matcher m = URL.matcher(s);
    while (m.find()) {
      int end = trimEnd(s, m.start(), m.end());
      Match match = toMatch(s.substring(m.start(), end), m.start(), end, m.group("scheme") != null);
      if (match != null) {
        out.add(match);
      }
    }
    return out;
  }

  private static int trimEnd(String s, int start, int end) {
    while (end > start && TRAILING.indexOf(s.charAt(end - 1)) >= 0) {
      char c = s.charAt(end - 1);
      if (c == ')' && count(s, start, end, '(') >= count(s, start, end, ')')) {
        break;
      }
      end--;
    }
    return end;
  }

  private static int count(String s, int start, int end, char c) {
    int n = 0;
    for (int i = start; i < end; i++) {
      n += s.charAt(i) == c ? 1 : 0;
    }
    return n;
  }

  static Match toMatch(String raw, int start, int end, boolean hasScheme) {
    String scheme = hasScheme ? raw.substring(0, raw.indexOf(':')).toLowerCase(Locale.ROOT) : "http";
    String rest = hasScheme ? raw.substring(raw.indexOf("://") + 3) : raw;
    int pathAt = indexOfAny(rest, "/?#");
    String authority = pathAt < 0 ? rest : rest.substring(0, pathAt);
    String tail = pathAt < 0 ? "" : rest.substring(pathAt);
    String host = authority.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    String port = authority.substring(Math.min(authority.length(), host.length()));
    if (host.isEmpty() || host.startsWith(".") || host.endsWith(".") || (!hasScheme && !host.contains("."))) {
      return null;
    }
    if (!tail.startsWith("/")) {
      tail = "/" + tail;
    }
    String url = scheme + "://" + host + port + tail;
    boolean gov = host.endsWith(".gov.cn") || host.endsWith(".gov") || host.equals("gov.cn");
    Match match =
        Match.of(EntityKind.URL, start, end, url,
            new UrlValue(url, scheme, host, registrableDomain(host), gov));
    return hasScheme ? match : match.withFlag(Flag.SCHEME_INFERRED);
  }

  static String registrableDomain(String host) {
    try {
      InternetDomainName name = InternetDomainName.from(host);
      return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : null;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null; // an IP address or a name outside the public-suffix list
    }
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
