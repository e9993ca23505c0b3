package dev.pagefeed.model;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.hash.HashingOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stable ids and hashes of SPEC section 4, and the one SHA-256 helper every file and record
 * hash goes through (Guava's {@code Hashing}).
 */
public final class Ids {

  private Ids() {}

  /** Lower-case hex sha256 of the UTF-8 bytes of {@code text}. */
  public static String sha256(String text) {
    return Hashing.sha256().hashString(text, StandardCharsets.UTF_8).toString();
  }

  /** Lower-case hex sha256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    return Hashing.sha256().hashBytes(bytes).toString();
  }

  /** A stream that passes bytes on to {@code out} and takes their sha256 (its {@code hash()}, lower-case hex by {@code toString}). */
  public static HashingOutputStream sha256Of(OutputStream out) {
    return new HashingOutputStream(Hashing.sha256(), out);
  }

  /** Lower-case hex sha256 of everything {@code in} holds, read as a stream (never whole), which it closes. */
  public static String sha256(java.io.InputStream in) throws java.io.IOException {
    Hasher hasher = sha256Hasher();
    byte[] chunk = new byte[1 << 16];
    try (in) {
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        hasher.putBytes(chunk, 0, n);
      }
    }
    return hasher.hash().toString();
  }

  /** A sha256 fed piece by piece (its {@code hash()}, lower-case hex by {@code toString}). */
  public static Hasher sha256Hasher() {
    return Hashing.sha256().newHasher();
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
