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
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The records of a WARC file (read with jwarc), as pagefeed sees them: a {@code response} with
 * status 200 and an HTML or text body is a page; every other record is skipped, and says why; a
 * record that cannot be read is broken, and the reading goes on at the next record boundary.
 *
 * <p>A file can be read in byte ranges, each by another worker: a range holds the records that
 * start in it. Where a range starts inside a record, its first record is found by scanning for a
 * boundary (a gzip member, or {@code WARC/1.} at a line start, uncompressed) at which a record
 * parses. Memory is bounded by one record's block (at most {@code maxBlockBytes}), whatever the
 * file's size.
 */
public final class WarcRecords {

  /** What a record is to pagefeed: a page, or why it is skipped (the manifest counts each). */
  public enum Kind {
    /** A 200 response with an HTML or text body. */
    RESPONSE(SourceRecord.RESPONSE),
    REQUEST("request"),
    METADATA("metadata"),
    WARCINFO("warcinfo"),
    REVISIT("revisit"),
    /** Any other record type (resource, conversion, continuation, …). */
    OTHER_TYPE("other_type"),
    /** A response whose HTTP status is not 200 (a redirect, 404, 500). */
    NOT_200("non_200"),
    /** A 200 response with a body that is not HTML or text (an image, a script). */
    NOT_A_PAGE("not_a_page"),
    /** A record that cannot be read: corrupt, truncated, or a block over the size limit. */
    BROKEN("broken");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One record.
   *
   * @param offset where the record starts in the file (for a gzip file, where its member starts)
   * @param kind what it is
   * @param url its {@code WARC-Target-URI}, or null
   * @param fetched its {@code WARC-Date}, ISO 8601, or null
   * @param body a response's HTTP body, transfer and content encodings undone; null unless a page
   * @param charset the charset the HTTP {@code Content-Type} declares, or null
   * @param detail why it was skipped or broken, for people
   * @param tooLarge whether it is broken because its block is over the size limit
   * @param inStream whether {@code offset} is a position in the file's uncompressed stream (a file
   *     gzipped as a whole has no member per record to name), not in the file itself
   */
  public record Item(long offset, Kind kind, String url, String fetched, byte[] body, String charset, String detail,
      boolean tooLarge, boolean inStream) {

    public Item(long offset, Kind kind, String url, String fetched, byte[] body, String charset, String detail,
        boolean tooLarge) {
      this(offset, kind, url, fetched, body, charset, detail, tooLarge, false);
    }

    /** The same record, its offset a position in the uncompressed stream. */
    Item unpacked() {
      return new Item(offset, kind, url, fetched, body, charset, detail, tooLarge, true);
    }
  }

  /** The media types whose bodies are pages. */
  private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

  private static final byte[] WARC_MAGIC = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] GZIP_MAGIC = {0x1F, (byte) 0x8B, 0x08};

  private static final int SCAN_BUFFER = 1 << 16;

  private WarcRecords() {}

  /** Whether a file starting with {@code head} is a WARC file: {@code WARC/1.} at its start, after gzip if compressed. */
  public static boolean isWarc(byte[] head) {
    byte[] start = head;
    if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head))) {
        start = in.readNBytes(WARC_MAGIC.length);
      } catch (IOException cut) {
        return false; // not gzip after all, or too little of it to tell
      }
    }
    return startsWith(start, 0, WARC_MAGIC);
  }

  /**
   * Reads the records that start in {@code [start, end)} of a WARC file, in file order. A gzip file
   * whose records are not each a gzip member of its own (a file gzipped as a whole) can only be read
   * whole ({@code start} 0): it is unpacked into a temporary file first, and its records' offsets are
   * their positions in the uncompressed stream ({@link Item#inStream}), so that every record has an
   * offset of its own.
   *
   * @param file the whole file, seekable
   * @param maxBlockBytes a record block over this is broken ({@link Item#tooLarge})
   */
  public static void read(SeekableByteChannel file, long start, long end, long maxBlockBytes, Consumer<Item> out)
      throws IOException {
    boolean gzip = isGzip(file);
    if (gzip && !memberPerRecord(file)) {
      if (start > 0) {
        return; // read whole, by the range that starts at 0 (such a file is never cut: see splittable)
      }
      readUnpacked(file, maxBlockBytes, item -> out.accept(item.unpacked()));
      return;
    }
    long next = start == 0 ? 0 : nextRecord(file, start, gzip);
    while (next >= 0 && next < end) {
      next = readFrom(file, next, end, maxBlockBytes, gzip, out);
    }
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
        long next = 0;
        while (next >= 0) {
          next = readFrom(channel, next, Long.MAX_VALUE, maxBlockBytes, false, item -> {
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
  private static long readFrom(SeekableByteChannel file, long at, long end, long maxBlockBytes, boolean gzip,
      Consumer<Item> out) throws IOException {
    file.position(at);
    WarcReader reader = new WarcReader(file);
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
          return brokenAt(file, offset, "the record cannot be read: " + describe(broken), gzip, out);
        }
        return brokenAfter(file, offset, describe(broken), gzip, out);
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
        return brokenAt(file, offset, "cannot be read: " + describe(broken), gzip, out);
      }
      if (item.kind() == Kind.BROKEN && !item.tooLarge()) {
        return brokenAt(file, offset, item.detail(), gzip, out);
      }
      if (item.tooLarge() && (gzip || record.body().size() > file.size() - offset)) {
        // Its length is not followed: a block longer than what is left of the file is a lie, and in
        // a gzip file the next record is the next member, whatever the length says.
        if (!gzip) {
          return brokenAt(file, offset, "its block declares " + record.body().size() + " bytes, more than the "
              + (file.size() - offset) + " left in the file", gzip, out);
        }
        out.accept(item);
        return nextRecord(file, offset + 1, gzip);
      }
      out.accept(item);
    }
  }

  /**
   * What follows the record at {@code offset} cannot be read: a record that starts after it and is cut
   * short (named by its own start), or bytes that are no record (named by the byte after
   * {@code offset}, where no record starts). Says so, and returns where reading goes on.
   */
  private static long brokenAfter(SeekableByteChannel file, long offset, String why, boolean gzip, Consumer<Item> out)
      throws IOException {
    long resume = nextRecord(file, offset + 1, gzip);
    long start = firstMagic(file, offset + 1, resume < 0 ? file.size() : resume, gzip);
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
   * Where the first record boundary in {@code [from, to)} is, whether or not a record parses there
   * (a gzip member's magic bytes, or {@code WARC/1.} at a line start), or -1.
   */
  private static long firstMagic(SeekableByteChannel file, long from, long to, boolean gzip) throws IOException {
    byte[] magic = gzip ? GZIP_MAGIC : WARC_MAGIC;
    byte[] window = new byte[SCAN_BUFFER + magic.length];
    for (long base = Math.max(0, from - 1); base < to; base += SCAN_BUFFER) {
      int filled = readAt(file, base, window);
      for (int i = 0; i + magic.length <= filled && base + i < to; i++) {
        long candidate = base + i;
        if (candidate >= from && startsWith(window, i, magic)
            && (gzip || (i > 0 ? window[i - 1] == '\n' : precededByNewline(file, candidate)))) {
          return candidate;
        }
      }
    }
    return -1;
  }

  /**
   * A broken record at {@code offset}: says so, and where reading goes on (the next record that can
   * be found), or that nothing after it can be read (-1).
   */
  private static long brokenAt(SeekableByteChannel file, long offset, String detail, boolean gzip, Consumer<Item> out)
      throws IOException {
    long resume = nextRecord(file, offset + 1, gzip);
    out.accept(broken(offset, resume >= 0 ? detail : detail + NOTHING_AFTER));
    return resume;
  }

  private static Item classify(long offset, WarcRecord record, long maxBlockBytes) throws IOException {
    String type = record.type();
    String fetched = record.headers().first("WARC-Date").map(d -> record.date().toString()).orElse(null);
    String url = record.headers().first("WARC-Target-URI").map(WarcRecords::stripBrackets).orElse(null);
    Kind kind = switch (type) {
      case "response" -> Kind.RESPONSE;
      case "request" -> Kind.REQUEST;
      case "metadata" -> Kind.METADATA;
      case "warcinfo" -> Kind.WARCINFO;
      case "revisit" -> Kind.REVISIT;
      default -> Kind.OTHER_TYPE;
    };
    if (kind != Kind.RESPONSE) {
      return new Item(offset, kind, url, fetched, null, null, "a " + type + " record", false);
    }
    long length = record.body().size();
    if (length > maxBlockBytes) {
      return new Item(offset, Kind.BROKEN, url, fetched, null, null,
          "the record's block has " + length + " bytes, over the limit of " + maxBlockBytes
              + " (raise it with --maxPageBytes)", true);
    }
    byte[] block = record.body().stream().readNBytes((int) length);
    if (block.length < length) {
      return broken(offset, "truncated: its block has " + block.length + " of the " + length + " bytes it declares");
    }
    if (!(record instanceof WarcResponse) || !record.contentType().base().toString().equals("application/http")) {
      return new Item(offset, Kind.NOT_A_PAGE, url, fetched, null, null, "a response that holds no HTTP message", false);
    }
    HttpResponse http = HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(block)));
    if (http.status() != 200) {
      return new Item(offset, Kind.NOT_200, url, fetched, null, null, "HTTP status " + http.status(), false);
    }
    MediaType media = http.contentType();
    String base = media == null ? "" : media.base().toString().toLowerCase(Locale.ROOT);
    if (!base.isEmpty() && !PAGE_TYPES.contains(base)) {
      return new Item(offset, Kind.NOT_A_PAGE, url, fetched, null, null, "a body of type " + base, false);
    }
    byte[] body;
    try (InputStream in = http.bodyDecoded().stream()) {
      body = in.readAllBytes();
    }
    String charset = media == null ? null : media.parameters().get("charset");
    return new Item(offset, Kind.RESPONSE, url, fetched, body, charset, "", false);
  }

  private static Item broken(long offset, String detail) {
    return new Item(offset, Kind.BROKEN, null, null, null, null, detail, false);
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String stripBrackets(String uri) {
    String trimmed = uri.strip();
    return trimmed.startsWith("<") && trimmed.endsWith(">") ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
  }

  /**
   * Whether the file can be read in ranges: uncompressed, or gzip with one member per record (as
   * WARC writers write it; a file gzipped as a whole has record starts only inside its one stream).
   */
  public static boolean splittable(SeekableByteChannel file) throws IOException {
    return !isGzip(file) || memberPerRecord(file);
  }

  /** How many of a gzip file's first records are checked to start a member of their own. */
  private static final int MEMBERS_CHECKED = 3;

  /**
   * Whether a gzip file's first records (after the first) each start a gzip member of their own, as
   * WARC writers write them; a file with at most one record counts as such (its offset is 0 either way).
   */
  private static boolean memberPerRecord(SeekableByteChannel file) throws IOException {
    file.position(0);
    WarcReader reader = new WarcReader(file);
    long previous = -1;
    try {
      for (int i = 0; i < MEMBERS_CHECKED; i++) {
        if (reader.next().isEmpty()) {
          return true;
        }
        long at = reader.position();
        if (i > 0) {
          byte[] head = new byte[GZIP_MAGIC.length];
          if (at <= previous || readAt(file, at, head) != head.length || !startsWith(head, 0, GZIP_MAGIC)) {
            return false;
          }
        }
        previous = at;
      }
    } catch (IOException | RuntimeException broken) {
      return true; // damage early in the file: read member by member, which can skip it
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
   * The first record start at or after {@code from}, or -1: for a gzip file, a gzip member start; for
   * an uncompressed one, {@code WARC/1.} at a line start; either only where a record then parses.
   */
  public static long nextRecord(SeekableByteChannel file, long from, boolean gzip) throws IOException {
    byte[] magic = gzip ? GZIP_MAGIC : WARC_MAGIC;
    long size = file.size();
    byte[] window = new byte[SCAN_BUFFER + magic.length];
    for (long base = Math.max(0, from - 1); base < size; base += SCAN_BUFFER) {
      int filled = readAt(file, base, window);
      for (int i = 0; i + magic.length <= filled; i++) {
        long candidate = base + i;
        if (candidate < from || !startsWith(window, i, magic)) {
          continue;
        }
        boolean lineStart = gzip || candidate == 0 || (i > 0 ? window[i - 1] == '\n' : precededByNewline(file, candidate));
        if (lineStart && parsesAt(file, candidate)) {
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
      return new WarcReader(file).next().isPresent();
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
