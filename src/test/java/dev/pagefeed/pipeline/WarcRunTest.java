package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pagefeed.bench.CorpusGenerator;
import dev.pagefeed.bench.TestWarc;
import dev.pagefeed.run.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

/**
 * WARC files through the whole pipeline. The project writes them itself (jwarc's writer) from the
 * seed pages, the HTML fixtures and generated pages: one gzip per record, one uncompressed, with
 * requests, a revisit, metadata, a 404 and a redirect, an image, junk between records and a last
 * record cut short. Each page read from a WARC file gives the records the same page gives read as
 * a plain file (but for its ids, its URL, its source and its fetch date); the skipped records are
 * counted, the broken ones are errors naming their offset; a run that reads the files in ranges
 * writes the same files as one that reads them whole; an incremental run reuses an unchanged WARC
 * file whole.
 */
class WarcRunTest {

  @TempDir static Path temp;
  static Path plain;
  static Path warcs;
  static Manifest plainRun;
  static Manifest warcRun;
  static List<String> names = new ArrayList<>();

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void runs() throws IOException {
    plain = temp.resolve("plain");
    CorpusGenerator.write(plain, 12, 5);
    for (String seed : SeedRuns.SEEDS) {
      Files.copy(Path.of("input", seed), plain.resolve(seed));
    }
    Files.copy(Path.of("src/test/resources/FormatsTest/page.gbk.html"), plain.resolve("fixture-gbk.html"));
    try (Stream<Path> files = Files.list(plain)) {
      files.map(f -> f.getFileName().toString()).sorted().forEach(names::add);
    }
    warcs = Files.createDirectories(temp.resolve("warcs"));
    // The pages split between two crawls (a page with a canonical URL has one id wherever it is fetched).
    writeCrawl(warcs.resolve("crawl-1.warc.gz"), WarcCompression.GZIP, "https://a.example.cn/", 0);
    writeCrawl(warcs.resolve("crawl-2.warc"), WarcCompression.NONE, "https://b.example.cn/", 1);
    plainRun = run(plain, temp.resolve("out-plain"), false, 16L << 20);
    warcRun = run(warcs, temp.resolve("out-warc"), false, 16L << 20);
  }

  /**
   * Every other plain page (from {@code first} on) fetched once, request first, among the records a
   * crawl also holds, with damage.
   */
  private static void writeCrawl(Path file, WarcCompression compression, String site, int first) throws IOException {
    try (TestWarc warc = new TestWarc(file, compression)) {
      warc.warcinfo(file.getFileName().toString());
      for (int i = 0; first + 2 * i < names.size(); i++) {
        String name = names.get(first + 2 * i);
        byte[] body = Files.readAllBytes(plain.resolve(name));
        String type = name.endsWith(".txt") ? "text/plain" : "text/html";
        String charset = name.contains("gbk") ? "; charset=GBK" : name.endsWith(".txt") ? "" : "; charset=utf-8";
        warc.fetch(site + name, type + charset, body, i % 3 == 1, i % 4 == 2);
        if (i == 3) {
          warc.response(site + "missing.html", 404, "text/html", "<p>404</p>".getBytes(StandardCharsets.UTF_8), false, false)
              .response(site + "old.html", 301, "text/html", new byte[0], false, false)
              .response(site + "logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, false, false)
              .revisit(site + name)
              .metadata(site + name);
        }
        if (i == 6) {
          warc.junk("\r\nnot a record: a torn write\r\n");
        }
      }
      warc.truncated(site + "last.html", Files.readAllBytes(plain.resolve(names.get(0))), 0.5);
    }
  }

  static Manifest run(Path input, Path output, boolean incremental, long rangeBytes) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output,
        "--warcRangeBytes=" + rangeBytes, "--targetParallelism=2"));
    if (incremental) {
      args.add("--incremental");
    }
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
    return Invariants.run(options);
  }

  private static List<JsonNode> lines(Path output, String file) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : Files.readAllLines(output.resolve(file), StandardCharsets.UTF_8)) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  /** A record with the fields that name where it came from taken out: what its page says. */
  private static JsonNode content(JsonNode record, String... fields) {
    ObjectNode copy = record.deepCopy();
    for (String field : fields) {
      copy.remove(field);
    }
    return copy;
  }

  /** By content hash: the page's own fields, its cards and its entities, without ids or source. */
  private static Map<String, List<JsonNode>> byContent(Path output) throws IOException {
    Map<String, String> hashOf = new HashMap<>();
    Map<String, List<JsonNode>> content = new TreeMap<>();
    for (JsonNode page : lines(output, "pages.jsonl")) {
      String hash = page.get("content_hash").asText();
      hashOf.put(page.get("page_id").asText(), hash);
      content.computeIfAbsent(hash, h -> new ArrayList<>())
          .add(content(page, "page_id", "duplicate_of", "url", "source", "fetched"));
    }
    for (JsonNode card : lines(output, "cards.jsonl")) {
      content.get(hashOf.get(card.get("page_id").asText())).add(content(card, "card_id", "page_id"));
    }
    for (JsonNode entity : lines(output, "entities.jsonl")) {
      content.get(hashOf.get(entity.get("page_id").asText()))
          .add(content(entity, "entity_id", "page_id", "card_id"));
    }
    content.values().forEach(list -> list.sort(java.util.Comparator.comparing(JsonNode::toString)));
    return content;
  }

  @Test
  void eachPageGivesTheRecordsItGivesAsAPlainFile() throws IOException {
    assertEquals(names.size(), plainRun.counters().pages());
    assertEquals(names.size(), warcRun.counters().pages(), "each page once in one of the WARC files");
    Map<String, List<JsonNode>> fromPlain = byContent(temp.resolve("out-plain"));
    Map<String, List<JsonNode>> fromWarc = byContent(temp.resolve("out-warc"));
    assertEquals(fromPlain.keySet(), fromWarc.keySet());
    for (Map.Entry<String, List<JsonNode>> page : fromPlain.entrySet()) {
      assertEquals(page.getValue(), fromWarc.get(page.getKey()), "the records of the page " + page.getKey());
    }
  }

  @Test
  void aWarcPageNamesItsRecordItsUrlAndItsFetch() throws IOException {
    JsonNode gbk = lines(temp.resolve("out-warc"), "pages.jsonl").stream()
        .filter(p -> p.get("source").get("path").asText().endsWith("crawl-1.warc.gz")
            && p.get("source").get("encoding").asText().equals("GB18030"))
        .findFirst().orElseThrow();
    assertTrue(gbk.get("source").get("offset").asLong() > 0);
    assertTrue(gbk.get("fetched").asText().matches("2025-03-01T08:\\d\\d:\\d\\dZ"), gbk.get("fetched").asText());
    // A page without a canonical URL takes its id from the record's target URI.
    String seed = SeedRuns.SEEDS.get(0);
    String site = names.indexOf(seed) % 2 == 0 ? "https://a.example.cn/" : "https://b.example.cn/";
    String id = dev.pagefeed.model.Ids.pageId(site + seed, null);
    assertTrue(lines(temp.resolve("out-warc"), "pages.jsonl").stream().anyMatch(p -> p.get("page_id").asText().equals(id)),
        "the seed's page id comes from " + site + seed);
    JsonNode plainPage = lines(temp.resolve("out-plain"), "pages.jsonl").get(0);
    assertTrue(plainPage.get("fetched").isNull());
    assertTrue(!plainPage.get("source").has("offset"), "a page file's source has no offset");
  }

  @Test
  void skippedRecordsAreCountedAndBrokenOnesAreErrorsNamingTheirOffset() throws IOException {
    Manifest.Counters counters = warcRun.counters();
    assertEquals(2, counters.warcFiles());
    long n = names.size();
    assertEquals(Map.of("warcinfo", 2L, "request", n, "response", n, "non_200", 4L, "not_a_page", 2L,
        "revisit", 2L, "metadata", 2L, "broken", 4L), counters.warcRecords());
    List<JsonNode> errors = lines(temp.resolve("out-warc"), "errors.jsonl");
    assertEquals(4, errors.size(), errors.toString());
    for (JsonNode error : errors) {
      assertEquals("broken_record", error.get("error_type").asText());
      assertNotNull(error.get("offset"));
      assertTrue(error.get("message").asText().contains("offset " + error.get("offset").asLong()), error.toString());
    }
    // sources.jsonl: each file's line, then its records in offset order.
    List<JsonNode> sources = lines(temp.resolve("out-warc"), "sources.jsonl");
    assertEquals("warc", sources.get(0).get("record").asText());
    assertEquals(64, sources.get(0).get("sha256").asText().length());
  }

  @Test
  void rangesOnSeveralWorkersWriteTheSameFiles() throws IOException {
    run(warcs, temp.resolve("out-ranges"), false, 8 << 10);
    for (String file : List.of("pages.jsonl", "pages.csv", "cards.jsonl", "entities.jsonl", "entities.csv",
        "errors.jsonl", "sources.jsonl", "changes.jsonl")) {
      assertArrayEquals(Files.readAllBytes(temp.resolve("out-warc").resolve(file)),
          Files.readAllBytes(temp.resolve("out-ranges").resolve(file)), file);
    }
  }

  @Test
  void aPageFetchedAgainTonightReplacesLastNightsFetch() throws IOException {
    Path input = Files.createDirectories(temp.resolve("nights"));
    String url = "https://c.example.cn/faq/seed.txt";
    String seed = Files.readString(Path.of("input", SeedRuns.SEEDS.get(0)));
    String tonight = seed.replaceFirst("\n", "\n今晚更新：咨询电话12393。\n");
    // Tonight's file sorts first by name: the fetch date decides, not the path.
    try (TestWarc warc = new TestWarc(input.resolve("b-2025-03-01.warc.gz"), WarcCompression.GZIP)) {
      warc.startingAt(java.time.Instant.parse("2025-03-01T02:00:00Z"))
          .fetch(url, "text/plain; charset=utf-8", seed.getBytes(StandardCharsets.UTF_8), false, false);
    }
    try (TestWarc warc = new TestWarc(input.resolve("a-2025-03-02.warc.gz"), WarcCompression.GZIP)) {
      warc.startingAt(java.time.Instant.parse("2025-03-02T02:00:00Z"))
          .fetch(url, "text/plain; charset=utf-8", tonight.getBytes(StandardCharsets.UTF_8), false, false);
    }
    Path out = temp.resolve("out-nights");
    Manifest manifest = run(input, out, false, 16L << 20);
    assertEquals(1, manifest.counters().pages());
    JsonNode page = lines(out, "pages.jsonl").get(0);
    assertTrue(page.get("source").get("path").asText().endsWith("a-2025-03-02.warc.gz"), page.get("source").toString());
    assertTrue(page.get("fetched").asText().startsWith("2025-03-02"), page.get("fetched").asText());
    assertTrue(page.toString().contains("今晚更新"), "tonight's text");
    JsonNode lost = lines(out, "errors.jsonl").get(0);
    assertEquals("duplicate_id", lost.get("error_type").asText());
    assertTrue(lost.get("source").asText().endsWith("b-2025-03-01.warc.gz"), lost.toString());
  }

  @Test
  void anUnchangedWarcFileIsReusedWholeAndANewOneRead() throws IOException {
    Path input = temp.resolve("growing");
    Files.createDirectories(input);
    Files.copy(warcs.resolve("crawl-1.warc.gz"), input.resolve("crawl-1.warc.gz"));
    Path out = temp.resolve("out-growing");
    run(input, out, true, 16L << 20);
    // The next night's crawl arrives as a new file beside the first.
    Files.copy(warcs.resolve("crawl-2.warc"), input.resolve("crawl-2.warc"));
    Manifest next = run(input, out, true, 16L << 20);
    assertEquals(1, next.counters().sourcesReused());
    assertEquals((long) names.size() / 2, next.counters().changes().get("added"));
    Path full = temp.resolve("out-growing-full");
    run(input, full, false, 16L << 20);
    for (String file : List.of("pages.jsonl", "cards.jsonl", "entities.jsonl", "errors.jsonl", "sources.jsonl")) {
      assertArrayEquals(Files.readAllBytes(full.resolve(file)), Files.readAllBytes(out.resolve(file)),
          file + ": the same records as a full run over both");
    }
    Manifest rerun = run(input, out, true, 16L << 20);
    assertEquals(2, rerun.counters().sourcesReused(), "nothing changed: both reused");
    assertEquals(next.counters().warcRecords(), rerun.counters().warcRecords(), "reused files keep their counts");
  }
}
