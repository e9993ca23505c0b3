package dev.pagefeed.decode;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.SourceInfo;
import dev.pagefeed.model.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Turns the bytes of a page file into text: gzip and bzip2 unwrapped (recognised by their magic
 * bytes, not the file name), the encoding detected (a BOM; else strict UTF-8; else, for HTML,
 * the charset a crawler's dump wrapper or the page's {@code <meta>} declares, GBK and GB2312 read
 * as GB18030; else GB18030) unless one is forced, line ends normalized to LF, a crawler's dump
 * wrapper read ({@link DumpWrapper}). A page valid in one of those charsets but for a few stray
 * bytes (at most 1 in {@link #MAX_REPLACED_PER}) is read with U+FFFD in their place and the count
 * in {@code source.replaced}. What is not a page (empty, binary, undecodable, over the size limit)
 * is rejected with a reason.
 */
public final class PageDecoder {

  /** GB18030 is a superset of GBK and GB2312, so one decoder reads all three. */
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** How many leading bytes are looked at to tell text from binary. */
  static final int SNIFF_BYTES = 8192;

  /** Control characters (other than tab, LF, CR, FF, ESC) allowed per 1,000 sniffed bytes. */
  static final int MAX_CONTROL_PER_MILLE = 10;

  /** {@code <meta charset="gbk">} or {@code content="text/html; charset=gbk"}. */
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-]{2,40})");

  /** Charset names that GB18030 reads, as its subsets. */
  private static final Pattern GB_FAMILY = Pattern.compile("(?i)gb2312|gbk|x-gbk|euc-cn|x-euc-cn|cp936|ms936|gb_2312-80|csgb2312|windows-936");

  /**
   * A page that is valid but for a few stray bytes is read with U+FFFD in their place (and
   * warned about): at most one bad sequence per this many bytes. More is byte soup, not a page.
   */
  static final int MAX_REPLACED_PER = 1000;

  private final long maxBytes;
  private final Charset forced;

  /** @param maxBytes the largest page, after decompression, that is read */
  public PageDecoder(long maxBytes) {
    this(maxBytes, null);
  }

  /**
   * @param maxBytes the largest page, after decompression, that is read
   * @param forced the charset every page is decoded with, or null to detect it
   */
  public PageDecoder(long maxBytes, Charset forced) {
    this.maxBytes = maxBytes;
    this.forced = forced;
  }

  /**
   * Decodes one page file named directly, whose source key is its name.
   *
   * @param path the input path, recorded in the page's source
   * @param stored the file's bytes as stored
   */
  public RawPage decode(String path, byte[] stored) throws RejectedInputException {
    return decode(path, path.substring(path.lastIndexOf('/') + 1), stored, Ids.sha256(stored));
  }

  /**
   * Decodes one page file whose hash is known.
   *
   * @param key the file's source key (see {@link SourceInfo#key})
   * @param sha256 hex sha256 of {@code stored}
   */
  public RawPage decode(String path, String key, byte[] stored, String sha256) throws RejectedInputException {
    return decode(path, key, stored, sha256, null, null);
  }

  /**
   * Decodes a page a WARC file holds: a response record's HTTP body (its transfer and content
   * encodings already undone) or a conversion record's text, read in the charset the record declares
   * when that is valid, else detected as for a page file. Its declared media type says whether it is
   * HTML (a body that starts as HTML is HTML whatever it declares); the record's warnings are the
   * page's.
   *
   * @param path the WARC file's path
   * @param key the WARC file's source key; the record's is it and {@code #offset}
   */
  public RawPage decodeRecord(String path, String key, WarcRecords.Item record) throws RejectedInputException {
    byte[] body = record.body();
    RawPage raw = decode(path, key + "#" + record.offset(), body, Ids.sha256(body), record, record.url());
    // A wrapper inside the body (rare) names the page; else the record's target URI does.
    return raw.wrapperUrl() != null ? raw : new RawPage(raw.source(), raw.text(), record.url(), raw.wrapperTitle());
  }

  /** A tag or a comment: what any HTML page holds. */
  private static final Pattern MARKUP = Pattern.compile("<(?:[A-Za-z][A-Za-z0-9]*[\\s/>]|!--|!doctype)",
      Pattern.CASE_INSENSITIVE);

  /** The media types of HTML bodies. */
  private static final java.util.Set<String> HTML_TYPES = java.util.Set.of("text/html", "application/xhtml+xml");

  /**
   * @param record the WARC record the page comes from, or null for a page file
   * @param url the page's URL as its container gives it (a WARC record's target URI), or null
   */
  private RawPage decode(String path, String key, byte[] stored, String sha256, WarcRecords.Item record, String url)
      throws RejectedInputException {
    if (stored.length > maxBytes) {
      throw tooLarge(stored.length);
    }
    String compression = "none";
    byte[] bytes = stored;
    java.util.List<String> warnings = new java.util.ArrayList<>(record == null ? java.util.List.of() : record.warnings());
    if (startsWith(stored, 0x1F, 0x8B)) {
      compression = "gzip";
      bytes = gunzip(stored, warnings);
    } else if (startsWith(stored, 'B', 'Z', 'h')) {
      compression = "bzip2";
      bytes = unpack(stored, compression);
    }
    if (isBlank(bytes)) {
      throw new RejectedInputException(ErrorType.EMPTY, "the file is empty or holds only white space");
    }
    String declared = record == null ? "" : record.mediaType();
    Decoded decoded = forced != null ? new Decoded(strict(bytes, bomLength(bytes, forced), forced), forced.name(), 0)
        : decodeText(bytes, looksLikeHtml(declared, url != null ? url : path, asciiHead(bytes))
            || DumpWrapper.startsOne(asciiHead(bytes)), charsetNamed(record == null ? null : record.charset()));
    String text = decoded.text.replace("\r\n", "\n").replace('\r', '\n');
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String clean = CONTROLS.matcher(text).replaceAll("");
    if (clean.length() != text.length()) {
      warnings.add(CONTROLS_REMOVED);
      text = clean;
    }
    DumpWrapper.Unwrapped unwrapped = DumpWrapper.unwrap(text);
    text = unwrapped.text();
    if (text.isBlank()) {
      throw new RejectedInputException(ErrorType.EMPTY, "the file holds only white space");
    }
    String format = looksLikeHtml(declared, url != null ? url : path, text) ? "html" : "text";
    SourceInfo source = record == null
        ? new SourceInfo(path, key, format, decoded.charset, compression, stored.length, sha256, decoded.replaced, null,
            null, null, null, warnings)
        : new SourceInfo(path, key, format, decoded.charset, compression, stored.length, sha256, decoded.replaced,
            record.offset(), record.inStream() ? SourceRecord.UNCOMPRESSED : null, record.kind().label(),
            record.fetched(), warnings);
    DumpWrapper wrapper = unwrapped.wrapper();
    return new RawPage(source, text, wrapper == null ? null : wrapper.url(), wrapper == null ? null : wrapper.title());
  }

  /**
   * Decoded text.
   *
   * @param replaced how many malformed byte sequences were replaced by U+FFFD (0 when strict)
   */
  private record Decoded(String text, String charset, int replaced) {}

  /**
   * @param transportCharset a charset the transport declares (a WARC record's HTTP header), tried
   *     before the page's own declaration; or null
   */
  private static Decoded decodeText(byte[] bytes, boolean html, Charset transportCharset) throws RejectedInputException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8", 0);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE", 0);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE", 0);
    }
    if (looksBinary(bytes)) {
      throw new RejectedInputException(ErrorType.BINARY, "the file holds binary data, not text");
    }
    // Strict first: UTF-8, the declared charset (a wrapper's or the page's own), GB18030. Then the
    // one of them that needs the fewest replacements, when they are few enough to be stray bytes.
    List<Charset> candidates = new ArrayList<>();
    candidates.add(StandardCharsets.UTF_8);
    Charset declared = html ? declaredCharset(bytes) : null;
    for (Charset given : java.util.Arrays.asList(transportCharset, declared)) {
      if (given != null && !candidates.contains(given)) {
        candidates.add(given);
      }
    }
    if (!candidates.contains(GB18030)) {
      candidates.add(GB18030);
    }
    for (Charset charset : candidates) {
      Decoded valid = validButForItsEnd(bytes, charset);
      if (valid != null) {
        return valid;
      }
    }
    Decoded best = null;
    for (Charset charset : candidates) {
      Decoded lenient = lenient(bytes, charset);
      if (best == null || lenient.replaced < best.replaced) {
        best = lenient;
      }
    }
    if (best.replaced > bytes.length / MAX_REPLACED_PER) {
      throw new RejectedInputException(ErrorType.UNDECODABLE, "the bytes are not valid text in "
          + candidates.stream().map(Charset::name).toList() + " (" + best.replaced + " bad sequences in " + best.charset
          + ", more than 1 in " + MAX_REPLACED_PER + " bytes)");
    }
    return best;
  }

  /**
   * The bytes decoded strictly, but for a character cut by their end (a body cut at a byte limit, as
   * crawlers cut large ones): that one becomes U+FFFD, which cleaning then removes as a cut marker.
   * Null when the bytes are not valid in {@code charset}.
   */
  private static Decoded validButForItsEnd(byte[] bytes, Charset charset) {
    CharsetDecoder decoder = reporting(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    // Not the end of input: a sequence that the end cuts stays unread instead of being an error.
    CoderResult result = decoder.decode(in, out, false);
    if (result.isError() || in.remaining() >= MAX_CUT_BYTES) {
      return null;
    }
    if (!in.hasRemaining()) {
      decoder.decode(in, out, true);
      decoder.flush(out);
      out.flip();
      return new Decoded(out.toString(), charset.name(), 0);
    }
    out.flip();
    return new Decoded(out + "\uFFFD", charset.name(), 1);
  }

  /** The most bytes a character that the end of the bytes cuts can have left (UTF-8 and GB18030 characters have at most 4). */
  private static final int MAX_CUT_BYTES = 4;

  /** A decoder of {@code charset} that reports malformed and unmappable input instead of replacing it. */
  private static CharsetDecoder reporting(Charset charset) {
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Decodes with U+FFFD for each malformed or unmappable sequence, counting them. */
  private static Decoded lenient(byte[] bytes, Charset charset) {
    CharsetDecoder decoder = reporting(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    int replaced = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        break;
      }
      if (result.isOverflow()) {
        out = grow(out);
        continue;
      }
      replaced++;
      if (!out.hasRemaining()) {
        out = grow(out);
      }
      out.put('\uFFFD');
      in.position(in.position() + result.length());
    }
    while (decoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    out.flip();
    return new Decoded(out.toString(), charset.name(), replaced);
  }

  private static CharBuffer grow(CharBuffer buffer) {
    CharBuffer larger = CharBuffer.allocate(buffer.capacity() * 2 + 16);
    buffer.flip();
    larger.put(buffer);
    return larger;
  }

  private static String strict(byte[] bytes, int offset, Charset charset)
      throws RejectedInputException {
    try {
      return strictOrThrow(bytes, offset, charset);
    } catch (CharacterCodingException e) {
      throw new RejectedInputException(
          ErrorType.UNDECODABLE, "the bytes are not valid " + charset.name() + " text");
    }
  }

  private static String strictOrThrow(byte[] bytes, int offset, Charset charset)
      throws CharacterCodingException {
    return reporting(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }

  /**
   * The charset a crawler's dump wrapper or the page's {@code <meta>} declares, if Java knows it;
   * GBK and GB2312 are read as GB18030, their superset (pages declared GB2312 use GBK characters).
   */
  private static Charset declaredCharset(byte[] bytes) {
    String head = asciiHead(bytes);
    String name = DumpWrapper.charsetHint(head);
    if (name == null) {
      Matcher m = META_CHARSET.matcher(head);
      name = m.find() ? m.group(1) : null;
    }
    return charsetNamed(name);
  }

  /** The charset a declaration names, GBK and GB2312 read as GB18030; null for none or an unknown name. */
  private static Charset charsetNamed(String name) {
    if (name == null) {
      return null;
    }
    String trimmed = name.strip().replace("\"", "");
    if (GB_FAMILY.matcher(trimmed).matches()) {
      return GB18030;
    }
    try {
      return Charset.forName(trimmed);
    } catch (IllegalArgumentException unknown) {
      return null; // an unknown or unsupported name: fall back to GB18030
    }
  }

  /** The first bytes as ISO-8859-1: enough to find markup and a charset declaration. */
  private static String asciiHead(byte[] bytes) {
    return new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
  }

  private static int bomLength(byte[] bytes, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return 3;
    }
    return 0;
  }

  /**
   * C0 control characters but tab and line feed (carriage returns are line ends by now): text no
   * consumer should receive (PostgreSQL refuses NUL in text, CSV readers choke on others).
   */
  private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B-\\x1F]");

  /** The warning of a page whose text had control characters, removed. */
  public static final String CONTROLS_REMOVED = "control_chars_removed";

  /** The warning of a gzip page file with bytes after its gzip data, ignored. */
  public static final String GZIP_TRAILING_GARBAGE = "gzip_trailing_garbage";

  /**
   * A gzip page file's bytes: every member (concatenated gzip files are one); bytes after the last
   * member that are no gzip data are ignored with a warning.
   */
  private byte[] gunzip(byte[] stored, java.util.List<String> warnings) throws RejectedInputException {
    ByteArrayInputStream raw = new ByteArrayInputStream(stored);
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try {
      do {
        // On a stream that supports mark, commons-compress leaves it right after the member it read.
        try (InputStream member = new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(
            new NoClose(raw), false)) {
          all.write(member.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1 - all.size())));
        }
        if (all.size() > maxBytes) {
          throw tooLarge(all.size());
        }
        raw.mark(2);
        boolean another = raw.read() == 0x1F && raw.read() == 0x8B;
        raw.reset();
        if (!another) {
          if (raw.available() > 0) {
            warnings.add(GZIP_TRAILING_GARBAGE);
          }
          break;
        }
      } while (true);
    } catch (IOException e) {
      throw new RejectedInputException(ErrorType.UNDECODABLE, "the gzip data is truncated or corrupt: " + e.getMessage());
    }
    return all.toByteArray();
  }

  /** A stream whose close leaves the stream below open (the next gzip member is read from it). */
  private static final class NoClose extends java.io.FilterInputStream {
    NoClose(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }

  private byte[] unpack(byte[] stored, String compression) throws RejectedInputException {
    try (InputStream in = compression.equals("gzip")
        ? new GZIPInputStream(new ByteArrayInputStream(stored))
        : new BZip2CompressorInputStream(new ByteArrayInputStream(stored))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (out.length > maxBytes) {
        throw tooLarge(out.length);
      }
      return out;
    } catch (IOException e) {
      throw new RejectedInputException(
          ErrorType.UNDECODABLE, "the " + compression + " data is truncated or corrupt: " + e.getMessage());
    }
  }

  private RejectedInputException tooLarge(long size) {
    return new RejectedInputException(
        ErrorType.TOO_LARGE,
        "the page has " + size + " bytes, over the limit of " + maxBytes
            + " (raise it with --maxPageBytes)");
  }

  /** NUL bytes or many control characters in the first bytes mean binary data. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
        control++;
      }
    }
    return control * 1000 > MAX_CONTROL_PER_MILLE * Math.max(n, 1);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a page is HTML: its declared media type says so and it holds markup, or (with none
   * declared) its name ends as an HTML file's does, or its text starts as HTML.
   */
  private static boolean looksLikeHtml(String declared, String path, String text) {
    if (HTML_TYPES.contains(declared) && MARKUP.matcher(text.substring(0, Math.min(text.length(), SNIFF_BYTES))).find()) {
      return true; // declared HTML and holding a tag (a text dump served as text/html holds none)
    }
    String lower = path.toLowerCase(java.util.Locale.ROOT);
    if (declared.isEmpty() && (lower.endsWith(".html") || lower.endsWith(".htm")
        || lower.endsWith(".html.gz") || lower.endsWith(".htm.gz"))) {
      return true;
    }
    String head = text.substring(0, Math.min(text.length(), 1024)).stripLeading().toLowerCase(java.util.Locale.ROOT);
    return head.startsWith("<!doctype") || head.startsWith("<html")
        || (head.startsWith("<") && (head.contains("<html") || head.contains("<head") || head.contains("<body")));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
