package dev.pagefeed.segment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Which links become {@code url} fields (a page's, a card's): only {@code http} and {@code https}
 * ones, resolved against the page's own URL. A {@code javascript:}, {@code data:},
 * {@code vbscript:} or {@code file:} link, in any case, with spaces, tabs or entities inside, never
 * does: the link is read as a browser reads it (tabs and line breaks inside removed, spaces and
 * control characters around it trimmed) before its scheme is looked at.
 */
public final class Links {

  /** The schemes a {@code url} field may have. */
  static final Set<String> WEB_SCHEMES = Set.of("http", "https");

  private Links() {}

  /**
   * {@code href} as an absolute http(s) URL, resolved against {@code base} when it is relative;
   * null when it is no such link (another scheme, relative with no base, not a URL).
   *
   * @param base an absolute http(s) URL, or null
   */
  public static String webUrl(String href, String base) {
    if (href == null) {
      return null;
    }
    String link = href.replaceAll("[\\t\\n\\r]", "").replaceAll("^[\\x00-\\x20]+|[\\x00-\\x20]+$", "");
    if (link.isEmpty()) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(link.replace(" ", "%20"));
      if (!uri.isAbsolute()) {
        if (base == null) {
          return null;
        }
        uri = new URI(base).resolve(uri);
      }
    } catch (URISyntaxException | IllegalArgumentException notAUrl) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return WEB_SCHEMES.contains(scheme) && uri.getHost() != null ? uri.toString() : null;
  }
}
