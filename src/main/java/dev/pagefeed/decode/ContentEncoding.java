package dev.pagefeed.decode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * The HTTP content encodings pagefeed undoes ({@code Content-Encoding}, RFC 9110 section 8.4), each
 * with how to tell that bytes really are so encoded: a header can be stale (browser captures store
 * bodies decoded and keep the header), so it is a claim to check, never a fact.
 */
enum ContentEncoding {
  /** No encoding: {@code identity}, or {@code none} as some servers write it. */
  IDENTITY(Set.of("identity", "none")),
  /** gzip (RFC 1952): its magic bytes say so. */
  GZIP(Set.of("gzip", "x-gzip")),
  /**
   * {@code deflate}: zlib-wrapped (RFC 1950) as the standard says, or raw deflate (RFC 1951) as many
   * servers send it; a zlib header says which.
   */
  DEFLATE(Set.of("deflate")),
  /** Brotli (RFC 7932): no magic bytes, so a body that reads as text is taken as not encoded. */
  BROTLI(Set.of("br"));

  private final Set<String> names;

  ContentEncoding(Set<String> names) {
    this.names = names;
  }

  /** The encoding a header value names ({@code gzip}, {@code br}, any case), if pagefeed knows it. */
  static Optional<ContentEncoding> named(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    for (ContentEncoding encoding : values()) {
      if (encoding.names.contains(key)) {
        return Optional.of(encoding);
      }
    }
    return Optional.empty();
  }

  /** How many leading bytes are looked at to tell text from encoded data. */
  static final int TEXT_SNIFF_BYTES = 1024;

  /**
   * Whether {@code bytes} read as text, not as compressed data: none of the control bytes text never
   * holds (all of C0 but tab, line feed, form feed, carriage return and escape) in the first
   * {@value #TEXT_SNIFF_BYTES}. Compressed data holds them every few dozen bytes.
   */
  static boolean looksLikeText(byte[] bytes) {
    int n = Math.min(bytes.length, TEXT_SNIFF_BYTES);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' && b != 0x1B) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code bytes} are (as far as can be told before decoding) encoded this way. */
  boolean applies(byte[] bytes) {
    return switch (this) {
      case IDENTITY -> false;
      case GZIP -> bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
      case DEFLATE, BROTLI -> bytes.length > 0 && !looksLikeText(bytes);
    };
  }

  /** A stream of {@code bytes} decoded; reading it throws where they are not validly so encoded. */
  InputStream decoding(byte[] bytes) throws IOException {
    InputStream in = new ByteArrayInputStream(bytes);
    return switch (this) {
      case IDENTITY -> in;
      case GZIP -> new GZIPInputStream(in);
      case DEFLATE -> new InflaterInputStream(in, new Inflater(!zlibWrapped(bytes)));
      case BROTLI -> new BrotliInputStream(in);
    };
  }

  /** A zlib header (RFC 1950 section 2.2): method 8, and the first two bytes a multiple of 31. */
  static boolean zlibWrapped(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0x0F) == 8 && (((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF)) % 31 == 0;
  }
}
