package dev.pagefeed.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The stable ids and hashes of SPEC section 4; none depends on paths or run time. */
public final class Ids {

  private Ids() {}

  /** Lower-case hex sha256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex sha256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** First 16 hex of the sha256 of the parts joined with "|". */
  public static String shortId(Object... parts) {
    StringBuilder joined = new StringBuilder();
    for (Object part : parts) {
      if (joined.length() > 0) {
        joined.append('|');
      }
      joined.append(part);
    }
    return sha256(joined.toString()).substring(0, 16);
  }

  /**
   * A page: the first 16 hex of the sha256 of its URL when it has one, else of its source key (the
   * file's path below the input root it was found under). Neither changes when the page's text is
   * edited or the input folder moves.
   *
   * <pre>
   *   pageId(null, "faq/0001.txt") = pageId(null, "faq/0001.txt"), whatever the title or text
   * </pre>
   */
  public static String pageId(String url, String sourceKey) {
    if (url == null && (sourceKey == null || sourceKey.isEmpty())) {
      throw new IllegalArgumentException("a page needs a URL or a source key for its id");
    }
    return sha256(url != null ? url : sourceKey).substring(0, 16);
  }

  public static String cardId(String pageId, int position) {
    return shortId(pageId, position);
  }

  public static String entityId(String pageId, String block, int start, EntityKind kind) {
    return shortId(pageId, block, start, kind.label());
  }
}
