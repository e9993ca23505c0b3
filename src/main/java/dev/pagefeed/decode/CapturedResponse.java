package dev.pagefeed.decode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;

/**
 * The HTTP response a WARC {@code response} record holds, read as crawlers really store it. The body
 * is what the record's block holds after the HTTP header, whatever {@code Content-Length} says: many
 * crawlers store responses that have no length header (the body runs to the end of the message), and
 * browser captures store bodies decoded under the length of the encoded ones. A transfer or content
 * encoding is undone only where the bytes really are so encoded; a stale header gives a warning, never
 * a lost or cut body.
 *
 * <pre>
 *   HTTP/1.1 200 OK                          body: the rest of the block
 *   Content-Type: text/html; charset=gbk     charset "gbk"
 *   Content-Encoding: br                     undone, if the bytes are brotli (else: warning)
 *   Content-Length: 2146                     not followed (a mismatch is a warning)
 * </pre>
 *
 * <p>The header is read first ({@link #parse}), so that a record skipped for its status or type is
 * never decoded; {@link #body} decodes.
 */
public final class CapturedResponse {

  /** {@code Content-Length} is not the length of the body the record holds (the record's body is kept). */
  public static final String CONTENT_LENGTH_MISMATCH = "content_length_mismatch";

  /** {@code Transfer-Encoding: chunked} on a body that is not chunked (stored de-chunked): kept as it is. */
  public static final String STALE_TRANSFER_ENCODING = "stale_transfer_encoding";

  /** A {@code Content-Encoding} the body is not encoded with (stored decoded): kept as it is. */
  public static final String STALE_CONTENT_ENCODING = "stale_content_encoding";

  /** A chunked or compressed body that ends before its encoding does: what could be decoded is kept. */
  public static final String BODY_CUT_SHORT = "body_cut_short";

  /** A chunk-size line (RFC 9112 section 7.1): hex digits, optional extensions, a line end. */
  private static final Pattern CHUNK_START = Pattern.compile("^([0-9A-Fa-f]{1,15})[ \\t]*(?:;[^\\r\\n]*)?\\r?\\n");

  private final HttpResponse http;
  private final byte[] block;
  private final byte[] stored;

  private CapturedResponse(HttpResponse http, byte[] block) {
    this.http = http;
    this.block = block;
    this.stored = Arrays.copyOfRange(block, Math.min(block.length, http.serializeHeader().length), block.length);
  }

  /**
   * A body, its encodings undone.
   *
   * @param bytes the decoded body
   * @param warnings what was off but read past ({@link #CONTENT_LENGTH_MISMATCH} and the others here)
   */
  public record Body(byte[] bytes, List<String> warnings) {
    public Body {
      warnings = List.copyOf(warnings);
    }
  }

  /** A {@code Content-Encoding} pagefeed does not read, on a body that is not text as it stands. */
  public static final class UnsupportedEncoding extends IOException {
    private static final long serialVersionUID = 1L;

    UnsupportedEncoding(String encoding) {
      super("its body is encoded with Content-Encoding \"" + encoding + "\", which pagefeed does not decode"
          + " (it decodes gzip, deflate and br)");
    }
  }

  /** A decoded body over the size limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("its decoded body has more than " + limit + " bytes, over the limit (raise it with --maxPageBytes)");
    }
  }

  /**
   * Reads the HTTP response header in a record's block; the body is what follows it in the block.
   *
   * @throws org.netpreserve.jwarc.ParsingException when the block holds no HTTP response header
   */
  public static CapturedResponse parse(byte[] block) throws IOException {
    HttpResponse http = HttpResponse.parseWithoutBody(Channels.newChannel(new ByteArrayInputStream(block)), null);
    return new CapturedResponse(http, block);
  }

  /** The HTTP status code. */
  public int status() {
    return http.status();
  }

  /** The body's media type, lower case ({@code text/html}), or "" when none is declared. */
  public String mediaType() {
    if (http.headers().first("Content-Type").isEmpty()) {
      return ""; // jwarc says application/octet-stream then; many captures of pages have no type
    }
    MediaType media = http.contentType();
    return media == null ? "" : media.base().toString().toLowerCase(Locale.ROOT);
  }

  /** The charset {@code Content-Type} declares, or null. */
  public String charset() {
    if (http.headers().first("Content-Type").isEmpty()) {
      return null;
    }
    MediaType media = http.contentType();
    return media == null ? null : media.parameters().get("charset");
  }

  /**
   * The body, its transfer and content encodings undone where the bytes are so encoded.
   *
   * @param maxBodyBytes a decoded body over this is {@link TooLarge} (a small compressed body can
   *     decode to gigabytes)
   * @throws UnsupportedEncoding when the body is encoded in a way pagefeed does not decode
   */
  public Body body(long maxBodyBytes) throws IOException {
    List<String> warnings = new ArrayList<>();
    byte[] body = stored;
    if (http.headers().all("Transfer-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
      if (startsWithChunk(stored)) {
        // jwarc's parser de-chunks; given the block alone, it cannot read past the record.
        body = drain(HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(block))).body().stream(),
            maxBodyBytes, warnings);
      } else {
        warnings.add(STALE_TRANSFER_ENCODING);
      }
    } else {
      Optional<Long> declared = contentLength();
      if (declared.isPresent() && declared.get() != stored.length) {
        warnings.add(CONTENT_LENGTH_MISMATCH);
      }
    }
    List<String> encodings = new ArrayList<>();
    for (String value : http.headers().all("Content-Encoding")) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          encodings.add(name.strip());
        }
      }
    }
    // Undone in the reverse of the order they were applied in.
    for (int i = encodings.size() - 1; i >= 0; i--) {
      body = decoded(body, encodings.get(i), maxBodyBytes, warnings);
    }
    return new Body(body, warnings);
  }

  /**
   * Whether a body starts as a chunked one does: a chunk-size line whose chunk fits in the body (a
   * de-chunked text whose first line happens to be hex digits, "2024", does not).
   */
  private static boolean startsWithChunk(byte[] stored) {
    java.util.regex.Matcher chunk = CHUNK_START.matcher(
        new String(stored, 0, Math.min(stored.length, 80), java.nio.charset.StandardCharsets.ISO_8859_1));
    return chunk.find() && Long.parseLong(chunk.group(1), 16) <= stored.length - chunk.end();
  }

  private static byte[] decoded(byte[] body, String name, long maxBodyBytes, List<String> warnings) throws IOException {
    Optional<ContentEncoding> known = ContentEncoding.named(name);
    if (known.isEmpty()) {
      if (ContentEncoding.looksLikeText(body)) {
        warnings.add(STALE_CONTENT_ENCODING);
        return body;
      }
      throw new UnsupportedEncoding(name);
    }
    ContentEncoding encoding = known.get();
    if (encoding == ContentEncoding.IDENTITY) {
      return body;
    }
    if (!encoding.applies(body)) {
      warnings.add(STALE_CONTENT_ENCODING);
      return body;
    }
    List<String> cut = new ArrayList<>();
    byte[] decoded;
    try {
      decoded = drain(encoding.decoding(body), maxBodyBytes, cut);
    } catch (TooLarge e) {
      throw e;
    } catch (IOException | RuntimeException notSoEncoded) {
      // Not valid data of this encoding from its first byte (a brotli decoder, for one, throws its own
      // runtime exception): the header is stale.
      warnings.add(STALE_CONTENT_ENCODING);
      return body;
    }
    warnings.addAll(cut);
    return decoded;
  }

  /**
   * Reads a decoding stream to its end, or to where its data stops making sense: what was decoded
   * up to there is kept, with {@link #BODY_CUT_SHORT}.
   */
  private static byte[] drain(InputStream in, long maxBodyBytes, List<String> warnings) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 14];
    try (in) {
      while (true) {
        int n;
        try {
          n = in.read(buffer);
        } catch (IOException | RuntimeException cut) {
          if (out.size() == 0) {
            throw cut instanceof IOException io ? io : new IOException(cut);
          }
          warnings.add(BODY_CUT_SHORT);
          return out.toByteArray();
        }
        if (n < 0) {
          return out.toByteArray();
        }
        out.write(buffer, 0, n);
        if (out.size() > maxBodyBytes) {
          throw new TooLarge(maxBodyBytes);
        }
      }
    }
  }

  private Optional<Long> contentLength() {
    try {
      return http.headers().first("Content-Length").map(v -> Long.parseLong(v.strip()));
    } catch (NumberFormatException notANumber) {
      return Optional.of(-1L); // "-1", or not a number: not the body's length either
    }
  }
}
