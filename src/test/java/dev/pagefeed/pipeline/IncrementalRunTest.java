package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagefeed.bench.CorpusGenerator;
import dev.pagefeed.io.Manifest;
import dev.pagefeed.io.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --incremental} over a crawl that changed: pages updated, added and removed, a file that
 * changed only in its bytes, an error that became a page. The output files equal a full run's over
 * the same inputs, byte for byte; changes.jsonl lists exactly the pages whose id or content hash
 * changed; a rerun over unchanged input changes nothing.
 */
class IncrementalRunTest {

  @TempDir static Path temp;
  static Path corpus;
  static Path incremental;
  static Path full;
  static Manifest first;
  static Manifest afterChange;
  static Manifest fullRun;
  static Manifest rerun;
  static byte[][] filesAfterChange;
  static String firstPages;
  static List<String> changesAfterChange;

  @BeforeAll
  static void runs() throws IOException {
    corpus = temp.resolve("crawl");
    CorpusGenerator.write(corpus, 30, 7);
    Files.writeString(corpus.resolve("broken.txt"), "   \n");
    incremental = temp.resolve("incremental");
    first = run(incremental, true);
    firstPages = Files.readString(incremental.resolve("pages.jsonl"));
    snapshot(incremental, "snapshot-1");

    changeTheCrawl();
    afterChange = run(incremental, true);
    filesAfterChange = recordFiles(incremental);
    changesAfterChange = Files.readAllLines(incremental.resolve("changes.jsonl"), StandardCharsets.UTF_8);
    snapshot(incremental, "snapshot-2");
    full = temp.resolve("full");
    fullRun = run(full, false);
    rerun = run(incremental, true);
    snapshot(incremental, "snapshot-3");
  }

  /** A copy of what a downstream loader reads after a run: the files, through their links. */
  static void snapshot(Path output, String name) throws IOException {
    Path copy = Files.createDirectories(temp.resolve(name));
    List<String> names = new ArrayList<>(List.of(OutputFile.CHANGES, OutputFile.MANIFEST));
    for (OutputFile file : OutputFile.values()) {
      names.add(file.fileName());
    }
    for (String file : names) {
      Files.copy(output.resolve(file), copy.resolve(file));
    }
  }

  /** Two pages updated, one re-saved with a BOM, two removed, two added, one error fixed. */
  static void changeTheCrawl() throws IOException {
    for (String updated : List.of("000001.html", "000003.html")) {
      Path file = corpus.resolve(updated);
      Files.writeString(file, Files.readString(file).replaceFirst("。", "。本段已更新。"));
    }
    Path resaved = corpus.resolve("000002.txt");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = Files.readAllBytes(resaved);
    byte[] withBom = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, withBom, 0, bom.length);
    System.arraycopy(text, 0, withBom, bom.length, text.length);
    Files.write(resaved, withBom);
    Files.delete(corpus.resolve("000004.txt"));
    Files.delete(corpus.resolve("000005.html"));
    Path more = temp.resolve("more");
    CorpusGenerator.write(more, 40, 99);
    Files.copy(more.resolve("000036.txt"), corpus.resolve("new-a.txt"));
    Files.copy(more.resolve("000037.html"), corpus.resolve("new-b.html"));
    Files.copy(more.resolve("000038.txt"), corpus.resolve("broken.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.write(corpus.resolve("new-empty.txt"), new byte[0]);
  }

  static Manifest run(Path output, boolean incremental, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + corpus, "--output=" + output, "--incremental=" + incremental));
    args.addAll(List.of(more));
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
    return PagefeedPipeline.run(options, PagefeedPipeline.inputPatterns(options.getInput()));
  }

  static byte[][] recordFiles(Path output) throws IOException {
    OutputFile[] files = OutputFile.values();
    byte[][] bytes = new byte[files.length][];
    for (int i = 0; i < files.length; i++) {
      bytes[i] = Files.readAllBytes(output.resolve(files[i].fileName()));
    }
    return bytes;
  }

  @Test
  void incrementalOutputEqualsAFullRunByteForByte() throws IOException {
    byte[][] reference = recordFiles(full);
    OutputFile[] files = OutputFile.values();
    for (int i = 0; i < files.length; i++) {
      assertArrayEquals(reference[i], filesAfterChange[i], files[i].fileName());
    }
    assertEquals(fullRun.runId(), afterChange.runId());
    assertEquals(fullRun.counters().pages(), afterChange.counters().pages());
  }

  @Test
  void unchangedFilesAreReusedAndTheOthersProcessed() {
    // 31 files before; 2 updated, 1 re-saved, 2 removed, 1 fixed: 25 unchanged.
    assertEquals(25, afterChange.counters().sourcesReused());
    assertEquals(0, fullRun.counters().sourcesReused());
    assertEquals(0, first.counters().sourcesReused());
    assertNull(first.previousRunId());
    assertEquals(first.runId(), afterChange.previousRunId());
  }

  @Test
  void changeFeedListsThePagesWhoseIdOrContentChanged() throws IOException {
    Map<String, String> before = pageLines(firstPages);
    Map<String, String> after = pageLines(Files.readString(full.resolve("pages.jsonl")));
    // Each page id comes from one file here (ChangeFeedTest covers copies of one page).
    assertEquals(firstPages.lines().count(), before.size());
    assertEquals(Files.readAllLines(full.resolve("pages.jsonl")).size(), after.size());
    Map<String, String> expected = new TreeMap<>();
    // A page is updated when its record changed at all (content, or its file's path or bytes).
    before.forEach((id, line) -> {
      if (!after.containsKey(id)) {
        expected.put(id, "removed " + hashOf(line));
      } else if (!after.get(id).equals(line)) {
        expected.put(id, "updated " + hashOf(after.get(id)));
      }
    });
    after.forEach((id, line) -> {
      if (!before.containsKey(id)) {
        expected.put(id, "added " + hashOf(line));
      }
    });
    Map<String, String> feed = new TreeMap<>();
    for (String line : changesAfterChange) {
      JsonNode change = SeedRuns.read(line);
      feed.put(change.get("page_id").asText(), change.get("change").asText() + " " + change.get("content_hash").asText());
      assertEquals(afterChange.runId(), change.get("run_id").asText());
    }
    assertEquals(expected, feed);
    assertTrue(expected.values().stream().anyMatch(c -> c.startsWith("updated")), "the test changes a page: " + expected);
    assertTrue(expected.values().stream().anyMatch(c -> c.startsWith("removed")));
    assertTrue(expected.values().stream().anyMatch(c -> c.startsWith("added")));
    // Two pages edited and one re-saved with a BOM (same content hash, other bytes); two files
    // removed; two added and one empty file now a page.
    assertEquals(Map.of("added", 3L, "updated", 3L, "removed", 2L), afterChange.counters().changes());
  }

  @Test
  void aRerunOverUnchangedInputChangesNothing() throws IOException {
    assertEquals(afterChange.runId(), rerun.runId());
    assertEquals(afterChange.counters().pages() + afterChange.counters().errors(), rerun.counters().sourcesReused());
    byte[][] now = recordFiles(incremental);
    for (int i = 0; i < now.length; i++) {
      assertArrayEquals(filesAfterChange[i], now[i], OutputFile.values()[i].fileName());
    }
    assertEquals(0, Files.size(incremental.resolve("changes.jsonl")));
    assertEquals(Map.of("added", 0L, "updated", 0L, "removed", 0L), rerun.counters().changes());
  }

  @Test
  void otherRecordShapingOptionsProcessEveryFile() throws IOException {
    Path output = temp.resolve("bom");
    run(output, false);
    Manifest withBom = run(output, true, "--csvBom=true");
    assertEquals(0, withBom.counters().sourcesReused());
    assertTrue(Files.readString(output.resolve("pages.csv")).startsWith("\uFEFF"));
    assertEquals(0, Files.size(output.resolve("changes.jsonl")));
    assertFalse(withBom.runId().isEmpty());
  }

  @Test
  void duckDbLoaderKeepsTablesEqualToTheLatestRun() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
      for (String snapshot : List.of("snapshot-1", "snapshot-2", "snapshot-3")) {
        load(db, temp.resolve(snapshot));
      }
      for (String table : List.of("pages", "cards", "entities")) {
        String latest = "read_csv('" + full.resolve(table + ".csv") + "', header = true, all_varchar = true)";
        assertEquals(0, count(sql, "select count(*) from (select * from " + table + " except all select * from " + latest + ")"));
        assertEquals(0, count(sql, "select count(*) from (select * from " + latest + " except all select * from " + table + ")"));
        assertTrue(count(sql, "select count(*) from " + table) > 0);
      }
      assertEquals(3, count(sql, "select count(*) from pagefeed_runs"));
    }
  }

  @Test
  void duckDbLoaderRefusesARunWhenOneWasMissed() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      load(db, temp.resolve("snapshot-1"));
      SQLException missed = assertThrows(SQLException.class, () -> load(db, temp.resolve("snapshot-3")));
      assertTrue(missed.getMessage().contains("reload from scratch"), missed.getMessage());
      try (Statement sql = db.createStatement()) {
        assertEquals(1, count(sql, "select count(*) from pagefeed_runs"));
      }
    }
  }

  /** Runs examples/load_changes.sql against the files of {@code output}. */
  static void load(Connection db, Path output) throws IOException, SQLException {
    String script = Files.readString(Path.of("examples", "load_changes.sql"))
        .replace("'output/", "'" + output.toString().replace("'", "''") + "/");
    StringBuilder statement = new StringBuilder();
    for (String line : script.lines().toList()) {
      if (line.startsWith("--")) {
        continue;
      }
      statement.append(line).append('\n');
      if (line.endsWith(";")) {
        try (Statement sql = db.createStatement()) {
          sql.execute(statement.toString());
        } catch (SQLException e) {
          try (Statement sql = db.createStatement()) {
            sql.execute("rollback");
          }
          throw e;
        }
        statement.setLength(0);
      }
    }
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Page id → its line of pages.jsonl. */
  private static Map<String, String> pageLines(String pagesJsonl) {
    Map<String, String> lines = new TreeMap<>();
    pagesJsonl.lines().forEach(line -> lines.put(SeedRuns.read(line).get("page_id").asText(), line));
    return lines;
  }

  private static String hashOf(String pageLine) {
    return SeedRuns.read(pageLine).get("content_hash").asText();
  }
}
