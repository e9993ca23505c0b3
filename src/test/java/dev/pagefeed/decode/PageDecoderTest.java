package dev.pagefeed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageDecoderTest {

  private static final String PAGE = "医保中心电话\n\n银川医保中心电话如下:0951-5555216。\n";
  private final PageDecoder decoder = new PageDecoder(1024 * 1024);

  @Test
  void plainUtf8() throws Exception {
    RawPage page = decoder.decode("a.txt", PAGE.getBytes(StandardCharsets.UTF_8));
    assertEquals(PAGE, page.text());
    assertEquals("UTF-8", page.source().encoding());
    assertEquals("none", page.source().compression());
    assertEquals("text", page.source().format());
  }

  @Test
  void utf8WithBomAndCrlf() throws Exception {
    byte[] body = PAGE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    assertEquals(PAGE, decoder.decode("a.txt", bytes).text());
  }

  @Test
  void gb18030WithoutHint() throws Exception {
    RawPage page = decoder.decode("a.txt", PAGE.getBytes(Charset.forName("GBK")));
    assertEquals(PAGE, page.text());
    assertEquals("GB18030", page.source().encoding());
  }

  @Test
  void utf16WithBom() throws Exception {
    RawPage page = decoder.decode("a.txt", ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_16LE));
    assertEquals(PAGE, page.text());
    assertEquals("UTF-16LE", page.source().encoding());
  }

  @Test
  void gzipByMagicBytes() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
    RawPage page = decoder.decode("a.dump", zipped.toByteArray());
    assertEquals(PAGE, page.text());
    assertEquals("gzip", page.source().compression());
  }

  @Test
  void truncatedGzipIsRejected() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
      out.write(PAGE.repeat(50).getBytes(StandardCharsets.UTF_8));
    }
    byte[] cut = Arrays.copyOf(zipped.toByteArray(), zipped.size() / 2);
    assertEquals(ErrorType.UNDECODABLE, rejected(cut));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\t\n"})
  void emptyIsRejected(String text) {
    assertEquals(ErrorType.EMPTY, rejected(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void bytesValidInNoEncodingAreRejected() {
    byte[] bad = {'a', 'b', (byte) 0x81, (byte) 0x0A, (byte) 0xFF, (byte) 0xFE, 'c'};
    assertEquals(ErrorType.UNDECODABLE, rejected(bad));
  }

  @Test
  void corruptBzip2IsRejected() {
    byte[] bad = {'B', 'Z', 'h', '9', 1, 2, 3, 4, 5, 6, 7, 8};
    assertEquals(ErrorType.UNDECODABLE, rejected(bad));
  }

  @Test
  void binaryIsRejected() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    assertEquals(ErrorType.BINARY, rejected(png));
  }

  @Test
  void tooLargeIsRejected() {
    assertEquals(ErrorType.TOO_LARGE, assertThrows(RejectedInputException.class,
        () -> new PageDecoder(10).decode("a.txt", PAGE.getBytes(StandardCharsets.UTF_8))).type());
  }

  @Test
  void htmlIsRecognised() throws Exception {
    assertEquals("html", decoder.decode("a.txt", "<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8)).source().format());
    assertEquals("html", decoder.decode("page.htm", "<p>x</p>".getBytes(StandardCharsets.UTF_8)).source().format());
  }

  @Test
  void aPageWithAFewStrayBytesIsReadWithReplacementsAndCounted() throws Exception {
    // A long GBK page with two bytes that are valid in no charset (0xFF), as a bad copy leaves them.
    byte[] gbk = PAGE.repeat(20).getBytes(Charset.forName("GBK"));
    java.io.ByteArrayOutputStream stray = new java.io.ByteArrayOutputStream();
    stray.writeBytes(gbk);
    stray.write(0xFF);
    stray.writeBytes(gbk);
    stray.write(0xFF);
    RawPage page = decoder.decode("a.txt", stray.toByteArray());
    assertEquals("GB18030", page.source().encoding());
    assertEquals(2, page.source().replaced());
    assertEquals(2, page.text().chars().filter(c -> c == '\uFFFD').count());
  }

  @Test
  void aCleanPageHasNoReplacements() throws Exception {
    assertEquals(0, decoder.decode("a.txt", PAGE.getBytes(Charset.forName("GBK"))).source().replaced());
  }

  @Test
  void byteSoupIsStillUndecodable() {
    byte[] soup = new byte[20_000];
    new java.util.Random(7).nextBytes(soup);
    for (int i = 0; i < soup.length; i++) {
      soup[i] = (byte) (soup[i] == 0 || (soup[i] & 0xFF) < 0x20 ? 'x' : soup[i]); // not binary: no control bytes
    }
    assertEquals(ErrorType.UNDECODABLE, rejected(soup));
  }

  private ErrorType rejected(byte[] bytes) {
    return assertThrows(RejectedInputException.class, () -> decoder.decode("a.txt", bytes)).type();
  }
}
