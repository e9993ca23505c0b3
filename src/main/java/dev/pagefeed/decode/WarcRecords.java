package dev.pagefeed.decode;

import dev.pagefeed.model.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The records of a WARC file (read with jwarc), as pagefeed sees them: a {@code response} with
 * status 200 and an HTML or text body is a page, and so is a {@code conversion} record of text
 * (Common Crawl's WET files); every other record is skipped, and says why; a record that cannot be
 * read is broken, and the reading goes on at the next record boundary. WARC 1.1, 1.0, 0.18 and 0.17
 * files are read, and ARC files (which jwarc reads as a WARC dialect); a file in another version is
 * one unsupported record.
 *
 * <p>A file can be read in byte ranges, each by another worker: a range holds the records that
 * start in it. Where a range starts inside a record, its first record is found by scanning for a
 * boundary (a gzip member, or, uncompressed, {@code WARC/} or an ARC record's URL line at a line
 * start) at which a record parses. Memory is bounded by one record's block (at most {@code maxBlockBytes}), whatever the
 * file's size.
 */
public final class WarcRecords {

  /** What a record is to pagefeed: a page, or why it is skipped (the manifest counts each). */
  public enum Kind {
    /** A 200 response with an HTML or text body. */
    RESPONSE(SourceRecord.RESPONSE),
    /** A {@code conversion} record of extracted text (Common Crawl's WET files): a text page. */
    CONVERSION("conversion"),
    REQUEST("request"),
    METADATA("metadata"),
    WARCINFO("warcinfo"),
    REVISIT("revisit"),
    /** Any other record type (resource, continuation, …). */
    OTHER_TYPE("other_type"),
    /** A response whose HTTP status is not 200 (a redirect, 404, 500). */
    NOT_200("non_200"),
    /** A 200 response with a body that is not HTML or text (an image, a script). */
    NOT_A_PAGE("not_a_page"),
    /** A record that cannot be read: corrupt, truncated, or a block over the size limit. */
    BROKEN("broken"),
    /**
     * A record pagefeed does not read, undamaged: a body in a content encoding it does not decode,
     * or (one per file, at offset 0) a file in a WARC version it does not read.
     */
    UNSUPPORTED("unsupported");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Whether a record of this kind is read as a page. */
    public boolean page() {
      return this == RESPONSE || this == CONVERSION;
    }
  }

  /**
   * One record.
   *
   * @param offset where the record starts in the file (for a gzip file, where its member starts)
   * @param kind what it is
   * @param url its {@code WARC-Target-URI} ({@code <…>} around it removed), or null
   * @param fetched its {@code WARC-Date}, ISO 8601, or null
   * @param body a page's text: a response's HTTP body (encodings undone), a conversion record's
   *     block; null unless a page
   * @param mediaType a page's media type ({@code text/html}, {@code text/plain}), or "" when none is declared
   * @param charset the charset the record declares (HTTP {@code Content-Type}), or null
   * @param detail why it was skipped or broken, for people
   * @param tooLarge whether it is broken because its block (or decoded body) is over the size limit
   * @param inStream whether {@code offset} is a position in the file's uncompressed stream (a file
   *     gzipped as a whole has no member per record to name), not in the file itself
   * @param warnings what was off in a page's record but read past ({@link CapturedResponse}'s)
   */
  public record Item(long offset, Kind kind, String url, String fetched, byte[] body, String mediaType, String charset,
      String detail, boolean tooLarge, boolean inStream, java.util.List<String> warnings) {

    public Item {
      warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    /** A record that is no page: skipped, broken or unsupported, and why. */
    static Item notAPage(long offset, Kind kind, String url, String fetched, String detail) {
      return new Item(offset, kind, url, fetched, null, "", null, detail, false, false, null);
    }

    /** The same record, its offset a position in the uncompressed stream. */
    Item unpacked() {
      return new Item(offset, kind, url, fetched, body, mediaType, charset, detail, tooLarge, true, warnings);
    }
  }

  /** The media types whose bodies are pages. */
  private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

  /** What starts a WARC file, and an uncompressed WARC record: then a version number. */
  private static final byte[] WARC_MAGIC = "WARC/".getBytes(StandardCharsets.US_ASCII);

  /** What starts an ARC file: its version block's URL. */
  private static final byte[] ARC_MAGIC = "filedesc://".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B, 0x08};

  /** The versions read: what jwarc parses and pagefeed has tests for. ARC files read as ARC/1.1. */
  static final Set<String> VERSIONS = Set.of("WARC/1.1", "WARC/1.0", "WARC/0.18", "WARC/0.17", "ARC/1.1");

  private static final int SCAN_BUFFER = 1 << 16;

  private WarcRecords() {}

  /**
   * How a file's records are found from any byte in it: where a record can start. A candidate is
   * only a record start where a record header then parses.
   */
  enum Layout {
    /** gzip, a member per record: a record starts where a gzip member does. */
    GZIP_MEMBERS(GZIP_MAGIC, false),
    /** Uncompressed WARC: {@code WARC/} at a line start. */
    WARC(WARC_MAGIC, true),
    /** Uncompressed ARC: a record's URL line ({@code http://… 1.2.3.4 20090102030405 text/html 1234}) at a line start. */
    ARC(new byte[0], true);

    private final byte[] magic;
    private final boolean atLineStart;

    Layout(byte[] magic, boolean atLineStart) {
      this.magic = magic;
      this.atLineStart = atLineStart;
    }

    /** Whether a record may start at {@code window[i]}, going by its bytes (a lower-case scheme, for ARC). */
    boolean mayStartAt(byte[] window, int i, int filled) {
      if (this == ARC) {
        return i < filled && window[i] >= 'a' && window[i] <= 'z';
      }
      return i + magic.length <= filled && startsWith(window, i, magic);
    }
  }

  /** Whether a file starting with {@code head} is a WARC (or ARC) file, by its first bytes, after gzip if compressed. */
  public static boolean isWarc(byte[] head) {
    byte[] start = head;
    if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
        start = in.readNBytes(ARC_MAGIC.length);
      } catch (IOException cut) {
        return false; // not gzip after all, or too little of it to tell
      }
    }
    return (startsWith(start, 0, WARC_MAGIC) && start.length > WARC_MAGIC.length
        && Character.isDigit(start[WARC_MAGIC.length])) || startsWith(start, 0, ARC_MAGIC);
  }

  /**
   * Reads the records that start in {@code [start, end)} of a WARC file, in file order. A range that
   * is not the whole file is only read of a file {@link #splittable} says can be cut. A gzip file
   * whose records are not each a gzip member of its own (gzipped as a whole, or in part) is read whole:
   * it is unpacked into a temporary file first, and its records' offsets are their positions in the
   * uncompressed stream ({@link Item#inStream}), so that every record has an offset of its own.
   *
   * @param file the whole file, seekable
   * @param maxBlockBytes a record block over this is broken ({@link Item#tooLarge})
   */
  public static void read(SeekableByteChannel file, long start, long end, long maxBlockBytes, Consumer<Item> out)
      throws IOException {
    Optional<String> unsupported = unsupportedVersion(file);
    if (unsupported.isPresent()) {
      if (start == 0) {
        out.accept(Item.notAPage(0, Kind.UNSUPPORTED, null, null, "the file is " + unsupported.get()
            + ", a version pagefeed does not read (it reads " + String.join(", ", new java.util.TreeSet<>(VERSIONS))
            + "); none of its records is read"));
      }
      return;
    }
    boolean whole = start == 0 && end == Long.MAX_VALUE;
    Layout layout = layout(file);
    if (layout == Layout.GZIP_MEMBERS && whole && !memberPerRecord(file)) {
      readUnpacked(file, maxBlockBytes, item -> out.accept(item.unpacked()));
      return;
    }
    long next = start == 0 ? 0 : nextRecord(file, start, layout);
    while (next >= 0 && next < end) {
      next = readFrom(file, next, end, maxBlockBytes, layout, out);
    }
  }

  /**
   * The version of the file's first record when it is not one pagefeed reads ({@code WARC/2.0}); empty
   * when it is, or when the first record cannot be read (then it is a broken record, read as such).
   */
  private static Optional<String> unsupportedVersion(SeekableByteChannel file) throws IOException {
    file.position(0);
    try {
      WarcReader reader = reader(file);
      Optional<WarcRecord> first = reader.next();
      if (first.isEmpty()) {
        return Optional.empty();
      }
      String version = first.get().version().toString();
      return VERSIONS.contains(version) ? Optional.empty() : Optional.of(version);
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** How the file's records can be found (see {@link Layout}); a gzip file is taken to have a member per record. */
  private static Layout layout(SeekableByteChannel file) throws IOException {
    if (isGzip(file)) {
      return Layout.GZIP_MEMBERS;
    }
    byte[] head = new byte[WARC_MAGIC.length];
    return readAt(file, 0, head) == head.length && startsWith(head, 0, WARC_MAGIC) ? Layout.WARC : Layout.ARC;
  }

  /** A reader of records from the channel's position, lenient as real producers need (LF line ends, odd field names). */
  private static WarcReader reader(SeekableByteChannel file) throws IOException {
    WarcReader reader = new WarcReader(file);
    reader.setLenient(true);
    return reader;
  }

  /**
   * A file gzipped as a whole: unpacked into a temporary file and read as an uncompressed one. Where
   * the gzip stream itself is corrupt or cut short, what was unpacked is read, and one broken record
   * at the position where unpacking stopped says that nothing after it can be read.
   */
  private static void readUnpacked(SeekableByteChannel file, long maxBlockBytes, Consumer<Item> out)
      throws IOException {
    Path unpacked = Files.createTempFile("pagefeed-warc-", ".warc");
    try {
      String damage = null;
      long size;
      file.position(0);
      try (InputStream in = new GZIPInputStream(Channels.newInputStream(file), 1 << 16);
          OutputStream to = Files.newOutputStream(unpacked)) {
        try {
          in.transferTo(to);
        } catch (IOException corrupt) {
          damage = describe(corrupt);
        }
      }
      size = Files.size(unpacked);
      Kind[] last = {null};
      try (SeekableByteChannel channel = Files.newByteChannel(unpacked)) {
        Layout layout = layout(channel);
        long next = 0;
        while (next >= 0) {
          next = readFrom(channel, next, Long.MAX_VALUE, maxBlockBytes, layout, item -> {
            last[0] = item.kind();
            out.accept(item);
          });
        }
      }
      if (damage != null && last[0] != Kind.BROKEN) {
        out.accept(broken(size, "the gzip stream cannot be unpacked past this point (" + damage
            + "); nothing after it can be read"));
      }
    } finally {
      Files.deleteIfExists(unpacked);
    }
  }

  /**
   * Reads records from {@code at} on until one starts at or after {@code end} or the file ends;
   * returns where to go on after a broken record, or -1 when done.
   */
  private static long readFrom(SeekableByteChannel file, long at, long end, long maxBlockBytes, Layout layout,
      Consumer<Item> out) throws IOException {
    file.position(at);
    WarcReader reader = reader(file);
    long offset = at;
    boolean read = false;
    while (true) {
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException broken) {
        // This record's header is corrupt, or, after a record, its end or what follows it: the
        // broken data is then named by the byte after that record's start.
        if (!read) {
          return brokenAt(file, offset, "the record cannot be read: " + describe(broken), layout, out);
        }
        return brokenAfter(file, offset, describe(broken), layout, out);
      }
      read = true;
      if (next.isEmpty()) {
        return -1;
      }
      offset = reader.position();
      if (offset >= end) {
        return -1;
      }
      WarcRecord record = next.get();
      Item item;
      try {
        item = classify(offset, record, maxBlockBytes);
      } catch (IOException | RuntimeException broken) {
        return brokenAt(file, offset, "cannot be read: " + describe(broken), layout, out);
      }
      if (item.kind() == Kind.BROKEN && !item.tooLarge()) {
        return brokenAt(file, offset, item.detail(), layout, out);
      }
      boolean gzip = layout == Layout.GZIP_MEMBERS;
      if (item.tooLarge() && (gzip || record.body().size() > file.size() - offset)) {
        // Its length is not followed: a block longer than what is left of the file is a lie, and in
        // a gzip file the next record is the next member, whatever the length says.
        if (!gzip) {
          return brokenAt(file, offset, "its block declares " + record.body().size() + " bytes, more than the "
              + (file.size() - offset) + " left in the file", layout, out);
        }
        out.accept(item);
        return nextRecord(file, offset + 1, layout);
      }
      out.accept(item);
    }
  }

  /**
   * What follows the record at {@code offset} cannot be read: a record that starts after it and is cut
   * short (named by its own start), or bytes that are no record (named by the byte after
   * {@code offset}, where no record starts). Says so, and returns where reading goes on.
   */
  private static long brokenAfter(SeekableByteChannel file, long offset, String why, Layout layout, Consumer<Item> out)
      throws IOException {
    long resume = nextRecord(file, offset + 1, layout);
    long start = scan(file, offset + 1, resume < 0 ? file.size() : resume, layout, false);
    if (start < 0 && resume >= 0) {
      out.accept(broken(offset + 1, "the data after the record at offset " + offset + " is no record: " + why));
      return resume;
    }
    long at = start < 0 ? offset + 1 : start;
    out.accept(broken(at, (start < 0 ? "the data after the record at offset " + offset : "the record") + " cannot be read: "
        + why + (resume >= 0 ? "" : NOTHING_AFTER)));
    return resume;
  }

  private static final String NOTHING_AFTER = "; no record can be found after it, so the rest of the file is not read"
      + " (a record cut short ends the file)";

  /**
   * A broken record at {@code offset}: says so, and where reading goes on (the next record that can
   * be found), or that nothing after it can be read (-1).
   */
  private static long brokenAt(SeekableByteChannel file, long offset, String detail, Layout layout, Consumer<Item> out)
      throws IOException {
    long resume = nextRecord(file, offset + 1, layout);
    out.accept(broken(offset, resume >= 0 ? detail : detail + NOTHING_AFTER));
    return resume;
  }

  private static Item classify(long offset, WarcRecord record, long maxBlockBytes) throws IOException {
    String type = record.type();
    String fetched = fetched(record);
    String url = record.headers().first("WARC-Target-URI").map(WarcRecords::stripBrackets).orElse(null);
    Kind kind = switch (type) {
      case "response" -> Kind.RESPONSE;
      case "conversion" -> Kind.CONVERSION;
      case "request" -> Kind.REQUEST;
      case "metadata" -> Kind.METADATA;
      case "warcinfo" -> Kind.WARCINFO;
      case "revisit" -> Kind.REVISIT;
      default -> Kind.OTHER_TYPE;
    };
    if (!kind.page()) {
      return Item.notAPage(offset, kind, url, fetched, "a " + type + " record");
    }
    long length = record.body().size();
    if (length > maxBlockBytes) {
      return tooLarge(offset, url, fetched, "the record's block has " + length + " bytes, over the limit of "
          + maxBlockBytes + " (raise it with --maxPageBytes)");
    }
    byte[] block = record.body().stream().readNBytes((int) length);
    if (block.length < length) {
      return broken(offset, "truncated: its block has " + block.length + " of the " + length + " bytes it declares");
    }
    String declared = record.contentType().base().toString().toLowerCase(Locale.ROOT);
    if (kind == Kind.CONVERSION) {
      // Extracted text, as Common Crawl's WET files hold it: the block is the page.
      if (!declared.equals("text/plain")) {
        return Item.notAPage(offset, Kind.NOT_A_PAGE, url, fetched, "a conversion record of type " + declared);
      }
      return new Item(offset, kind, url, fetched, block, declared, record.contentType().parameters().get("charset"), "",
          false, false, null);
    }
    if (!(record instanceof WarcResponse) || !declared.equals("application/http")) {
      return Item.notAPage(offset, Kind.NOT_A_PAGE, url, fetched, "a response that holds no HTTP message");
    }
    CapturedResponse http = CapturedResponse.parse(block);
    if (http.status() != 200) {
      return Item.notAPage(offset, Kind.NOT_200, url, fetched, "HTTP status " + http.status());
    }
    String media = http.mediaType();
    if (!media.isEmpty() && !PAGE_TYPES.contains(media)) {
      return Item.notAPage(offset, Kind.NOT_A_PAGE, url, fetched, "a body of type " + media);
    }
    CapturedResponse.Body body;
    try {
      body = http.body(maxBlockBytes);
    } catch (CapturedResponse.UnsupportedEncoding e) {
      return Item.notAPage(offset, Kind.UNSUPPORTED, url, fetched, e.getMessage());
    } catch (CapturedResponse.TooLarge e) {
      return tooLarge(offset, url, fetched, e.getMessage());
    }
    return new Item(offset, kind, url, fetched, body.bytes(), media, http.charset(), "", false, false, body.warnings());
  }

  /**
   * A record's {@code WARC-Date} as ISO 8601, or null when it has none or one that is no date (ClueWeb09's
   * WARC/0.18 files have days such as {@code 2009-03-65}): the page is read all the same.
   */
  private static String fetched(WarcRecord record) {
    Optional<String> date = record.headers().first("WARC-Date");
    if (date.isEmpty()) {
      return null;
    }
    try {
      return record.date().toString();
    } catch (RuntimeException notIso) {
      // Early versions wrote offsets without a colon (2009-03-01T08:43:19-0800, ClueWeb09).
      try {
        return java.time.OffsetDateTime.parse(date.get().strip(), OFFSET_WITHOUT_COLON).toInstant().toString();
      } catch (RuntimeException notADate) {
        return null;
      }
    }
  }

  /** {@code WARC-Date} as WARC/0.18 files have it: an offset without a colon. */
  private static final java.time.format.DateTimeFormatter OFFSET_WITHOUT_COLON =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXX");

  private static Item tooLarge(long offset, String url, String fetched, String detail) {
    return new Item(offset, Kind.BROKEN, url, fetched, null, "", null, detail, true, false, null);
  }

  private static Item broken(long offset, String detail) {
    return Item.notAPage(offset, Kind.BROKEN, null, null, detail);
  }

  /** The longest description of a parse error kept in a message (jwarc quotes the bytes around it). */
  private static final int MAX_DESCRIPTION = 200;

  private static String describe(Throwable e) {
    if (e.getMessage() == null) {
      return e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    if (e instanceof org.netpreserve.jwarc.ParsingException) {
      // jwarc quotes the bytes it had buffered around the fault, and how many depends on how the
      // file was read (whole or in ranges): the same file must give the same message, so only the
      // fault is kept ("invalid WARC record at position 0").
      int context = message.indexOf(": ");
      message = context < 0 ? message : message.substring(0, context);
    }
    // jwarc writes bytes over 0x7f sign-extended (\xffffffd6): one byte each is what they are.
    message = message.replace("\\xffffff", "\\x");
    if (message.length() > MAX_DESCRIPTION) {
      message = message.substring(0, MAX_DESCRIPTION) + "…";
    }
    return e.getClass().getSimpleName() + ": " + message;
  }

  private static String stripBrackets(String uri) {
    String trimmed = uri.strip();
    return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }

  /**
   * Whether the file can be read in ranges: uncompressed WARC, or gzip with one member per record (as
   * WARC writers write it; a file gzipped as a whole has record starts only inside its one stream).
   * Uncompressed ARC files are read whole: their record starts are too costly to find from any byte.
   */
  public static boolean splittable(SeekableByteChannel file) throws IOException {
    Layout layout = layout(file);
    return layout == Layout.WARC || (layout == Layout.GZIP_MEMBERS && memberPerRecord(file));
  }

  /**
   * Whether every record of a gzip file starts a gzip member of its own, as WARC writers write them
   * (a record may also span several members). Reads the whole file once; a file with at most one
   * record counts as such (its offset is 0 either way), and so does one damaged before its end, which
   * reading member by member can skip.
   */
  private static boolean memberPerRecord(SeekableByteChannel file) throws IOException {
    file.position(0);
    WarcReader reader = reader(file);
    long previous = -1;
    byte[] head = new byte[GZIP_MAGIC.length];
    try {
      for (boolean first = true; reader.next().isPresent(); first = false) {
        long at = reader.position();
        if (!first && (at <= previous || readAt(file, at, head) != head.length || !startsWith(head, 0, GZIP_MAGIC))) {
          return false;
        }
        previous = at;
      }
    } catch (IOException | RuntimeException broken) {
      return true;
    }
    return true;
  }

  private static boolean isGzip(SeekableByteChannel file) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(2);
    file.position(0);
    while (head.hasRemaining() && file.read(head) >= 0) {
      // fill
    }
    return head.position() == 2 && (head.get(0) & 0xFF) == 0x1F && (head.get(1) & 0xFF) == 0x8B;
  }

  /**
   * The first record start at or after {@code from}, or -1: a place where the layout says a record
   * may start, and a record header then parses.
   */
  static long nextRecord(SeekableByteChannel file, long from, Layout layout) throws IOException {
    return scan(file, from, file.size(), layout, true);
  }

  /**
   * The first place in {@code [from, to)} where the layout says a record may start (and, if
   * {@code parses}, where a record header then parses), or -1.
   */
  private static long scan(SeekableByteChannel file, long from, long to, Layout layout, boolean parses)
      throws IOException {
    byte[] window = new byte[SCAN_BUFFER + WARC_MAGIC.length];
    for (long base = Math.max(0, from - 1); base < to; base += SCAN_BUFFER) {
      int filled = readAt(file, base, window);
      for (int i = 0; i < filled && base + i < to; i++) {
        long candidate = base + i;
        if (candidate < from || !layout.mayStartAt(window, i, filled)) {
          continue;
        }
        boolean lineStart = !layout.atLineStart || candidate == 0
            || (i > 0 ? window[i - 1] == '\n' : precededByNewline(file, candidate));
        if (lineStart && (!parses || parsesAt(file, candidate))) {
          return candidate;
        }
      }
    }
    return -1;
  }

  private static boolean precededByNewline(SeekableByteChannel file, long at) throws IOException {
    byte[] one = new byte[1];
    return readAt(file, at - 1, one) == 1 && one[0] == '\n';
  }

  /** Whether a WARC record's header parses at {@code at}. */
  private static boolean parsesAt(SeekableByteChannel file, long at) {
    try {
      file.position(at);
      return reader(file).next().isPresent();
    } catch (IOException | RuntimeException notHere) {
      return false;
    }
  }

  private static int readAt(SeekableByteChannel file, long at, byte[] into) throws IOException {
    file.position(at);
    ByteBuffer buffer = ByteBuffer.wrap(into);
    while (buffer.hasRemaining() && file.read(buffer) >= 0) {
      // fill
    }
    return buffer.position();
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (bytes.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
