package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.encode.OutputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the output of the whole pipeline on the seed pages (plus two files that are not pages;
 * see {@link SeedRuns}) against the expected records kept in
 * {@code src/test/resources/PagefeedPipelineTest/}.
 */
class PagefeedPipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SEEDS = SeedRuns.SEEDS;

  private static Path first;
  private static Path second;

  @BeforeAll
  static void runTwice() {
    first = SeedRuns.first();
    second = SeedRuns.second();
  }

  @Test
  void twoRunsGiveByteIdenticalFiles() throws IOException {
    for (OutputFile file : OutputFile.values()) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file.fileName())),
          Files.readAllBytes(second.resolve(file.fileName())), file.fileName());
    }
    assertArrayEquals(Files.readAllBytes(first.resolve(OutputFile.MANIFEST)),
        Files.readAllBytes(second.resolve(OutputFile.MANIFEST)));
  }

  @Test
  void outputFilesAreLinksThroughTheOneCurrentRun() throws IOException {
    Path runs = first.resolve(dev.pagefeed.run.OutputCommitter.RUNS);
    try (Stream<Path> folders = Files.list(runs)) {
      List<Path> all = folders.toList();
      assertEquals(1, all.size(), "earlier and staging folders are removed: " + all);
      assertEquals(first.resolve("current").toRealPath(), all.get(0).toRealPath());
    }
    for (OutputFile file : OutputFile.values()) {
      assertTrue(Files.isSymbolicLink(first.resolve(file.fileName())));
      assertEquals(first.resolve("current").resolve(file.fileName()).toRealPath(),
          first.resolve(file.fileName()).toRealPath());
    }
  }

  @Test
  void filesThatAreNotPagesAreErrorRecords() throws IOException {
    List<JsonNode> errors = lines(first.resolve("errors.jsonl"));
    assertEquals(2, errors.size());
    Map<String, String> types = new TreeMap<>();
    errors.forEach(e -> types.put(Path.of(e.get("source").asText()).getFileName().toString(), e.get("error_type").asText()));
    assertEquals(Map.of("empty.txt", "empty", "logo.png", "binary"), types);
    for (JsonNode error : errors) {
      assertEquals("read", error.get("stage").asText());
      assertFalse(error.get("message").asText().isEmpty());
    }
  }

  @Test
  void noInputIsLost() throws IOException {
    long inputs = 4; // two seed pages, an empty file, a PNG
    long pages = lines(first.resolve("pages.jsonl")).size();
    long errors = lines(first.resolve("errors.jsonl")).size();
    assertEquals(inputs, pages + errors);
  }

  @Test
  void recordsAreSortedById() throws IOException {
    for (String[] file : new String[][] {{"pages.jsonl", "page_id"}, {"cards.jsonl", "card_id"}, {"entities.jsonl", "entity_id"}}) {
      List<String> ids = lines(first.resolve(file[0])).stream().map(n -> n.get(file[1]).asText()).toList();
      assertEquals(ids.stream().sorted().toList(), ids, file[0]);
    }
  }

  @Test
  void manifestListsEveryFileWithItsCountAndHash() throws IOException {
    JsonNode manifest = read(Files.readString(first.resolve(OutputFile.MANIFEST)));
    // The record files, then changes.jsonl.
    assertEquals(OutputFile.values().length + 1, manifest.get("files").size());
    for (JsonNode file : manifest.get("files")) {
      byte[] bytes = Files.readAllBytes(first.resolve(file.get("name").asText()));
      assertEquals(dev.pagefeed.model.Ids.sha256(bytes), file.get("sha256").asText());
    }
    assertEquals(97, manifest.get("counters").get("entities").properties().stream()
        .mapToInt(e -> e.getValue().asInt()).sum());
  }

  @Test
  void pagesMatchTheExpectedRecords() throws IOException {
    Map<String, JsonNode> pages = pagesByFileName();
    for (String seed : SEEDS) {
      JsonNode gold = gold(seed).get("page");
      JsonNode page = pages.get(seed);
      assertEquals(gold.get("title").asText(), page.get("title").asText());
      assertEquals(squash(gold.get("lead")), squash(page.get("lead")));
      assertEquals(squash(gold.get("disclaimer")), squash(page.get("disclaimer")));
      assertEquals(gold.get("related"), page.get("related"), seed);
      List<String> expectedHeadings = new ArrayList<>();
      gold.get("headings").forEach(h -> expectedHeadings.add(h.get("level") + " " + h.get("text").asText() + " " + h.get("section_path")));
      List<String> headings = new ArrayList<>();
      Map<String, Integer> counts = new TreeMap<>();
      page.get("blocks").forEach(b -> {
        counts.merge(b.get("type").asText(), 1, Integer::sum);
        if (b.get("type").asText().equals("heading")) {
          headings.add(b.get("level") + " " + b.get("text").asText() + " " + b.get("section_path"));
        }
      });
      assertEquals(expectedHeadings, headings, seed);
      Map<String, Integer> expectedCounts = new TreeMap<>();
      gold.get("block_counts").properties().forEach(e -> expectedCounts.put(e.getKey(), e.getValue().asInt()));
      assertEquals(expectedCounts, counts, seed);
    }
  }

  @Test
  void cardsMatchTheExpectedRecords() throws IOException {
    Map<String, JsonNode> pages = pagesByFileName();
    List<JsonNode> cards = lines(first.resolve("cards.jsonl"));
    for (String seed : SEEDS) {
      String pageId = pages.get(seed).get("page_id").asText();
      Map<Integer, JsonNode> byPosition = new HashMap<>();
      cards.stream().filter(c -> c.get("page_id").asText().equals(pageId))
          .forEach(c -> byPosition.put(c.get("position").asInt(), c));
      JsonNode gold = gold(seed).get("cards");
      assertEquals(gold.size(), byPosition.size(), seed);
      for (JsonNode expected : gold) {
        JsonNode card = byPosition.get(expected.get("position").asInt());
        for (String field : List.of("section", "category", "published", "snippet_truncated", "has_thumbnail")) {
          assertEquals(expected.get(field), card.get(field), seed + " card " + expected.get("position") + " " + field);
        }
        assertEquals(squash(expected.get("title")), squash(card.get("title")));
        assertEquals(squash(expected.get("snippet")), squash(card.get("snippet")));
      }
    }
  }

  @Test
  void entitiesMatchTheExpectedRecords() throws IOException {
    Map<String, JsonNode> pages = pagesByFileName();
    List<JsonNode> entities = lines(first.resolve("entities.jsonl"));
    for (String seed : SEEDS) {
      String pageId = pages.get(seed).get("page_id").asText();
      List<String> expected = new ArrayList<>();
      for (JsonNode e : gold(seed).get("entities")) {
        expected.add(key(e.get("where").asText(), e.get("card"), e));
      }
      List<String> got = new ArrayList<>();
      for (JsonNode e : entities) {
        if (!e.get("page_id").asText().equals(pageId)) {
          continue;
        }
        String block = e.get("block").asText();
        String where = block.startsWith("article:") ? "article"
            : block.startsWith("card:") ? "card_" + block.substring(block.lastIndexOf(':') + 1) : block;
        JsonNode card = block.startsWith("card:") ? JSON.getNodeFactory().numberNode(Integer.parseInt(block.split(":")[1])) : null;
        got.add(key(where, card, e));
      }
      assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList(), seed);
    }
  }

  @Test
  void everyEntityTextIsTheSliceOfItsBlock() throws IOException {
    Map<String, JsonNode> pagesById = new HashMap<>();
    lines(first.resolve("pages.jsonl")).forEach(p -> pagesById.put(p.get("page_id").asText(), p));
    Map<String, JsonNode> cardsById = new HashMap<>();
    lines(first.resolve("cards.jsonl")).forEach(c -> cardsById.put(c.get("card_id").asText(), c));
    for (JsonNode e : lines(first.resolve("entities.jsonl"))) {
      JsonNode page = pagesById.get(e.get("page_id").asText());
      String block = e.get("block").asText();
      String text;
      if (block.startsWith("article:")) {
        text = page.get("blocks").get(Integer.parseInt(block.substring(8))).get("text").asText();
      } else if (block.startsWith("card:")) {
        text = cardsById.get(e.get("card_id").asText()).get(block.endsWith(":title") ? "title" : "snippet").asText();
      } else {
        text = page.get(block).asText();
      }
      int[] cps = text.codePoints().toArray();
      String slice = new String(cps, e.get("start").asInt(), e.get("end").asInt() - e.get("start").asInt());
      assertEquals(e.get("text").asText(), slice, e.toString());
      assertTrue(e.get("context").asText().contains(slice));
    }
  }

  private static String key(String where, JsonNode card, JsonNode e) {
    List<String> flags = new ArrayList<>();
    e.get("flags").forEach(f -> flags.add(f.asText()));
    flags.sort(null);
    return String.join(" | ", where, card == null || card.isNull() ? "-" : card.asText(), e.get("kind").asText(),
        squash(e.get("text")), String.valueOf(e.get("normalized").isNull() ? null : e.get("normalized").asText()),
        String.valueOf(e.get("mod").isNull() ? null : e.get("mod").asText()), flags.toString());
  }

  private static Map<String, JsonNode> pagesByFileName() throws IOException {
    Map<String, JsonNode> pages = new HashMap<>();
    for (JsonNode page : lines(first.resolve("pages.jsonl"))) {
      pages.put(Path.of(page.get("source").get("path").asText()).getFileName().toString(), page);
    }
    return pages;
  }

  private static JsonNode gold(String seed) throws IOException {
    try (InputStream in = PagefeedPipelineTest.class.getResourceAsStream("/PagefeedPipelineTest/" + seed + ".gold.json")) {
      return JSON.readTree(in);
    }
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(read(line));
    }
    return out;
  }

  private static JsonNode read(String json) {
    return SeedRuns.read(json);
  }

  private static String squash(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText().replaceAll("\\s+", "");
  }
}
