package dev.pagefeed.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * Writes WARC files for tests and benchmarks with jwarc's writer, as crawlers write them: a
 * warcinfo record, then for each fetch a request and a response (HTTP bodies as sent: chunked,
 * gzip-encoded, in their charset), and the records a crawl also holds (redirects, 404s, revisits,
 * metadata, images), plus, on demand, the damage real files have: junk between records and a last
 * record cut short.
 */
public final class TestWarc implements Closeable {

  private final FileChannel channel;
  private final WarcWriter writer;
  private final WarcCompression compression;
  private Instant date = Instant.parse("2025-03-01T08:00:00Z");

  public TestWarc(Path file, WarcCompression compression) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING);
    this.compression = compression;
    this.writer = new WarcWriter(channel, compression);
  }

  /** Records from here on are dated from {@code start} (a crawl of another night). */
  public TestWarc startingAt(Instant start) {
    date = start;
    return this;
  }

  /** The date the next record gets; each record is a second after the one before. */
  private Instant next() {
    date = date.plusSeconds(1);
    return date;
  }

  /** The date the last record got, as the page's {@code fetched} reads it. */
  public String lastDate() {
    return date.toString();
  }

  public TestWarc warcinfo(String filename) throws IOException {
    writer.write(new Warcinfo.Builder().date(next()).filename(filename)
        .fields(Map.of("software", List.of("pagefeed tests"), "format", List.of("WARC File Format 1.1"))).build());
    return this;
  }

  /**
   * A fetch: the request, then the 200 response with {@code body}.
   *
   * @param contentType the HTTP Content-Type, e.g. {@code text/html; charset=gbk}
   * @param gzip whether the body is sent with {@code Content-Encoding: gzip}
   * @param chunked whether it is sent with {@code Transfer-Encoding: chunked}
   */
  public TestWarc fetch(String url, String contentType, byte[] body, boolean gzip, boolean chunked) throws IOException {
    request(url);
    return response(url, 200, contentType, body, gzip, chunked);
  }

  public TestWarc request(String url) throws IOException {
    URI uri = URI.create(url);
    String request = "GET " + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
        + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nUser-Agent: pagefeed-tests\r\n\r\n";
    writer.write(new WarcRequest.Builder(uri).date(next())
        .body(MediaType.HTTP_REQUEST, request.getBytes(StandardCharsets.US_ASCII)).build());
    return this;
  }

  public TestWarc response(String url, int status, String contentType, byte[] body, boolean gzip, boolean chunked)
      throws IOException {
    writer.write(responseRecord(url, status, contentType, body, gzip, chunked));
    return this;
  }

  private WarcResponse responseRecord(String url, int status, String contentType, byte[] body, boolean gzip,
      boolean chunked) throws IOException {
    return new WarcResponse.Builder(URI.create(url)).date(next())
        .body(MediaType.HTTP_RESPONSE, http(status, contentType, body, gzip, chunked)).build();
  }

  /** A revisit: the crawler saw the same payload again and stored only the headers. */
  public TestWarc revisit(String url) throws IOException {
    writer.write(new WarcRevisit.Builder(URI.create(url),
            URI.create("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"))
        .date(next()).body(MediaType.HTTP_RESPONSE,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).build());
    return this;
  }

  public TestWarc metadata(String url) throws IOException {
    writer.write(new WarcMetadata.Builder().targetURI(URI.create(url)).date(next())
        .fields(Map.of("outlink", List.of(url + "/next"))).build());
    return this;
  }

  /** Bytes that are no record, between two records (a torn write). */
  public TestWarc junk(String text) throws IOException {
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /** A last response whose record stops after {@code share} of its bytes (the crawler died). */
  public TestWarc truncated(String url, byte[] body, double share) throws IOException {
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (WarcWriter alone = new WarcWriter(Channels.newChannel(whole), compression)) {
      alone.write(responseRecord(url, 200, "text/html; charset=utf-8", body, false, false));
    }
    byte[] bytes = whole.toByteArray();
    channel.write(ByteBuffer.wrap(bytes, 0, (int) (bytes.length * share)));
    return this;
  }

  /** Writes any record. */
  public TestWarc record(WarcRecord record) throws IOException {
    writer.write(record);
    return this;
  }

  /** An HTTP response as sent. */
  static byte[] http(int status, String contentType, byte[] body, boolean gzip, boolean chunked) throws IOException {
    byte[] payload = body;
    if (gzip) {
      ByteArrayOutputStream packed = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
        out.write(body);
      }
      payload = packed.toByteArray();
    }
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(status == 200 ? " OK" : " Other")
        .append("\r\nContent-Type: ").append(contentType).append("\r\nServer: test\r\n");
    if (gzip) {
      head.append("Content-Encoding: gzip\r\n");
    }
    if (status >= 300 && status < 400) {
      head.append("Location: /elsewhere\r\n");
    }
    head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + payload.length + "\r\n").append("\r\n");
    message.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    if (!chunked) {
      message.write(payload);
      return message.toByteArray();
    }
    for (int at = 0; at < payload.length; at += 1000) {
      int n = Math.min(1000, payload.length - at);
      message.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      message.write(payload, at, n);
      message.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    message.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return message.toByteArray();
  }

  @Override
  public void close() throws IOException {
    writer.close();
    channel.close();
  }
}
