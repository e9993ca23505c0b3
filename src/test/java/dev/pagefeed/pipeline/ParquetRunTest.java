package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.encode.ParquetTable;
import dev.pagefeed.run.Manifest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code --formats=jsonl,csv,parquet}: every record of every JSONL file is a row of its Parquet
 * file, value for value, read back with DuckDB; the columns have their declared types; the example
 * query gives the same answers on Parquet; sharded and incremental runs write the same Parquet
 * files as a full run.
 */
class ParquetRunTest {

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @TempDir static Path temp;
  static Path input;
  static Path whole;
  static Path sharded;
  static Manifest shardedRun;

  @BeforeAll
  static void runs() throws IOException {
    input = temp.resolve("in");
    SeedRuns.mixedCorpus(input, 30, 5);
    whole = Invariants.currentRun(run(temp.resolve("whole"), 1).folder());
    shardedRun = run(temp.resolve("sharded"), 3).manifest();
    sharded = Invariants.currentRun(temp.resolve("sharded"));
  }

  private record Ran(Path folder, Manifest manifest) {}

  private static Ran run(Path output, int shards, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--shards=" + shards,
        "--formats=jsonl,csv,parquet", "--targetParallelism=2"));
    args.addAll(List.of(more));
    return new Ran(output, Invariants.run(org.apache.beam.sdk.options.PipelineOptionsFactory
        .fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class)));
  }

  @ParameterizedTest
  @EnumSource(ParquetTable.Kind.class)
  void everyRowIsItsJsonlRecordValueForValue(ParquetTable.Kind kind) throws Exception {
    for (Path run : List.of(whole, sharded)) {
      List<JsonNode> records = new ArrayList<>();
      for (String line : jsonl(run, kind)) {
        records.add(JSON.readTree(line));
      }
      List<JsonNode> rows = new ArrayList<>();
      for (List<Object> row : query("select to_json(t)::varchar from read_parquet('" + glob(run, kind) + "') t")) {
        rows.add(JSON.readTree((String) row.get(0)));
      }
      assertEquals(records.size(), rows.size(), kind + ": one row per record");
      if (kind != ParquetTable.Kind.CHANGE) {
        assertTrue(records.size() > 0, kind + ": the corpus has some");
      }
      Map<String, JsonNode> byKey = new TreeMap<>();
      rows.forEach(row -> byKey.put(key(row), row));
      for (JsonNode record : records) {
        JsonNode row = byKey.get(key(record));
        assertTrue(row != null, kind + ": a row for " + key(record));
        same(kind == ParquetTable.Kind.ENTITY ? valueByKind(record) : record, row, kind.schemaName());
      }
    }
  }

  @Test
  void withoutCsvTheRunWritesTheSameJsonlAndParquetAndNoCsvFile() throws Exception {
    Path out = temp.resolve("no-csv");
    java.util.function.Function<String, Manifest> run = formats -> Invariants.run(org.apache.beam.sdk.options
        .PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + out, "--formats=" + formats,
            "--targetParallelism=2", "--incremental").as(PagefeedOptions.class));
    Manifest withoutCsv = run.apply("jsonl,parquet");
    assertEquals("jsonl,parquet", withoutCsv.options().shape().formats());
    assertTrue(withoutCsv.files().stream().noneMatch(file -> file.name().endsWith(".csv")), withoutCsv.files().toString());
    Path folder = Invariants.currentRun(out);
    try (var files = Files.list(folder)) {
      assertTrue(files.noneMatch(file -> file.toString().endsWith(".csv")), "no CSV file in the run's folder");
    }
    // The record files do not name the run (changes.jsonl does, and the run's id hashes which files it has).
    Map<String, byte[]> written = new TreeMap<>();
    for (dev.pagefeed.encode.OutputFile file : dev.pagefeed.encode.OutputFile.written(false)) {
      written.put(file.fileName(), Files.readAllBytes(folder.resolve(file.fileName())));
    }
    for (ParquetTable.Kind kind : ParquetTable.Kind.values()) {
      if (kind != ParquetTable.Kind.CHANGE) {
        written.put(kind.fileName(), Files.readAllBytes(folder.resolve(kind.fileName())));
      }
    }
    // Adding CSV is a change of shape: every file processed again, the CSV files written and linked,
    // and the other files as they were.
    Manifest withCsv = run.apply("jsonl,csv,parquet");
    assertEquals(0, withCsv.counters().sourcesReused(), "another shape reuses nothing");
    Path again = Invariants.currentRun(out);
    written.forEach((name, bytes) -> assertArrayEquals(bytes, read(again.resolve(name)), name + " as a run with CSV writes it"));
    assertEquals(withCsv.counters().pages(), Invariants.csvRowCount(out.resolve("pages.csv")), "pages.csv, linked");
    // And leaving it out again removes the output folder's links to CSV files.
    run.apply("jsonl,parquet");
    assertFalse(Files.exists(out.resolve("pages.csv"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
        "no link to the previous run's CSV");
    assertTrue(Files.exists(out.resolve("pages.parquet")));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void columnsHaveTheirDeclaredTypes() throws Exception {
    Map<String, String> pages = types(ParquetTable.Kind.PAGE);
    assertEquals("DATE", pages.get("published"));
    assertEquals("TIMESTAMP WITH TIME ZONE", pages.get("fetched"));
    assertEquals("BIGINT", pages.get("source.bytes"));
    assertTrue(pages.get("blocks").startsWith("STRUCT(\"index\" INTEGER, \"type\" VARCHAR, \"level\" INTEGER, \"text\" VARCHAR,"),
        pages.get("blocks"));
    assertTrue(pages.get("blocks").endsWith("[]"), "blocks is a list of structs: " + pages.get("blocks"));
    assertEquals("VARCHAR[]", pages.get("warnings"));
    Map<String, String> entities = types(ParquetTable.Kind.ENTITY);
    assertEquals("DECIMAL(38,6)", entities.get("value.money.amount"));
    assertEquals("VARCHAR[]", entities.get("value.money.per"));
    assertEquals("DECIMAL(38,12)", entities.get("value.percent.value"));
    assertEquals("BOOLEAN", entities.get("value.url.gov"));
    assertEquals("VARCHAR[]", entities.get("flags"));
    assertEquals("BOOLEAN", types(ParquetTable.Kind.CARD).get("snippet_truncated"));
  }

  @Test
  void theExampleQueryGivesTheSameAnswersOnParquet() throws Exception {
    String onJsonl = dev.pagefeed.bench.QueryTimes.example(whole, false);
    String onParquet = dev.pagefeed.bench.QueryTimes.example(whole, true);
    assertTrue(onParquet.contains("read_parquet") && !onParquet.contains("read_json_auto"), onParquet);
    List<String> rows = sorted(query(onJsonl));
    assertTrue(rows.size() > 10, "the query has answers: " + rows.size());
    assertEquals(rows, sorted(query(onParquet)), "the same rows (its order leaves ties open)");
  }

  @Test
  void theReadmesMoneyQueryAddsUpWhatTheJsonlRecordsSay() throws Exception {
    // README, "Analytics formats": the amounts by currency, over every shard with one glob.
    List<List<Object>> parquet = query("select value.money.currency, sum(value.money.amount) from '" + sharded
        + "/entities*.parquet' where kind = 'money' group by 1 order by 1");
    Map<String, BigDecimal> expected = new TreeMap<>();
    for (String line : jsonl(sharded, ParquetTable.Kind.ENTITY)) {
      JsonNode entity = JSON.readTree(line);
      if (entity.get("kind").asText().equals("money") && entity.get("value").isNull()) {
        expected.put("null", BigDecimal.ZERO); // an amount cut short has no value: DuckDB's null group, summing nothing
      } else if (entity.get("kind").asText().equals("money")) {
        JsonNode value = entity.get("value");
        BigDecimal amount = value.hasNonNull("amount") ? value.get("amount").decimalValue() : null;
        expected.merge(value.get("currency").asText(), amount == null ? BigDecimal.ZERO : amount, BigDecimal::add);
      }
    }
    Map<String, BigDecimal> actual = new TreeMap<>();
    for (List<Object> row : parquet) {
      actual.put(String.valueOf(row.get(0)), row.get(1) == null ? BigDecimal.ZERO : ((BigDecimal) row.get(1)).stripTrailingZeros());
    }
    expected.replaceAll((currency, sum) -> sum.stripTrailingZeros());
    assertEquals(expected, actual);
    assertTrue(actual.size() > 1, "more than one currency: " + actual);
  }

  @Test
  void aGlobReadsEveryShardAndTheManifestListsThem() throws Exception {
    List<String> names = shardedRun.files().stream().map(Manifest.FileEntry::name).toList();
    for (ParquetTable.Kind kind : ParquetTable.Kind.values()) {
      long records = 0;
      for (int shard = 0; shard < 3; shard++) {
        String name = String.format("%s-%05d-of-00003.parquet", kind.fileName().replace(".parquet", ""), shard);
        assertTrue(names.contains(name), "the manifest lists " + name);
        records += shardedRun.files().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().records();
      }
      assertEquals(records, ((Number) query("select count(*) from read_parquet('" + glob(sharded, kind) + "')")
          .get(0).get(0)).longValue(), kind.fileName());
    }
  }

  @Test
  void anUnchangedNightKeepsEveryParquetFileAndWritesAnEmptyChangeFeed() throws Exception {
    Path same = temp.resolve("same");
    run(same, 2);
    Path before = Invariants.currentRun(same);
    Map<String, byte[]> first = new TreeMap<>();
    try (var files = Files.list(before)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        first.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    Manifest night = run(same, 2, "--incremental").manifest();
    assertEquals(0, night.counters().changes().values().stream().mapToLong(Long::longValue).sum(), "nothing changed");
    Path after = Invariants.currentRun(same);
    assertTrue(!after.equals(before), "a new run");
    for (Map.Entry<String, byte[]> file : first.entrySet()) {
      if (file.getKey().startsWith("changes")) {
        assertEquals(0L, ((Number) query("select count(*) from read_parquet('" + after.resolve(file.getKey()) + "')")
            .get(0).get(0)).longValue(), file.getKey());
      } else {
        assertArrayEquals(file.getValue(), Files.readAllBytes(after.resolve(file.getKey())), file.getKey());
      }
    }
  }

  @Test
  void aRunWithoutParquetLeavesNoLinkToTheParquetFilesOfTheRunBefore() throws IOException {
    Path out = temp.resolve("dropped");
    run(out, 1);
    assertTrue(Files.isSymbolicLink(out.resolve("pages.parquet")));
    Invariants.run(org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs("--input=" + input, "--output=" + out,
        "--incremental", "--targetParallelism=2").as(PagefeedOptions.class));
    try (var files = Files.list(out)) {
      List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).toList();
      assertEquals(List.of(), left, "no link to a file the current run does not have");
    }
    assertTrue(Files.exists(out.resolve("pages.jsonl")));
  }

  @Test
  void anIncrementalRunWritesTheParquetFilesOfAFullRun() throws IOException {
    Path nightly = temp.resolve("nightly");
    run(nightly, 3);
    List<Path> pages;
    try (var files = Files.list(input)) {
      pages = files.filter(p -> p.toString().endsWith(".txt") && !p.endsWith("empty.txt")).sorted().toList();
    }
    Files.writeString(pages.get(0), Files.readString(pages.get(0)) + "\n本页已更新,请致电12345咨询。\n");
    Files.delete(pages.get(1));
    Manifest incremental = run(nightly, 3, "--incremental").manifest();
    assertTrue(incremental.counters().sourcesReused() > 0, "the night reused files");
    Path full = temp.resolve("full-after");
    run(full, 3);
    Path night = Invariants.currentRun(nightly);
    Path fresh = Invariants.currentRun(full);
    for (Manifest.FileEntry file : incremental.files()) {
      if (file.name().endsWith(".parquet") && !file.name().startsWith("changes")) {
        assertArrayEquals(Files.readAllBytes(fresh.resolve(file.name())), Files.readAllBytes(night.resolve(file.name())),
            file.name());
      }
    }
  }

  // --- helpers ---

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(String::valueOf).sorted().toList();
  }

  private static List<String> jsonl(Path run, ParquetTable.Kind kind) throws IOException {
    List<String> lines = new ArrayList<>();
    String stem = kind.jsonlFile().replace(".jsonl", "");
    try (var files = Files.list(run)) {
      for (Path file : files.filter(p -> p.getFileName().toString().matches(stem + "(-\\d{5}-of-\\d{5})?\\.jsonl"))
          .sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  private static String glob(Path run, ParquetTable.Kind kind) {
    String stem = kind.fileName().replace(".parquet", "");
    return run + "/" + stem + (run.equals(sharded) ? "-*.parquet" : ".parquet");
  }

  /** What tells a record from the others of its kind (an error or a source line has no id of its own). */
  private static String key(JsonNode record) {
    for (String id : List.of("entity_id", "card_id")) {
      if (record.has(id)) {
        return record.get(id).asText();
      }
    }
    if (record.has("change") || record.has("blocks")) {
      return record.get("page_id").asText();
    }
    String file = record.has("path") ? record.get("path").asText() : record.get("source").asText();
    return file + "#" + record.path("offset").asText("") + "#" + record.path("error_type").asText("");
  }

  /** An entity's value as the Parquet file has it, under its kind. */
  private static JsonNode valueByKind(JsonNode entity) {
    if (entity.get("value").isNull()) {
      return entity;
    }
    com.fasterxml.jackson.databind.node.ObjectNode shaped = entity.deepCopy();
    shaped.putObject("value").set(entity.get("kind").asText(), entity.get("value"));
    return shaped;
  }

  /** A JSONL value and DuckDB's JSON of its Parquet value: the same, as the column's type reads it. */
  private static void same(JsonNode expected, JsonNode actual, String at) {
    if (expected == null || expected.isNull()) {
      assertTrue(actual == null || actual.isNull(), at + ": null, not " + actual);
      return;
    }
    assertTrue(actual != null && !actual.isNull(), at + ": " + expected + ", not null");
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        same(field.getValue(), actual.get(field.getKey()), at + "." + field.getKey());
      }
      actual.fields().forEachRemaining(field -> {
        if (!expected.has(field.getKey())) {
          assertTrue(field.getValue().isNull(), at + "." + field.getKey() + " is only in the Parquet file");
        }
      });
    } else if (expected.isArray()) {
      assertEquals(expected.size(), actual.size(), at + ": length");
      for (int i = 0; i < expected.size(); i++) {
        same(expected.get(i), actual.get(i), at + "[" + i + "]");
      }
    } else if (expected.isNumber()) {
      assertEquals(0, new BigDecimal(expected.asText()).compareTo(new BigDecimal(actual.asText())),
          at + ": " + expected + " vs " + actual);
    } else if (expected.isTextual() && expected.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
      assertEquals(Instant.parse(expected.asText()), Instant.parse(actual.asText().replace(' ', 'T')
          .replaceAll("\\+00$", "Z")), at);
    } else {
      assertEquals(expected, actual, at);
    }
  }

  /** The type DuckDB reads each top-level column as, and some nested fields by their path. */
  private Map<String, String> types(ParquetTable.Kind kind) throws Exception {
    String file = "read_parquet('" + whole + "/" + kind.fileName() + "')";
    Map<String, String> types = new TreeMap<>();
    for (List<Object> row : query("describe select * from " + file)) {
      types.put(String.valueOf(row.get(0)), String.valueOf(row.get(1)));
    }
    for (String path : List.of("source.bytes", "value.money.amount", "value.money.per", "value.percent.value",
        "value.url.gov")) {
      if (types.containsKey(path.substring(0, path.indexOf('.')))) {
        types.put(path, String.valueOf(query("select typeof(" + path + ") from " + file + " limit 1").get(0).get(0)));
      }
    }
    return types;
  }

  private static List<List<Object>> query(String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = db.createStatement()) {
      statement.execute("set TimeZone = 'UTC'");
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object value = result.getObject(i);
            row.add(value instanceof BigDecimal decimal ? decimal.stripTrailingZeros() : value);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
