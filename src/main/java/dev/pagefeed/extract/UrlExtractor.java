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
 * URLs: any known scheme ({@code http(s)://…}, {@code ftp://…}, {@link #SCHEMES}), {@code www.…},
 * {@code localhost[:port]}, and bare hosts under any public suffix of the Public Suffix List
 * ({@code ylbz.pingliang.gov.cn}, {@code bit.ly}, {@code shop.co.uk}; Guava's {@code
 * InternetDomainName}). A single-label host counts only after a scheme ({@code https://intranet/x})
 * or as {@code localhost}. CJK text and closing punctuation never belong to a URL. The text keeps
 * its case; normalized has a lower-case scheme and host and a default path {@code /}, the fragment
 * kept; a missing scheme becomes {@code http://} with flag {@code scheme_inferred}.
 */
public final class UrlExtractor implements Extractor {

  /** Characters RFC 3986 allows in a URL after the host. */
  private static final String URL_CHARS = "[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]";

  private static final Pattern URL_CHAR = Pattern.compile(URL_CHARS);

  /** The most characters of a URL after its host that are matched (a bound for linear time). */
  static final int MAX_TAIL = 2000;

  /**
   * URI schemes that stand before {@code ://} in text people write (the IANA registry's common
   * ones); a word of letters before {@code ://} that is not one ({@code httt://}) makes no URL.
   */
  static final List<String> SCHEMES = List.of(
      "https", "http", "ftps", "ftp", "sftp", "wss", "ws", "file", "git", "ssh", "svn", "rtsp", "rtmp", "mms",
      "telnet", "ldaps", "ldap", "nntp", "news", "irc", "ircs", "gopher", "webcal", "smb", "nfs", "s3", "hdfs");

  /** Schemes longest first, so that an alternation takes "https" before "http". */
  private static final String SCHEME_ALTERNATION = SCHEMES.stream()
      .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()))
      .collect(java.util.stream.Collectors.joining("|"));

  /** A host label: letters, digits and inner hyphens, at most 63 characters. */
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?";

  static final Pattern URL =
      Pattern.compile(
          "(?i)(?:"
              + "(?<![A-Za-z0-9])(?<scheme>" + SCHEME_ALTERNATION + ")://[A-Za-z0-9\\-.]+(?::\\d{1,5})?(?:[/?#]" + URL_CHARS + "{0," + MAX_TAIL + "})?"
              + "|(?<![A-Za-z0-9@.\\-/])(?<bare>(?:" + LABEL + "\\.){1,8}[A-Za-z][A-Za-z0-9\\-]{1,62}|localhost)(?![A-Za-z0-9\\-@])"
              + "(?::\\d{1,5})?(?:[/?#]" + URL_CHARS + "{0," + MAX_TAIL + "})?"
              + ")");

  /** Punctuation that ends a sentence rather than a URL when it is the URL's last character. */
  private static final String TRAILING = ".,;:!?'\")]}";

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (s.indexOf('.') < 0 && !s.contains("://") && !containsLocalhost(s)) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    Matcher m = URL.matcher(s);
    while (m.find()) {
      int end = trimEnd(s, m.start(), m.end());
      Match match = toMatch(s.substring(m.start(), end), m.start(), end, m.group("scheme") != null);
      if (match != null && end == m.end() && end - m.start() > MAX_TAIL && end < s.length() && URL_CHAR.matcher(s.substring(end, end + 1)).matches()) {
        match = match.truncated(); // the length limit stopped it, not the URL's end
      }
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

  private static boolean containsLocalhost(String s) {
    return s.toLowerCase(Locale.ROOT).contains("localhost");
  }

  static Match toMatch(String raw, int start, int end, boolean hasScheme) {
    String scheme = hasScheme ? raw.substring(0, raw.indexOf(':')).toLowerCase(Locale.ROOT) : "http";
    String rest = hasScheme ? raw.substring(raw.indexOf("://") + 3) : raw;
    int pathAt = indexOfAny(rest, "/?#");
    String authority = pathAt < 0 ? rest : rest.substring(0, pathAt);
    String tail = pathAt < 0 ? "" : rest.substring(pathAt);
    String host = authority.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    String port = authority.substring(Math.min(authority.length(), host.length()));
    if (host.isEmpty() || host.startsWith(".") || host.endsWith(".") || host.contains("..")) {
      return null;
    }
    // Without a scheme, a host is a URL only under a public suffix (or as localhost).
    if (!hasScheme && !host.equals("localhost") && !underPublicSuffix(host)) {
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

  /** Whether {@code host} is a name below a public suffix: {@code bit.ly} yes, {@code co.uk} or {@code a.b} no. */
  static boolean underPublicSuffix(String host) {
    try {
      InternetDomainName name = InternetDomainName.from(host);
      return name.isUnderPublicSuffix();
    } catch (IllegalArgumentException e) {
      return false;
    }
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
