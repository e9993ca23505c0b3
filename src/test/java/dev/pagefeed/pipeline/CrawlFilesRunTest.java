package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.bench.CrawlFiles;
import dev.pagefeed.run.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawl files as other producers write them ({@link CrawlFiles}) through the whole pipeline: the
 * manifest reconciles each file's records with what {@link CrawlFiles} says it holds, every expected
 * page is in pages.jsonl once with its URL and warnings, the run reads the files in ranges as it
 * reads them whole, and an unchanged night reuses every file.
 */
class CrawlFilesRunTest {

  @TempDir static Path temp;
  static Path crawl;
  static Manifest whole;
  static Manifest ranges;
  static Manifest again;

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void runs() throws IOException {
    crawl = Files.createDirectories(temp.resolve("crawl"));
    for (CrawlFiles.File file : CrawlFiles.all()) {
      Files.write(crawl.resolve(file.name()), file.bytes());
    }
    whole = WarcRunTest.run(crawl, temp.resolve("whole"), false, 16L << 20);
    ranges = WarcRunTest.run(crawl, temp.resolve("ranges"), false, 400);
    again = WarcRunTest.run(crawl, temp.resolve("whole"), true, 16L << 20);
  }

  @Test
  void eachFileReconcilesAsItsProducerWroteIt() {
    Map<String, Manifest.WarcFile> byName = new HashMap<>();
    whole.warc().forEach(f -> byName.put(Path.of(f.path()).getFileName().toString(), f));
    for (CrawlFiles.File file : CrawlFiles.all()) {
      Manifest.WarcFile counted = byName.get(file.name());
      assertEquals(new Manifest.WarcFile(counted.path(), file.records(), file.pages().size(), file.skipped(),
          file.errors().size()), counted, file.name());
    }
    assertEquals(CrawlFiles.all().size(), whole.counters().warcFiles());
  }

  @Test
  void everyPageIsReadOnceWithItsUrlAndWarnings() throws IOException {
    Map<String, JsonNode> pages = new HashMap<>();
    for (String line : Files.readAllLines(Invariants.currentRun(temp.resolve("whole")).resolve("pages.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode page = JSON.readTree(line);
      assertTrue(pages.put(page.get("url").asText(), page) == null, "one page per URL: " + page.get("url"));
    }
    int expected = 0;
    for (CrawlFiles.File file : CrawlFiles.all()) {
      for (CrawlFiles.Page want : file.pages()) {
        expected++;
        JsonNode page = pages.get(want.url());
        assertTrue(page != null, want.url() + " of " + file.name());
        assertEquals(want.bodyBytes(), page.get("source").get("bytes").asInt(), want.url());
        for (String warning : want.warnings()) {
          assertTrue(page.get("warnings").toString().contains("\"" + warning + "\""), want.url() + " " + warning);
        }
      }
    }
    assertEquals(expected, pages.size(), "no page but the expected ones");
    assertEquals(3, whole.counters().errorPages(), "the error pages counted");
    assertEquals(Map.of("unsupported", 2L), whole.counters().errorTypes(), "the only errors");
  }

  @Test
  void readInRangesTheFilesGiveTheSameOutput() throws IOException {
    Path a = Invariants.currentRun(temp.resolve("whole"));
    Path b = Invariants.currentRun(temp.resolve("ranges"));
    for (String name : List.of("pages.jsonl", "cards.jsonl", "entities.jsonl", "errors.jsonl", "sources.jsonl")) {
      assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} against {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "pages.jsonl, page.schema.json",
    "errors.jsonl, error.schema.json",
    "sources.jsonl, source.schema.json",
    "manifest.json, manifest.schema.json",
  })
  void everyRecordMatchesItsSchema(String file, String schemaFile) throws IOException {
    com.networknt.schema.JsonSchema schema = OutputSchemaTest.schema(schemaFile);
    List<String> lines = Files.readAllLines(Invariants.currentRun(temp.resolve("whole")).resolve(file), StandardCharsets.UTF_8);
    assertTrue(!lines.isEmpty(), file);
    for (String line : lines) {
      var problems = schema.validate(JSON.readTree(line));
      assertTrue(problems.isEmpty(), () -> problems + " in " + line);
    }
  }

  @Test
  void anUnchangedNightReusesEveryFile() {
    assertEquals(CrawlFiles.all().size(), again.counters().sourcesReused());
    assertEquals(0L, again.counters().changes().values().stream().mapToLong(Long::longValue).sum(), "no change");
    assertEquals(whole.runId(), again.runId(), "the same records");
  }

}
