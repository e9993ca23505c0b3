package dev.pagefeed.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.bench.TestWarc;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.WarcCompression;

/**
 * WARC records as pagefeed reads them, from files jwarc's writer made: kinds, URLs, dates,
 * charsets, chunked and gzip bodies; junk between records and a last record cut short are broken
 * records and the reading goes on; and read in ranges cut anywhere, a file gives the same records
 * as read whole.
 */
class WarcRecordsTest {

  @TempDir Path temp;

  private static final String HTML = "<html><head><title>医保报销比例</title></head><body><p>参保人员住院报销比例为75%。</p></body></html>";

  private Path crawl(WarcCompression compression) throws IOException {
    Path file = temp.resolve(compression == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc");
    byte[] gbk = HTML.getBytes(Charset.forName("GBK"));
    try (TestWarc warc = new TestWarc(file, compression)) {
      warc.warcinfo(file.getFileName().toString())
          .fetch("https://example.cn/a.html", "text/html; charset=utf-8", HTML.getBytes(StandardCharsets.UTF_8), false, false)
          .fetch("https://example.cn/b.html", "text/html; charset=GBK", gbk, true, true)
          .response("https://example.cn/gone", 404, "text/html", "<p>not here</p>".getBytes(StandardCharsets.UTF_8), false, false)
          .response("https://example.cn/moved", 301, "text/html", new byte[0], false, false)
          .response("https://example.cn/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, false, false)
          .revisit("https://example.cn/a.html")
          .metadata("https://example.cn/a.html")
          .junk("\r\n\r\nthis is not a record, a torn write left it here\r\n")
          .fetch("https://example.cn/c.txt", "text/plain", "标题\n正文一段。".getBytes(StandardCharsets.UTF_8), false, true)
          .truncated("https://example.cn/d.html", HTML.getBytes(StandardCharsets.UTF_8), 0.6);
    }
    return file;
  }

  private static List<WarcRecords.Item> read(Path file, long start, long end) throws IOException {
    List<WarcRecords.Item> items = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      WarcRecords.read(channel, start, end, 1 << 20, items::add);
    }
    return items;
  }

  private static List<String> kinds(List<WarcRecords.Item> items) {
    return items.stream().map(i -> i.kind().label()).toList();
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void everyRecordIsAPageOrSaysWhyNot(WarcCompression compression) throws IOException {
    Path file = crawl(compression);
    assertTrue(WarcRecords.isWarc(Files.readAllBytes(file)));
    List<WarcRecords.Item> items = read(file, 0, Long.MAX_VALUE);
    assertEquals(List.of("warcinfo", "request", "response", "request", "response", "non_200", "non_200", "not_a_page",
        "revisit", "metadata", "broken", "request", "response", "broken"), kinds(items));

    WarcRecords.Item a = items.get(2);
    assertEquals("https://example.cn/a.html", a.url());
    assertEquals("utf-8", a.charset());
    assertArrayEquals(HTML.getBytes(StandardCharsets.UTF_8), a.body());
    assertTrue(a.fetched().startsWith("2025-03-01T08:00:"), a.fetched());
    WarcRecords.Item b = items.get(4);
    assertEquals("GBK", b.charset());
    assertArrayEquals(HTML.getBytes(Charset.forName("GBK")), b.body(), "chunked and gzip-encoded, undone");
    assertEquals("标题\n正文一段。", new String(items.get(12).body(), StandardCharsets.UTF_8));
    assertTrue(items.get(13).detail().contains("truncated") || items.get(13).detail().contains("cannot be read"),
        items.get(13).detail());

    // Offsets are where the records start, distinct and rising; a record read alone from its offset is itself.
    for (int i = 1; i < items.size(); i++) {
      assertTrue(items.get(i).offset() > items.get(i - 1).offset(), "offsets rise: " + items);
    }
    List<WarcRecords.Item> fromB = read(file, b.offset(), Long.MAX_VALUE);
    assertEquals(b.offset(), fromB.get(0).offset());
    assertEquals("https://example.cn/b.html", fromB.get(0).url());
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void rangesCutAnywhereGiveTheRecordsOfTheWholeFile(WarcCompression compression) throws IOException {
    Path file = crawl(compression);
    List<String> whole = read(file, 0, Long.MAX_VALUE).stream().map(WarcRecordsTest::describe).toList();
    long size = Files.size(file);
    try (FileChannel channel = FileChannel.open(file)) {
      assertTrue(WarcRecords.splittable(channel));
    }
    // Every cut point (every byte of a small file), and every three-way cut on a coarser grid.
    for (long cut = 0; cut <= size; cut++) {
      List<String> parts = new ArrayList<>();
      read(file, 0, cut).forEach(i -> parts.add(describe(i)));
      read(file, cut, Long.MAX_VALUE).forEach(i -> parts.add(describe(i)));
      assertEquals(whole, parts, "cut at " + cut);
    }
    for (long first = 0; first < size; first += 97) {
      for (long second = first; second < size; second += 131) {
        List<String> parts = new ArrayList<>();
        read(file, 0, first).forEach(i -> parts.add(describe(i)));
        read(file, first, second).forEach(i -> parts.add(describe(i)));
        read(file, second, Long.MAX_VALUE).forEach(i -> parts.add(describe(i)));
        assertEquals(whole, parts, "cut at " + first + " and " + second);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void aTornWriteIsTheSameBrokenRecordReadWholeOrInRanges(WarcCompression compression) throws IOException {
    // Junk right after a chunked, gzip-encoded body: the parser's view of the bytes before the fault
    // differs between a whole read and a range that starts near it, the message must not.
    Path file = temp.resolve(compression == WarcCompression.GZIP ? "torn.warc.gz" : "torn.warc");
    try (TestWarc warc = new TestWarc(file, compression)) {
      warc.warcinfo(file.getFileName().toString())
          .fetch("https://example.cn/a.html", "text/html; charset=utf-8", HTML.getBytes(StandardCharsets.UTF_8), true, true)
          .junk("\r\n\r\ntorn write, no record\r\n")
          .fetch("https://example.cn/b.html", "text/html; charset=utf-8", HTML.getBytes(StandardCharsets.UTF_8), true, true);
    }
    List<String> whole = read(file, 0, Long.MAX_VALUE).stream().map(WarcRecordsTest::describe).toList();
    assertTrue(whole.stream().anyMatch(item -> item.contains(" BROKEN ")), whole.toString());
    for (long cut = 0; cut <= Files.size(file); cut++) {
      List<String> parts = new ArrayList<>();
      read(file, 0, cut).forEach(i -> parts.add(describe(i)));
      read(file, cut, Long.MAX_VALUE).forEach(i -> parts.add(describe(i)));
      assertEquals(whole, parts, "cut at " + cut);
    }
    // A file system that hands out few bytes per read (as remote ones do) fills the parser's buffer otherwise.
    for (int chunk : new int[] {1, 7, 100, 4096}) {
      List<String> trickled = new ArrayList<>();
      try (FileChannel channel = FileChannel.open(file)) {
        WarcRecords.read(trickling(channel, chunk), 0, Long.MAX_VALUE, 1 << 20, i -> trickled.add(describe(i)));
      }
      assertEquals(whole, trickled, "read " + chunk + " bytes at a time");
    }
  }

  /** {@code channel}, read at most {@code chunk} bytes at a time. */
  private static java.nio.channels.SeekableByteChannel trickling(FileChannel channel, int chunk) {
    return new java.nio.channels.SeekableByteChannel() {
      @Override
      public int read(java.nio.ByteBuffer dst) throws IOException {
        if (dst.remaining() <= chunk) {
          return channel.read(dst);
        }
        java.nio.ByteBuffer some = dst.slice().limit(chunk);
        int read = channel.read(some);
        if (read > 0) {
          dst.position(dst.position() + read);
        }
        return read;
      }

      @Override
      public int write(java.nio.ByteBuffer src) {
        throw new UnsupportedOperationException();
      }

      @Override
      public long position() throws IOException {
        return channel.position();
      }

      @Override
      public java.nio.channels.SeekableByteChannel position(long position) throws IOException {
        channel.position(position);
        return this;
      }

      @Override
      public long size() throws IOException {
        return channel.size();
      }

      @Override
      public java.nio.channels.SeekableByteChannel truncate(long size) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isOpen() {
        return channel.isOpen();
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  private static String describe(WarcRecords.Item item) {
    // With its detail: a broken record's message must not depend on how the file was cut either.
    return item.offset() + " " + item.kind() + " " + item.url() + " "
        + (item.body() == null ? "-" : new String(item.body(), StandardCharsets.UTF_8).hashCode()) + " " + item.detail();
  }

  @org.junit.jupiter.api.Test
  void aFileGzippedWholeGivesEveryRecordItsPositionInTheStream() throws IOException {
    Path plain = crawl(WarcCompression.NONE);
    Path whole = gzipWhole(plain, "whole.warc.gz");
    assertTrue(WarcRecords.isWarc(Files.readAllBytes(whole)));
    try (FileChannel channel = FileChannel.open(whole)) {
      assertFalse(WarcRecords.splittable(channel));
    }
    // The same records as the uncompressed file, at the same (uncompressed) positions, each marked
    // as such; the junk and the record cut short are found as in the uncompressed file.
    List<WarcRecords.Item> unpacked = read(plain, 0, Long.MAX_VALUE);
    List<WarcRecords.Item> items = read(whole, 0, Long.MAX_VALUE);
    assertEquals(unpacked.stream().map(WarcRecordsTest::describe).toList(),
        items.stream().map(WarcRecordsTest::describe).toList());
    assertTrue(items.stream().allMatch(WarcRecords.Item::inStream));
    assertFalse(unpacked.stream().anyMatch(WarcRecords.Item::inStream));
    assertEquals(items.size(), items.stream().map(WarcRecords.Item::offset).distinct().count(), "offsets are distinct");
    assertEquals(List.of(), read(whole, 1, Long.MAX_VALUE), "a range after 0 of such a file holds nothing");
  }

  @org.junit.jupiter.api.Test
  void aFileGzippedWholeAndCutShortSaysWhereUnpackingStopped() throws IOException {
    Path plain = temp.resolve("short.warc");
    try (TestWarc warc = new TestWarc(plain, WarcCompression.NONE)) {
      warc.warcinfo("short.warc");
      for (int i = 0; i < 20; i++) {
        warc.fetch("https://example.cn/" + i + ".html", "text/html; charset=utf-8",
            HTML.replace("75%", i + "%").getBytes(StandardCharsets.UTF_8), false, false);
      }
    }
    byte[] packed = Files.readAllBytes(gzipWhole(plain, "short.warc.gz"));
    Path cut = Files.write(temp.resolve("cut.warc.gz"), java.util.Arrays.copyOf(packed, packed.length * 2 / 3));
    List<WarcRecords.Item> items = read(cut, 0, Long.MAX_VALUE);
    WarcRecords.Item last = items.get(items.size() - 1);
    assertEquals(WarcRecords.Kind.BROKEN, last.kind());
    assertTrue(items.stream().filter(i -> i.kind() == WarcRecords.Kind.RESPONSE).count() >= 5, kinds(items).toString());
    // The record cut short is named by its own start: a record of the uncompressed file starts there.
    List<Long> starts = read(plain, 0, Long.MAX_VALUE).stream().map(WarcRecords.Item::offset).toList();
    assertTrue(starts.contains(last.offset()), last.offset() + " in " + starts);
  }

  private Path gzipWhole(Path plain, String name) throws IOException {
    Path whole = temp.resolve(name);
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write(Files.readAllBytes(plain));
    }
    return whole;
  }

  /**
   * A record whose {@code Content-Length} claims more than the file holds (written byte by byte: no
   * WARC writer makes it) is broken, and the records after it are read, the same whole and in ranges.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {2_000, 1L << 40})
  void aLengthThatClaimsMoreThanTheFileHoldsLosesNoRecordAfterIt(long claimed) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    bytes.write(record("warcinfo", null, "software: test\r\n".getBytes(StandardCharsets.UTF_8), -1));
    long lying = bytes.size();
    bytes.write(record("response", "https://example.cn/liar.html", http(HTML), claimed));
    long after = bytes.size();
    for (int i = 0; i < 3; i++) {
      bytes.write(record("response", "https://example.cn/" + i + ".html", http(HTML.replace("75%", i + "%")), -1));
    }
    Path file = Files.write(temp.resolve("liar.warc"), bytes.toByteArray());
    List<WarcRecords.Item> items = read(file, 0, Long.MAX_VALUE);
    assertEquals(List.of("warcinfo", "broken", "response", "response", "response"), kinds(items));
    assertEquals(lying, items.get(1).offset(), "the lying record is named by its own start");
    assertEquals(after, items.get(2).offset());
    List<String> whole = items.stream().map(WarcRecordsTest::describe).toList();
    for (long cut = 1; cut < Files.size(file); cut += 37) {
      List<String> parts = new ArrayList<>();
      read(file, 0, cut).forEach(i -> parts.add(describe(i)));
      read(file, cut, Long.MAX_VALUE).forEach(i -> parts.add(describe(i)));
      assertEquals(whole, parts, "cut at " + cut);
    }
  }

  /** A record as a crawler writes it; {@code claimed}, when not -1, is the Content-Length it states instead of the truth. */
  private static byte[] record(String type, String url, byte[] block, long claimed) {
    String head = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(block)
        + ">\r\nWARC-Date: 2025-03-01T08:00:00Z\r\n" + (url == null ? "" : "WARC-Target-URI: " + url + "\r\n")
        + "Content-Type: " + (url == null ? "application/warc-fields" : "application/http; msgtype=response")
        + "\r\nContent-Length: " + (claimed < 0 ? block.length : claimed) + "\r\n\r\n";
    byte[] start = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = java.util.Arrays.copyOf(start, start.length + block.length + 4);
    System.arraycopy(block, 0, all, start.length, block.length);
    System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, all, start.length + block.length, 4);
    return all;
  }

  private static byte[] http(String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  @ParameterizedTest
  @EnumSource(WarcCompression.class)
  void aRecordCutShortIsNamedByItsOwnStart(WarcCompression compression) throws IOException {
    Path file = crawl(compression);
    List<WarcRecords.Item> items = read(file, 0, Long.MAX_VALUE);
    WarcRecords.Item cut = items.get(items.size() - 1);
    WarcRecords.Item before = items.get(items.size() - 2);
    // The last record starts where the one before it ends: at the byte after the earlier record's
    // end, not at the byte after that record's start.
    assertEquals(WarcRecords.Kind.BROKEN, cut.kind());
    assertTrue(cut.offset() > before.offset() + 1, cut.offset() + " after " + before.offset());
    byte[] head = new byte[compression == WarcCompression.GZIP ? 2 : 7];
    try (FileChannel channel = FileChannel.open(file)) {
      channel.read(java.nio.ByteBuffer.wrap(head), cut.offset());
    }
    assertEquals(compression == WarcCompression.GZIP ? "1f8b" : "WARC/1.",
        compression == WarcCompression.GZIP ? String.format("%02x%02x", head[0], head[1])
            : new String(head, StandardCharsets.US_ASCII));
  }

  @org.junit.jupiter.api.Test
  void onlyWarcFilesAreWarc() {
    assertFalse(WarcRecords.isWarc("<html>WARC/1.0</html>".getBytes(StandardCharsets.UTF_8)));
    assertFalse(WarcRecords.isWarc(new byte[] {0x1F, (byte) 0x8B}));
    assertTrue(WarcRecords.isWarc("WARC/1.1\r\nWARC-Type: warcinfo\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(WarcRecords.isWarc("WARC/0.18\r\nWARC-Type: warcinfo\r\n".getBytes(StandardCharsets.US_ASCII)));
    assertTrue(WarcRecords.isWarc("WARC/2.0\r\n".getBytes(StandardCharsets.US_ASCII)), "an unsupported version is still WARC");
    assertTrue(WarcRecords.isWarc("filedesc://IA-001.arc 0.0.0.0 20090301080000 text/plain 76\n".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(WarcRecords.isWarc("WARC/ is a file format for web archives".getBytes(StandardCharsets.US_ASCII)));
    assertFalse(WarcRecords.isWarc("filedesc: a description".getBytes(StandardCharsets.US_ASCII)));
  }
}
