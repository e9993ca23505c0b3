package dev.pagefeed.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Crawl files as other producers write them, byte by byte: the habits of Heritrix, wget, warcprox,
 * browser capture (Browsertrix, ArchiveWeb.page, Webrecorder), Common Crawl (WARC, WET, WAT), ARC
 * files and early WARC versions, that jwarc's writer never makes (responses without a length header,
 * bodies stored decoded under stale headers, angle-bracket target URIs, a record split over gzip
 * members, a member holding two records). Each file comes with what pagefeed must read from it.
 */
public final class CrawlFiles {

  private CrawlFiles() {}

  /**
   * A page a file must give.
   *
   * @param url its URL
   * @param text a sentence its text holds
   * @param bodyBytes the length of its body as read (encodings undone)
   * @param warnings warnings it must carry
   */
  public record Page(String url, String text, int bodyBytes, List<String> warnings) {}

  /**
   * One producer's file.
   *
   * @param name the file's name
   * @param habit what the producer does, for people
   * @param bytes the file
   * @param pages the pages it gives, in file order
   * @param records its records (the manifest's records = pages + skipped + errors)
   * @param skipped records skipped (requests, metadata, non-200 responses, …)
   * @param errors records that are errors, by error type
   */
  public record File(String name, String habit, byte[] bytes, List<Page> pages, int records, int skipped,
      List<String> errors) {
    @Override
    public String toString() {
      return name;
    }
  }

  // --- The pages -------------------------------------------------------------------------------

  /** A Q&A page as a site serves it, with sentences a test can look for. */
  public static String html(String title, String... paragraphs) {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<p>").append(p).append("</p>\n");
    }
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title
        + "_健康问答网</title>\n</head>\n<body>\n<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/ask/\">问答</a></div>\n"
        + "<div class=\"article\">\n<h1>" + title + "</h1>\n" + body
        + "</div>\n<div class=\"footer\">版权所有 © 2025 健康问答网</div>\n</body>\n</html>\n";
  }

  static final String PAGE_BR_HTML = "/CrawlFiles/page.html";
  static final String PAGE_BR = "/CrawlFiles/page.html.br";

  /** The fixture page, and its brotli encoding by Google's encoder (see the fixture folder's README). */
  static byte[] resource(String name) {
    try (InputStream in = CrawlFiles.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // --- Bytes as producers write them --------------------------------------------------------------

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** An HTTP response: a status line, header lines as given (CRLF, or LF where {@code lf}), a blank line, the body. */
  static byte[] http(boolean lf, String status, List<String> headers, byte[] body) {
    String eol = lf ? "\n" : "\r\n";
    StringBuilder head = new StringBuilder(status).append(eol);
    headers.forEach(h -> head.append(h).append(eol));
    head.append(eol);
    return concat(bytes(head.toString()), body);
  }

  static byte[] http(String status, List<String> headers, byte[] body) {
    return http(false, status, headers, body);
  }

  /** A WARC record: version line, named fields (Content-Length last, computed), block, two CRLFs. */
  static byte[] warc(String version, List<String> fields, byte[] block) {
    StringBuilder head = new StringBuilder(version).append("\r\n");
    fields.forEach(f -> head.append(f).append("\r\n"));
    head.append("Content-Length: ").append(block.length).append("\r\n\r\n");
    return concat(bytes(head.toString()), block, bytes("\r\n\r\n"));
  }

  private static int ids = 0;

  static String recordId() {
    return String.format("WARC-Record-ID: <urn:uuid:6e0a5c3a-0000-4000-8000-%012d>", ++ids);
  }

  static byte[] response(String version, String uri, String date, byte[] http, String... extra) {
    List<String> fields = new ArrayList<>(List.of("WARC-Type: response", recordId(), "WARC-Date: " + date,
        "WARC-Target-URI: " + uri, "Content-Type: application/http; msgtype=response"));
    fields.addAll(Arrays.asList(extra));
    return warc(version, fields, http);
  }

  static byte[] request(String version, String uri, String date) {
    String host = uri.replaceFirst("^[a-z]+://", "").replaceFirst("/.*", "");
    return warc(version, List.of("WARC-Type: request", recordId(), "WARC-Date: " + date, "WARC-Target-URI: " + uri,
        "Content-Type: application/http; msgtype=request"),
        bytes("GET " + uri.replaceFirst("^[a-z]+://[^/]+", "") + " HTTP/1.1\r\nHost: " + host
            + "\r\nUser-Agent: Mozilla/5.0 (compatible; crawler)\r\n\r\n"));
  }

  static byte[] warcinfo(String version, String file, String software) {
    return warc(version, List.of("WARC-Type: warcinfo", recordId(), "WARC-Date: 2025-03-01T08:00:00Z",
        "WARC-Filename: " + file, "Content-Type: application/warc-fields"),
        bytes("software: " + software + "\r\nformat: WARC File Format " + version.substring(5) + "\r\n"));
  }

  static byte[] metadata(String version, String uri, String type, String block) {
    return warc(version, List.of("WARC-Type: metadata", recordId(), "WARC-Date: 2025-03-01T08:00:02Z",
        "WARC-Target-URI: " + uri, "Content-Type: " + type), bytes(block));
  }

  /** One gzip member. */
  static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Each record a gzip member of its own, as WARC writers write them. */
  static byte[] members(byte[]... records) {
    return concat(Arrays.stream(records).map(CrawlFiles::gzip).toArray(byte[][]::new));
  }

  static byte[] deflate(byte[] data, boolean zlib) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, !zlib))) {
      d.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A body in HTTP chunks of {@code size} bytes, a last chunk and an empty trailer. */
  static byte[] chunked(byte[] body, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += size) {
      int n = Math.min(size, body.length - at);
      out.writeBytes(bytes(Integer.toHexString(n) + "\r\n"));
      out.write(body, at, n);
      out.writeBytes(bytes("\r\n"));
    }
    out.writeBytes(bytes("0\r\n\r\n"));
    return out.toByteArray();
  }

  /** An ARC record (ARC v1, as Heritrix 1 and the Internet Archive wrote them): URL line, block, a line feed. */
  static byte[] arc(String url, String ip, String date14, String mime, byte[] block) {
    return concat(bytes(url + " " + ip + " " + date14 + " " + mime + " " + block.length + "\n"), block, bytes("\n"));
  }

  static byte[] arcVersionBlock(String file) {
    byte[] block = bytes("1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n");
    return arc("filedesc://" + file, "0.0.0.0", "20090301080000", "text/plain", block);
  }

  static List<String> headers(String... lines) {
    return List.of(lines);
  }

  static final String DATE = "2025-03-01T08:00:01Z";

  // --- The producers ---------------------------------------------------------------------------

  /** Writes every file into a folder: {@code CrawlFiles FOLDER}, to try them on any build. */
  public static void main(String[] args) throws IOException {
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of(args[0]));
    for (File file : all()) {
      java.nio.file.Files.write(folder.resolve(file.name()), file.bytes());
    }
  }

  /** Every file, one per producer habit. */
  public static List<File> all() {
    return List.of(heritrix(), wget(), browserCapture(), warcprox(), canonicals(), commonCrawl(), wet(), wat(),
        arcGzip(), arcPlain(), clueWeb(), warc017(), futureVersion(), splitMember(), mixedMembers(),
        unknownEncoding(), errorPages());
  }

  /**
   * Heritrix 3: responses stored as received: chunked and gzip-encoded bodies, HTTP/1.0 responses
   * that end with the connection (no length header at all), 404s and redirects without one either;
   * a dns record, requests and metadata around each fetch.
   */
  static File heritrix() {
    String v = "WARC/1.0";
    byte[] a = bytes(html("职工医保个人账户能取现吗", "职工医保个人账户的钱原则上不能取现，可以用于支付本人及家属的医疗费用。"));
    byte[] b = bytes(html("异地就医备案怎么办理", "异地就医备案可以通过国家医保服务平台APP在线办理，备案后直接结算。"));
    byte[] gz = gzip(a);
    byte[] file = members(
        warcinfo(v, "heritrix.warc.gz", "Heritrix/3.4.0-20220727 http://crawler.archive.org"),
        warc(v, List.of("WARC-Type: response", recordId(), "WARC-Date: " + DATE, "WARC-Target-URI: dns:ask.example.cn",
            "Content-Type: text/dns"), bytes("20250301080001\nask.example.cn.\t300\tIN\tA\t203.0.113.7\n")),
        response(v, "https://ask.example.cn/q/1.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
            chunked(gz, 100))),
        request(v, "https://ask.example.cn/q/1.html", DATE),
        metadata(v, "https://ask.example.cn/q/1.html", "application/warc-fields", "via: https://ask.example.cn/\r\n"),
        response(v, "http://ask.example.cn/q/2.html", DATE, http("HTTP/1.0 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Connection: close"), b)),
        response(v, "http://ask.example.cn/q/gone.html", DATE, http("HTTP/1.1 404 Not Found", headers(
            "Content-Type: text/html", "Connection: close"), bytes("<html><body><h1>404</h1></body></html>"))),
        response(v, "http://ask.example.cn/q/old.html", DATE, http("HTTP/1.1 301 Moved Permanently", headers(
            "Location: http://ask.example.cn/q/2.html"), new byte[0])));
    return new File("heritrix.warc.gz", "Heritrix 3: chunked+gzip as received, no length headers", file, List.of(
        new Page("https://ask.example.cn/q/1.html", "职工医保个人账户的钱原则上不能取现", a.length, List.of()),
        new Page("http://ask.example.cn/q/2.html", "异地就医备案可以通过国家医保服务平台APP在线办理", b.length, List.of())),
        8, 6, List.of());
  }

  /** wget 1.14: the WARC/1.0 draft's angle brackets around target URIs; its log as a resource record. */
  static File wget() {
    String v = "WARC/1.0";
    byte[] a = bytes(html("医保卡丢了怎么补办", "医保卡丢失后应先挂失，再携带身份证到社保卡服务网点补办。"));
    byte[] file = members(
        warcinfo(v, "wget.warc.gz", "Wget/1.14 (linux-gnu)"),
        warc(v, List.of("WARC-Type: request", recordId(), "WARC-Date: " + DATE,
            "WARC-Target-URI: <http://www.example.cn/faq/card.html>", "Content-Type: application/http;msgtype=request"),
            bytes("GET /faq/card.html HTTP/1.1\r\nHost: www.example.cn\r\n\r\n")),
        warc(v, List.of("WARC-Type: response", recordId(), "WARC-Date: " + DATE,
            "WARC-Target-URI: <http://www.example.cn/faq/card.html>", "Content-Type: application/http;msgtype=response"),
            http("HTTP/1.1 200 OK", headers("Content-Type: text/html", "Content-Length: " + a.length), a)),
        warc(v, List.of("WARC-Type: metadata", recordId(), "WARC-Date: " + DATE,
            "WARC-Target-URI: <metadata://gnu.org/software/wget/warc/MANIFEST.txt>", "Content-Type: text/plain"),
            bytes("<urn:uuid:6e0a5c3a-0000-4000-8000-000000000001>\n")),
        warc(v, List.of("WARC-Type: resource", recordId(), "WARC-Date: " + DATE,
            "WARC-Target-URI: <metadata://gnu.org/software/wget/warc/wget.log>", "Content-Type: text/plain"),
            bytes("--2025-03-01 08:00:01--  http://www.example.cn/faq/card.html\n200 OK\n")));
    return new File("wget.warc.gz", "wget 1.14: <…> around target URIs", file,
        List.of(new Page("http://www.example.cn/faq/card.html", "医保卡丢失后应先挂失", a.length, List.of())), 5, 4, List.of());
  }

  /**
   * Browser capture (Browsertrix, ArchiveWeb.page): bodies stored decoded under the headers the
   * server sent: {@code Content-Encoding: br} and the encoded {@code Content-Length}, or a
   * {@code Transfer-Encoding: chunked} (with {@code Content-Length: -1}) on a de-chunked body; a
   * page-info resource record.
   */
  static File browserCapture() {
    String v = "WARC/1.1";
    byte[] a = bytes(html("孕期可以用医保报销产检吗", "孕期产前检查费用可以按生育保险规定报销，需在定点医疗机构检查。"));
    byte[] b = bytes(html("门诊共济报销怎么算", "门诊共济保障后，职工在定点医疗机构发生的普通门诊费用可以按比例报销。"));
    byte[] file = members(
        warcinfo(v, "browsertrix.warc.gz", "Browsertrix-Crawler 1.4.2 (with warcio.js 2.4.2)"),
        request(v, "https://m.example.cn/ask/9.html", DATE),
        response(v, "https://m.example.cn/ask/9.html", DATE, http("HTTP/1.1 200", headers(
            "content-type: text/html; charset=utf-8", "content-encoding: br", "content-length: " + a.length / 3), a)),
        response(v, "https://m.example.cn/ask/10.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked", "Content-Length: -1"), b)),
        warc(v, List.of("WARC-Type: resource", recordId(), "WARC-Date: " + DATE,
            "WARC-Target-URI: urn:pageinfo:https://m.example.cn/ask/9.html", "Content-Type: application/json"),
            bytes("{\"pages\":{\"https://m.example.cn/ask/9.html\":{\"status\":200}}}")));
    return new File("browsertrix.warc.gz", "browser capture: decoded bodies under stale headers", file, List.of(
        new Page("https://m.example.cn/ask/9.html", "孕期产前检查费用可以按生育保险规定报销", a.length,
            List.of("stale_content_encoding", "content_length_mismatch")),
        new Page("https://m.example.cn/ask/10.html", "职工在定点医疗机构发生的普通门诊费用可以按比例报销", b.length,
            List.of("stale_transfer_encoding"))), 5, 3, List.of());
  }

  /** warcprox: bodies as sent: brotli (a real encoder's), deflate zlib-wrapped, and raw deflate as many servers send it. */
  static File warcprox() {
    String v = "WARC/1.0";
    byte[] brHtml = resource(PAGE_BR_HTML);
    byte[] br = resource(PAGE_BR);
    byte[] z = bytes(html("医保断缴有什么影响", "职工医保断缴后，一般从次月起暂停享受医保待遇，补缴后可以恢复。"));
    byte[] raw = bytes(html("新生儿怎么参加医保", "新生儿出生后可以凭出生医学证明办理城乡居民医保参保登记。"));
    byte[] file = members(
        warcinfo(v, "warcprox.warc.gz", "warcprox 2.6.1"),
        response(v, "https://www.example.cn/a/1.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Encoding: br", "Content-Length: " + br.length), br)),
        response(v, "https://www.example.cn/a/2.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Encoding: deflate"), deflate(z, true))),
        response(v, "https://www.example.cn/a/3.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Encoding: deflate"), deflate(raw, false))));
    return new File("warcprox.warc.gz", "warcprox: br, deflate (zlib and raw) as sent", file, List.of(
        new Page("https://www.example.cn/a/1.html", "可以向参保地医保经办机构申请门诊慢特病待遇", brHtml.length, List.of()),
        new Page("https://www.example.cn/a/2.html", "职工医保断缴后", z.length, List.of()),
        new Page("https://www.example.cn/a/3.html", "新生儿出生后可以凭出生医学证明", raw.length, List.of())), 4, 1, List.of());
  }

  /**
   * Pages that name their URL relatively (pywb-style uncompressed WARC): a canonical {@code /company/}
   * and an {@code og:url} resolved against the target URI; a canonical that is no web link ignored,
   * with a warning.
   */
  static File canonicals() {
    String v = "WARC/1.0";
    byte[] a = bytes(html("公司简介", "本公司专注于商业健康保险服务，为参保人提供理赔咨询。").replace("<head>\n",
        "<head>\n<link rel=\"canonical\" href=\"/company/\">\n"));
    byte[] b = bytes(html("常见问题", "大病保险的起付线一般为上年度居民人均可支配收入的50%左右。").replace("<head>\n",
        "<head>\n<meta property=\"og:url\" content=\"../faq/\">\n"));
    byte[] c = bytes(html("联系我们", "客服热线工作时间为每天8:00至20:00，节假日照常服务。").replace("<head>\n",
        "<head>\n<link rel=\"canonical\" href=\"javascript:void(0)\">\n"));
    byte[] file = concat(
        warcinfo(v, "pywb.warc", "pywb 2.8.3 (warcio 1.7.4)"),
        response(v, "https://www.example.com.cn/about/index.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Length: " + a.length), a)),
        response(v, "https://www.example.com.cn/help/more/list.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Length: " + b.length), b)),
        response(v, "https://www.example.com.cn/contact.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Length: " + c.length), c)));
    return new File("pywb.warc", "relative canonical and og:url", file, List.of(
        new Page("https://www.example.com.cn/company/", "本公司专注于商业健康保险服务", a.length, List.of()),
        new Page("https://www.example.com.cn/help/faq/", "大病保险的起付线", b.length, List.of()),
        new Page("https://www.example.com.cn/contact.html", "客服热线工作时间", c.length, List.of("canonical_unresolved"))),
        4, 1, List.of());
  }

  /**
   * Common Crawl: payloads stored decoded, the server's encoding headers renamed
   * ({@code X-Crawler-Content-Encoding}); a payload over the crawler's limit cut, with
   * {@code WARC-Truncated: length} and the full length still in its header.
   */
  static File commonCrawl() {
    String v = "WARC/1.0";
    byte[] a = bytes(html("医保药品目录在哪里查", "国家医保药品目录可以在国家医疗保障局官网查询，也可以在医保服务平台查询。"));
    byte[] b = bytes(html("长期护理保险是什么", "长期护理保险为长期失能人员的基本生活照料和医疗护理提供保障。",
        "目前长期护理保险已在49个城市试点，参保人经评估认定失能后可以享受待遇。"));
    byte[] cut = Arrays.copyOf(b, b.length - 120);
    byte[] file = members(
        warcinfo(v, "CC-MAIN-20250301080000-20250301110000-00000.warc.gz", "Apache Nutch 1.20 (modified, https://github.com/commoncrawl/nutch/)"),
        request(v, "https://health.example.cn/drug.html", DATE),
        response(v, "https://health.example.cn/drug.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=UTF-8", "X-Crawler-Content-Encoding: gzip",
            "X-Crawler-Content-Length: 1024", "Content-Length: " + a.length), a),
            "WARC-Identified-Payload-Type: text/html", "WARC-Payload-Digest: sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        response(v, "https://health.example.cn/ltc.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=UTF-8", "Content-Length: " + b.length), cut), "WARC-Truncated: length"),
        metadata(v, "https://health.example.cn/drug.html", "application/warc-fields", "fetchTimeMs: 212\r\n"));
    return new File("common-crawl.warc.gz", "Common Crawl: X-Crawler- headers, WARC-Truncated", file, List.of(
        new Page("https://health.example.cn/drug.html", "国家医保药品目录可以在国家医疗保障局官网查询", a.length, List.of()),
        new Page("https://health.example.cn/ltc.html", "长期护理保险为长期失能人员", cut.length,
            List.of("content_length_mismatch"))), 5, 3, List.of());
  }

  /** Common Crawl's WET files: conversion records of extracted text, the title on the first line. */
  static File wet() {
    String v = "WARC/1.0";
    String a = "医保报销需要什么材料\n住院报销一般需要提供医保卡、身份证、住院发票和出院小结。\n异地就医还需要提供备案证明。\n";
    String b = "慢性病门诊怎么报销\n慢性病门诊费用在定点医院直接结算，个人只需支付自付部分。\n";
    byte[] file = members(
        warc(v, List.of("WARC-Type: warcinfo", recordId(), "WARC-Date: 2025-03-01T09:00:00Z",
            "WARC-Filename: CC-MAIN-20250301080000-20250301110000-00000.warc.wet.gz", "Content-Type: application/warc-fields"),
            bytes("Software-Info: ia-web-commons.1.1.10-SNAPSHOT-20250228\r\nExtracted-Date: Sat, 01 Mar 2025 09:00:00 GMT\r\n")),
        warc(v, List.of("WARC-Type: conversion", "WARC-Target-URI: https://wiki.example.cn/claims.html",
            "WARC-Date: 2025-03-01T08:00:01Z", recordId(), "WARC-Refers-To: <urn:uuid:6e0a5c3a-0000-4000-8000-000000000002>",
            "WARC-Block-Digest: sha1:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB", "WARC-Identified-Content-Language: zho",
            "Content-Type: text/plain"), bytes(a)),
        warc(v, List.of("WARC-Type: conversion", "WARC-Target-URI: https://wiki.example.cn/chronic.html",
            "WARC-Date: 2025-03-01T08:00:03Z", recordId(), "WARC-Refers-To: <urn:uuid:6e0a5c3a-0000-4000-8000-000000000003>",
            "Content-Type: text/plain"), bytes(b)));
    return new File("common-crawl.warc.wet.gz", "Common Crawl WET: conversion records", file, List.of(
        new Page("https://wiki.example.cn/claims.html", "住院报销一般需要提供医保卡", bytes(a).length, List.of()),
        new Page("https://wiki.example.cn/chronic.html", "慢性病门诊费用在定点医院直接结算", bytes(b).length, List.of())),
        3, 1, List.of());
  }

  /** Common Crawl's WAT files: metadata records of JSON, skipped and counted. */
  static File wat() {
    String v = "WARC/1.0";
    byte[] file = members(
        warcinfo(v, "CC-MAIN-20250301080000-20250301110000-00000.warc.wat.gz", "ia-web-commons.1.1.10"),
        metadata(v, "https://wiki.example.cn/claims.html", "application/json",
            "{\"Envelope\":{\"WARC-Header-Metadata\":{\"WARC-Type\":\"response\"}}}"),
        metadata(v, "https://wiki.example.cn/chronic.html", "application/json",
            "{\"Envelope\":{\"WARC-Header-Metadata\":{\"WARC-Type\":\"request\"}}}"));
    return new File("common-crawl.warc.wat.gz", "Common Crawl WAT: metadata only", file, List.of(), 3, 3, List.of());
  }

  private static byte[] arcResponse(byte[] html) {
    return http("HTTP/1.0 200 OK", headers("Server: Apache", "Content-Type: text/html; charset=gb2312"), html);
  }

  /** An ARC file as Heritrix 1 wrote it, a gzip member per record: the version block, a dns record, responses. */
  static File arcGzip() {
    byte[] a = html("新农合报销比例是多少", "新农合住院报销比例一般在50%至90%之间，各地标准不同。").getBytes(java.nio.charset.Charset.forName("GB18030"));
    byte[] b = html("城镇居民医保怎么交", "城镇居民医保每年集中缴费，可以通过银行或者手机APP缴纳。").getBytes(java.nio.charset.Charset.forName("GB18030"));
    byte[] file = members(
        arcVersionBlock("IA-001-20090301080000-00000.arc.gz"),
        arc("dns:www.example.cn", "192.0.2.1", "20090301080000", "text/dns", bytes("20090301080000\nwww.example.cn.\t300\tIN\tA\t203.0.113.9\n")),
        arc("http://www.example.cn/xnh.html", "203.0.113.9", "20090301080001", "text/html", arcResponse(a)),
        arc("http://www.example.cn/jm.html", "203.0.113.9", "20090301080002", "text/html", arcResponse(b)));
    return new File("ia.arc.gz", "ARC (Heritrix 1), gzip per record", file, List.of(
        new Page("http://www.example.cn/xnh.html", "新农合住院报销比例一般在50%至90%之间", a.length, List.of()),
        new Page("http://www.example.cn/jm.html", "城镇居民医保每年集中缴费", b.length, List.of())), 4, 2, List.of());
  }

  /** An uncompressed ARC file. */
  static File arcPlain() {
    byte[] a = html("医疗救助怎么申请", "符合条件的困难群众可以向户籍所在地乡镇人民政府申请医疗救助。").getBytes(java.nio.charset.Charset.forName("GB18030"));
    byte[] file = concat(
        arcVersionBlock("IA-002-20090301080000-00000.arc"),
        arc("http://www.example.cn/jz.html", "203.0.113.9", "20090301080003", "text/html", arcResponse(a)));
    return new File("ia.arc", "ARC, uncompressed", file, List.of(
        new Page("http://www.example.cn/jz.html", "可以向户籍所在地乡镇人民政府申请医疗救助", a.length, List.of())), 2, 1, List.of());
  }

  /**
   * WARC/0.18 as ClueWeb09 has it: gzipped as a whole, HTTP headers with bare line feeds, and
   * {@code WARC-Date}s that are no dates ({@code 2009-03-65}).
   */
  static File clueWeb() {
    String v = "WARC/0.18";
    byte[] a = bytes(html("感冒了能用医保买药吗", "感冒后可以持医保卡到定点药店购买医保目录内的药品。"));
    byte[] b = bytes(html("医保卡可以借给别人用吗", "医保卡仅限本人使用，出借医保卡属于违规行为。"));
    byte[] file = gzip(concat(
        warc(v, List.of("WARC-Type: warcinfo", "WARC-Date: 2009-03-65T08:43:19-0800", recordId(),
            "Content-Type: application/warc-fields"), bytes("software: Nutch 1.0-dev (modified for clueweb09)\r\n")),
        warc(v, List.of("WARC-Type: response", "WARC-Target-URI: http://www.example.cn/cold.html",
            "WARC-Date: 2009-03-65T08:43:19-0800", "WARC-Trec-ID: clueweb09-zh0000-00-00001", recordId(),
            "Content-Type: application/http;msgtype=response"),
            http(true, "HTTP/1.1 200 OK", headers("Content-Type: text/html", "Content-Length: " + a.length), a)),
        warc(v, List.of("WARC-Type: response", "WARC-Target-URI: http://www.example.cn/card.html",
            "WARC-Date: 2009-03-01T08:43:19-0800", "WARC-Trec-ID: clueweb09-zh0000-00-00002", recordId(),
            "Content-Type: application/http;msgtype=response"),
            http(true, "HTTP/1.0 200 OK", headers("Server: Apache"), b))));
    return new File("clueweb09.warc.gz", "WARC/0.18 (ClueWeb09): whole gzip, LF headers, dates without a colon, "
        + "a day 65, a response with no Content-Type", file, List.of(
        new Page("http://www.example.cn/cold.html", "感冒后可以持医保卡到定点药店购买医保目录内的药品", a.length, List.of()),
        new Page("http://www.example.cn/card.html", "医保卡仅限本人使用", b.length, List.of())),
        3, 1, List.of());
  }

  /** WARC/0.17, uncompressed, as early Heritrix and NutchWAX wrote it. */
  static File warc017() {
    String v = "WARC/0.17";
    byte[] a = bytes(html("生育津贴怎么计算", "生育津贴按照职工所在用人单位上年度职工月平均工资计发。"));
    byte[] file = concat(
        warcinfo(v, "nutchwax.warc", "Heritrix 1.14.4"),
        response(v, "http://www.example.cn/sy.html", "2008-07-01T10:00:00Z",
            http("HTTP/1.1 200 OK", headers("Content-Type: text/html; charset=utf-8"), a)));
    return new File("heritrix-1.14.warc", "WARC/0.17, uncompressed", file,
        List.of(new Page("http://www.example.cn/sy.html", "生育津贴按照职工所在用人单位上年度职工月平均工资计发", a.length, List.of())),
        2, 1, List.of());
  }

  /** A version pagefeed does not read: one error for the file, never a page of its bytes. */
  static File futureVersion() {
    String v = "WARC/2.0";
    byte[] a = bytes(html("未来的格式", "这个文件的版本号是2.0。"));
    byte[] file = concat(warcinfo(v, "future.warc", "a writer of tomorrow"),
        response(v, "https://www.example.cn/f.html", DATE, http("HTTP/1.1 200 OK", headers("Content-Type: text/html"), a)));
    return new File("future.warc", "WARC/2.0: not read", file, List.of(), 1, 0, List.of("unsupported"));
  }

  /** A record whose block is split over two gzip members (a writer that flushes mid-record), then one more. */
  static File splitMember() {
    String v = "WARC/1.0";
    byte[] a = bytes(html("医保缴费基数怎么定", "职工医保缴费基数一般为职工本人上年度月平均工资。"));
    byte[] b = bytes(html("退休后医保还要交吗", "退休时职工医保缴费年限达到规定年限的，退休后不再缴纳医保费。"));
    byte[] first = response(v, "https://www.example.cn/base.html", DATE,
        http("HTTP/1.1 200 OK", headers("Content-Type: text/html; charset=utf-8", "Content-Length: " + a.length), a));
    int half = first.length / 2;
    byte[] file = concat(members(warcinfo(v, "split.warc.gz", "a flushing writer")),
        gzip(Arrays.copyOfRange(first, 0, half)), gzip(Arrays.copyOfRange(first, half, first.length)),
        members(response(v, "https://www.example.cn/retire.html", DATE,
            http("HTTP/1.1 200 OK", headers("Content-Type: text/html; charset=utf-8", "Content-Length: " + b.length), b))));
    return new File("split.warc.gz", "a record split over gzip members", file, List.of(
        new Page("https://www.example.cn/base.html", "职工医保缴费基数一般为职工本人上年度月平均工资", a.length, List.of()),
        new Page("https://www.example.cn/retire.html", "退休后不再缴纳医保费", b.length, List.of())), 3, 1, List.of());
  }

  /** A member per record at first, then one member holding two records: read whole, every record its own offset. */
  static File mixedMembers() {
    String v = "WARC/1.0";
    List<byte[]> pages = new ArrayList<>();
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      byte[] page = bytes(html("医保问答第" + (i + 1) + "篇", "第" + (i + 1) + "篇问答讲的是定点医院的选择和变更。"));
      pages.add(page);
      records.add(response(v, "https://www.example.cn/m/" + i + ".html", DATE,
          http("HTTP/1.1 200 OK", headers("Content-Type: text/html; charset=utf-8", "Content-Length: " + page.length), page)));
    }
    byte[] file = concat(members(warcinfo(v, "mixed.warc.gz", "a writer that batches"), records.get(0), records.get(1),
        records.get(2)), gzip(concat(records.get(3), records.get(4))));
    List<Page> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(new Page("https://www.example.cn/m/" + i + ".html", "第" + (i + 1) + "篇问答讲的是定点医院的选择和变更",
          pages.get(i).length, List.of()));
    }
    return new File("mixed.warc.gz", "member per record, then two records in one member", file, expected, 6, 1, List.of());
  }

  /**
   * Content encodings: one pagefeed does not decode ({@code compress}) on a binary body, an error
   * naming it; a stale {@code gzip} on a plain body, a page with a warning.
   */
  static File unknownEncoding() {
    String v = "WARC/1.0";
    byte[] a = bytes(html("医保定点药店怎么查", "医保定点药店可以在国家医保服务平台的定点机构查询中查到。"));
    byte[] lzw = new byte[400];
    new java.util.Random(7).nextBytes(lzw);
    lzw[0] = 0x1F;
    lzw[1] = (byte) 0x9D; // compress(1)'s magic
    byte[] file = members(
        warcinfo(v, "encodings.warc.gz", "a crawler"),
        response(v, "https://www.example.cn/z.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html", "Content-Encoding: compress", "Content-Length: " + lzw.length), lzw)),
        response(v, "https://www.example.cn/store.html", DATE, http("HTTP/1.1 200 OK", headers(
            "Content-Type: text/html; charset=utf-8", "Content-Encoding: gzip"), a)));
    return new File("encodings.warc.gz", "unknown and stale content encodings", file, List.of(
        new Page("https://www.example.cn/store.html", "医保定点药店可以在国家医保服务平台的定点机构查询中查到", a.length,
            List.of("stale_content_encoding"))), 3, 1, List.of("unsupported"));
  }

  /** Error pages served with status 200: still pages, with the warning {@code error_page}. */
  static File errorPages() {
    String v = "WARC/1.0";
    byte[] nginx = bytes("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>"
        + "\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n");
    byte[] zh = bytes("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>页面不存在</title></head><body>"
        + "<div class=\"error\"><h2>抱歉，您访问的页面不存在或已被删除！</h2><p><a href=\"/\">返回首页</a></p></div></body></html>");
    byte[] denied = bytes("<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1>"
        + "<p>You don't have permission to access this resource.</p><hr><address>Apache/2.4.41 (Ubuntu) Server at "
        + "www.example.cn Port 443</address></body></html>");
    byte[] file = members(
        warcinfo(v, "errors.warc.gz", "a crawler"),
        response(v, "https://www.example.cn/old/1.html", DATE, http("HTTP/1.1 200 OK", headers("Content-Type: text/html"), nginx)),
        response(v, "https://www.example.cn/old/2.html", DATE, http("HTTP/1.1 200 OK",
            headers("Content-Type: text/html; charset=utf-8"), zh)),
        response(v, "https://www.example.cn/admin/", DATE, http("HTTP/1.1 200 OK", headers("Content-Type: text/html"), denied)));
    return new File("errors.warc.gz", "error pages served as 200", file, List.of(
        new Page("https://www.example.cn/old/1.html", "404 Not Found", nginx.length, List.of("error_page")),
        new Page("https://www.example.cn/old/2.html", "页面不存在", zh.length, List.of("error_page")),
        new Page("https://www.example.cn/admin/", "Forbidden", denied.length, List.of("error_page"))), 4, 1, List.of());
  }
}
