package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.model.Ids;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.run.OutputCommitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every committed run must satisfy, checked in one place after every pipeline test (through
 * {@link #run}, or {@link #check} after a run in a child JVM): the pointer names a complete run;
 * every file matches its manifest entry (bytes, sha256, records); every source id, page id, card id
 * and entity id is unique; the manifest's counters reconcile with the files' records (pages,
 * cards, entities by kind, errors by type, WARC records by kind and per file); the change feed
 * removes no page that pages.jsonl holds and adds or updates none it lacks; every page has its
 * source's line.
 */
final class Invariants {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Invariants() {}

  /** Runs pagefeed as the driver does (plan, pipeline, commit), then checks the run it committed. */
  static Manifest run(PagefeedOptions options) {
    Manifest manifest = PagefeedPipeline.run(options, PagefeedPipeline.inputPatterns(options));
    check(Path.of(options.getOutput()));
    return manifest;
  }

  /** Checks the current run of {@code output}. */
  static void check(Path output) {
    try {
      checkRun(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder of the run the pointer of {@code output} names. */
  static Path currentRun(Path output) throws IOException {
    Path pointer = output.resolve(OutputCommitter.POINTER);
    assertTrue(Files.exists(pointer), "no pointer in " + output);
    return output.resolve(Files.readString(pointer).strip());
  }

  private static void checkRun(Path output) throws IOException {
    Path run = currentRun(output);
    JsonNode manifest = JSON.readTree(Files.readString(run.resolve("manifest.json")));
    assertEquals(output.resolve(".runs"), run.getParent(), "the pointer names a run");
    Map<String, List<String>> lines = new HashMap<>();
    for (JsonNode file : manifest.get("files")) {
      String name = file.get("name").asText();
      byte[] bytes = Files.readAllBytes(run.resolve(name));
      assertEquals(file.get("bytes").asLong(), bytes.length, name + " bytes");
      assertEquals(file.get("sha256").asText(), Ids.sha256(bytes), name + " sha256");
      if (name.endsWith(".parquet")) {
        assertEquals(file.get("records").asLong(), parquetRows(run.resolve(name)), name + " records");
        continue; // its values are checked against its JSONL file's by ParquetRunTest
      }
      List<String> records = name.endsWith(".csv") ? csvRows(bytes) : new String(bytes, StandardCharsets.UTF_8).lines().toList();
      assertEquals(file.get("records").asLong(), records.size(), name + " records");
      // A file's shards (pages-00001-of-00004.jsonl) are read as the one file they make up.
      lines.computeIfAbsent(name.replaceFirst("-\\d{5}-of-\\d{5}(?=\\.)", ""), n -> new ArrayList<>()).addAll(records);
    }
    List<JsonNode> sources = parse(lines.get("sources.jsonl"));
    List<JsonNode> pages = parse(lines.get("pages.jsonl"));
    List<JsonNode> errors = parse(lines.get("errors.jsonl"));
    List<JsonNode> entities = parse(lines.get("entities.jsonl"));
    List<JsonNode> changes = parse(lines.get("changes.jsonl"));

    unique(sources, s -> s.get("path").asText() + "#" + text(s, "offset") + "#" + text(s, "offset_in"), "source id");
    unique(pages, p -> p.get("page_id").asText(), "page_id");
    unique(parse(lines.get("cards.jsonl")), c -> c.get("card_id").asText(), "card_id");
    unique(entities, e -> e.get("entity_id").asText(), "entity_id");
    unique(changes, c -> c.get("page_id").asText(), "page_id in changes.jsonl");

    JsonNode counters = manifest.get("counters");
    assertEquals(counters.get("pages").asLong(), pages.size(), "counters.pages");
    assertEquals(counters.get("cards").asLong(), lines.get("cards.jsonl").size(), "counters.cards");
    assertEquals(counters.get("errors").asLong(), errors.size(), "counters.errors");
    assertEquals(counters.get("duplicates").asLong(), pages.stream().filter(p -> !p.get("duplicate_of").isNull()).count(),
        "counters.duplicates");
    assertEquals(counters.get("error_pages").asLong(), pages.stream()
        .filter(p -> p.get("warnings").toString().contains("\"error_page\"")).count(), "counters.error_pages");
    assertEquals(nonZero(counts(counters.get("entities"))), countBy(entities, e -> e.get("kind").asText()),
        "counters.entities");
    assertEquals(nonZero(counts(counters.get("error_types"))), countBy(errors, e -> e.get("error_type").asText()),
        "counters.error_types");
    List<JsonNode> warcLines = sources.stream().filter(s -> s.has("record") && !s.get("record").asText().equals("warc")).toList();
    assertEquals(nonZero(counts(counters.get("warc_records"))), countBy(warcLines, Invariants::warcKind), "counters.warc_records");
    long warcFiles = sources.stream().filter(s -> s.has("record") && s.get("record").asText().equals("warc")).count();
    assertEquals(counters.get("warc_files").asLong(), warcFiles, "counters.warc_files");
    assertEquals(warcFiles, manifest.get("warc").size(), "one reconciliation per WARC file");
    for (JsonNode warc : manifest.get("warc")) {
      String path = warc.get("path").asText();
      long records = warcLines.stream().filter(s -> s.get("path").asText().equals(path)).count();
      assertEquals(records, warc.get("records").asLong(), "records of " + path);
      assertEquals(records, warc.get("pages").asLong() + warc.get("skipped").asLong() + warc.get("errors").asLong(),
          "records = pages + skipped + errors for " + path);
    }

    Set<String> pageIds = new HashSet<>();
    pages.forEach(p -> pageIds.add(p.get("page_id").asText()));
    for (JsonNode change : changes) {
      String id = change.get("page_id").asText();
      boolean present = pageIds.contains(id);
      switch (change.get("change").asText()) {
        case "removed" -> assertTrue(!present, "page " + id + " is removed by changes.jsonl but still in pages.jsonl");
        case "added", "updated" -> assertTrue(present, "page " + id + " is " + change.get("change").asText()
            + " by changes.jsonl but not in pages.jsonl");
        default -> fail("unknown change " + change);
      }
    }
    Map<String, String> sourceOfPage = new HashMap<>();
    for (JsonNode source : sources) {
      if (!source.get("page_id").isNull()) {
        sourceOfPage.put(source.get("page_id").asText(), source.get("path").asText());
      }
    }
    for (JsonNode page : pages) {
      String holder = sourceOfPage.get(page.get("page_id").asText());
      assertNotNull(holder, "page " + page.get("page_id") + " has no line in sources.jsonl");
      assertEquals(page.get("source").get("path").asText(), holder, "the source of page " + page.get("page_id"));
    }
    // The manifest itself parses as the run's own type.
    assertNotNull(dev.pagefeed.encode.Json.mapper().readValue(Files.readString(run.resolve("manifest.json")), Manifest.class)
        .runId());
  }

  /** How many rows a CSV file has, its header aside. */
  static long csvRowCount(Path file) throws IOException {
    return csvRows(Files.readAllBytes(file)).size();
  }

  /** A CSV file's rows but its header (cells may hold line breaks), each as its text. */
  /** The rows of a Parquet file, as DuckDB reads it. */
  private static long parquetRows(Path file) throws IOException {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement sql = db.createStatement();
        java.sql.ResultSet rows = sql.executeQuery("select count(*) from read_parquet('"
            + file.toString().replace("'", "''") + "')")) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IOException("DuckDB cannot read " + file, e);
    }
  }

  private static List<String> csvRows(byte[] bytes) throws IOException {
    com.fasterxml.jackson.dataformat.csv.CsvMapper csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    csv.enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY);
    List<String> rows = new java.util.ArrayList<>();
    try (com.fasterxml.jackson.databind.MappingIterator<List<String>> it =
        csv.readerFor(List.class).readValues(new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""))) {
      while (it.hasNext()) {
        rows.add(String.join(",", it.next()));
      }
    }
    return rows.subList(Math.min(1, rows.size()), rows.size());
  }

  private static String warcKind(JsonNode source) {
    return source.get("record").asText();
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) && !node.get(field).isNull() ? node.get(field).asText() : "";
  }

  private static List<JsonNode> parse(List<String> lines) {
    return lines.stream().map(line -> {
      try {
        return JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + line, e);
      }
    }).toList();
  }

  private static void unique(List<JsonNode> records, java.util.function.Function<JsonNode, String> id, String what) {
    Set<String> seen = new HashSet<>();
    for (JsonNode record : records) {
      assertTrue(seen.add(id.apply(record)), "two records share the " + what + " " + id.apply(record));
    }
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new TreeMap<>();
    object.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static Map<String, Long> nonZero(Map<String, Long> counts) {
    counts.values().removeIf(n -> n == 0);
    return counts;
  }

  private static Map<String, Long> countBy(List<JsonNode> records, java.util.function.Function<JsonNode, String> key) {
    Map<String, Long> counts = new TreeMap<>();
    records.forEach(r -> counts.merge(key.apply(r), 1L, Long::sum));
    return counts;
  }
}
