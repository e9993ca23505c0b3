package dev.pagefeed.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP message in a WARC response record: the body bounded by the block, each header a claim
 * checked against the bytes (the habits themselves, producer by producer, are in CrawlFilesTest).
 */
class CapturedResponseTest {

  private static final byte[] PAGE = ("<html><head><title>医保</title></head><body><p>住院费用按比例报销。</p></body></html>")
      .getBytes(StandardCharsets.UTF_8);

  private static byte[] message(String head, byte[] body) {
    byte[] h = head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static CapturedResponse.Body body(String head, byte[] body) throws IOException {
    return CapturedResponse.parse(message(head, body)).body(1 << 20);
  }

  @Test
  void aResponseWithNoLengthHeaderRunsToTheEndOfTheBlock() throws IOException {
    CapturedResponse.Body read = body("HTTP/1.0 200 OK\nContent-Type: text/html\n", PAGE);
    assertArrayEquals(PAGE, read.bytes());
    assertEquals(List.of(), read.warnings());
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 1 << 20})
  void aContentLengthThatIsNotTheBodysNeverCutsIt(int declared) throws IOException {
    CapturedResponse.Body read = body("HTTP/1.1 200 OK\nContent-Length: " + declared + "\n", PAGE);
    assertArrayEquals(PAGE, read.bytes());
    assertEquals(List.of(CapturedResponse.CONTENT_LENGTH_MISMATCH), read.warnings());
  }

  @Test
  void aStaleChunkedHeaderOnTextThatStartsWithHexDigitsKeepsTheText() throws IOException {
    // "2024" reads as a chunk size of 0x2024 bytes, more than the body has: not chunked.
    byte[] text = "2024\n年度医保报销比例调整说明".getBytes(StandardCharsets.UTF_8);
    CapturedResponse.Body read = body("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nContent-Type: text/plain\n", text);
    assertArrayEquals(text, read.bytes());
    assertEquals(List.of(CapturedResponse.STALE_TRANSFER_ENCODING), read.warnings());
  }

  @Test
  void aGzipBodyCutShortKeepsWhatCanBeDecoded() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 4000; i++) {
      text.append((char) (0x4E00 + (i * 7919) % 2000));
    }
    byte[] long_ = text.toString().getBytes(StandardCharsets.UTF_8);
    byte[] gz = gzip(long_);
    CapturedResponse.Body read = body("HTTP/1.1 200 OK\nContent-Encoding: gzip\n", Arrays.copyOf(gz, gz.length - 20));
    assertEquals(CapturedResponse.BODY_CUT_SHORT, read.warnings().get(read.warnings().size() - 1));
    assertEquals(true, read.bytes().length > 1000 && read.bytes().length < long_.length, "" + read.bytes().length);
    assertArrayEquals(Arrays.copyOf(long_, read.bytes().length), read.bytes(), "a prefix of the body");
  }

  @Test
  void encodingsAreUndoneInTheReverseOfTheirOrder() throws IOException {
    byte[] twice = gzip(gzip(PAGE));
    assertArrayEquals(PAGE, body("HTTP/1.1 200 OK\nContent-Encoding: gzip, x-gzip\n", twice).bytes());
  }

  @Test
  void anUnknownEncodingOfBinaryBytesIsUnsupportedAndNamed() {
    byte[] binary = new byte[300];
    new java.util.Random(3).nextBytes(binary);
    CapturedResponse.UnsupportedEncoding e = assertThrows(CapturedResponse.UnsupportedEncoding.class,
        () -> body("HTTP/1.1 200 OK\nContent-Encoding: zstd\n", binary));
    assertEquals(true, e.getMessage().contains("\"zstd\""), e.getMessage());
  }

  @Test
  void anUnknownEncodingOnTextIsAStaleHeader() throws IOException {
    CapturedResponse.Body read = body("HTTP/1.1 200 OK\nContent-Encoding: sdch\n", PAGE);
    assertArrayEquals(PAGE, read.bytes());
    assertEquals(List.of(CapturedResponse.STALE_CONTENT_ENCODING), read.warnings());
  }

  @Test
  void aBodyThatDecodesToMoreThanTheLimitIsTooLarge() throws IOException {
    byte[] bomb = gzip(new byte[5 << 20]);
    assertThrows(CapturedResponse.TooLarge.class,
        () -> CapturedResponse.parse(message("HTTP/1.1 200 OK\nContent-Encoding: gzip\n", bomb)).body(1 << 20));
  }

  @Test
  void statusTypeAndCharsetComeFromTheHeader() throws IOException {
    CapturedResponse http = CapturedResponse.parse(message("HTTP/1.1 404 Not Found\nContent-Type: Text/HTML; charset=GBK\n", PAGE));
    assertEquals(404, http.status());
    assertEquals("text/html", http.mediaType());
    assertEquals("GBK", http.charset());
  }
}
