package dev.pagefeed.decode;

import dev.pagefeed.model.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
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
   */
  public record Item(long offset, Kind kind, String url, String fetched, byte[] body, String charset, String detail,
      boolean tooLarge) {}

  /** The media types whose bodies are pages. */
  private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain");

  private static final byte[] WARC_MAGIC = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

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
   * Reads the records that start in {@code [start, end)} of a WARC file, in file order.
   *
   * @param file the whole file, seekable
   * @param maxBlockBytes a record block over this is broken ({@link Item#tooLarge})
   */
  public static void read(SeekableByteChannel file, long start, long end, long maxBlockBytes, Consumer<Item> out)
      throws IOException {
    boolean gzip = isGzip(file);
    long next = start == 0 ? 0 : nextRecord(file, start, gzip);
    while (next >= 0 && next < end) {
      next = readFrom(file, next, end, maxBlockBytes, gzip, out);
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
        long failed = read ? offset + 1 : offset;
        return brokenAt(file, failed, (read ? "the data after the record at offset " + offset : "the record")
            + " cannot be read: " + describe(broken), gzip, out);
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
      out.accept(item);
    }
  }

  /**
   * A broken record at {@code offset}: says so, and where reading goes on (the next record that can
   * be found), or that nothing after it can be read (-1).
   */
  private static long brokenAt(SeekableByteChannel file, long offset, String detail, boolean gzip, Consumer<Item> out)
      throws IOException {
    long resume = nextRecord(file, offset + 1, gzip);
    out.accept(broken(offset, resume >= 0 ? detail
        : detail + "; no record can be found after it, so the rest of the file is not read (a record cut short "
            + "ends the file; in a file gzipped as a whole, no record can be found past damage)"));
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
    if (!isGzip(file)) {
      return true;
    }
    file.position(0);
    WarcReader reader = new WarcReader(file);
    if (reader.next().isEmpty() || reader.next().isEmpty()) {
      return false; // at most one record: nothing to split
    }
    long second = reader.position();
    byte[] head = new byte[3];
    return readAt(file, second, head) == 3 && startsWith(head, 0, new byte[] {0x1F, (byte) 0x8B, 0x08})
        && parsesAt(file, second);
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
    byte[] magic = gzip ? new byte[] {0x1F, (byte) 0x8B, 0x08} : WARC_MAGIC;
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
