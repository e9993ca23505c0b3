package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagefeed.bench.CorpusGenerator;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.encode.OutputFile;
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
    Files.copy(corpus.resolve("000014.txt"), corpus.resolve(TWIN));
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

  /** A copy of 000014.txt in the first run, removed by the change. */
  static final String TWIN = "twin-of-000014.txt";

  /**
   * Two pages updated, one re-saved with a BOM, two removed, two added, one error fixed; a text
   * dump's lead (its first block) edited, another's title; a file renamed; a copy of a page added,
   * and the first run's copy of another removed.
   */
  static void changeTheCrawl() throws IOException {
    List<String> lead = new ArrayList<>(Files.readAllLines(corpus.resolve("000006.txt")));
    lead.set(2, "本文已于今年更新。" + lead.get(2));
    Files.write(corpus.resolve("000006.txt"), lead);
    List<String> title = new ArrayList<>(Files.readAllLines(corpus.resolve("000008.txt")));
    title.set(0, title.get(0) + "(更新版)");
    Files.write(corpus.resolve("000008.txt"), title);
    Files.move(corpus.resolve("000010.txt"), corpus.resolve("renamed-000010.txt"));
    Files.copy(corpus.resolve("000012.txt"), corpus.resolve("copy-of-000012.txt"));
    Files.delete(corpus.resolve(TWIN));
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
    return Invariants.run(options);
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
    // 32 files before; 4 updated (2 HTML, a lead, a title), 1 re-saved, 4 removed (one renamed),
    // 1 fixed: 22 unchanged.
    assertEquals(22, afterChange.counters().sourcesReused());
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
    // Four pages edited and one re-saved with a BOM (same content hash, other bytes); three files
    // removed and one renamed; two added, one copied and one empty file now a page. An unchanged
    // page whose copy came or went is updated when its duplicate_of changed: when the copy's id
    // comes first.
    long twinsUpdated = (id("copy-of-000012.txt").compareTo(id("000012.txt")) < 0 ? 1 : 0)
        + (id(TWIN).compareTo(id("000014.txt")) < 0 ? 1 : 0);
    assertEquals(Map.of("added", 5L, "updated", 5L + twinsUpdated, "removed", 4L), afterChange.counters().changes());
  }

  @Test
  void anEditAnywhereKeepsThePageIdAndARenameIsRemovedAndAdded() {
    Map<String, String> feed = new TreeMap<>();
    for (String line : changesAfterChange) {
      JsonNode change = SeedRuns.read(line);
      feed.put(change.get("page_id").asText(), change.get("change").asText());
    }
    assertEquals("updated", feed.get(id("000006.txt")), "the lead, the first block, edited");
    assertEquals("updated", feed.get(id("000008.txt")), "the title edited");
    assertEquals("removed", feed.get(id("000010.txt")));
    assertEquals("added", feed.get(id("renamed-000010.txt")));
    assertEquals("added", feed.get(id("copy-of-000012.txt")));
    assertEquals("removed", feed.get(id(TWIN)));
  }

  @Test
  void copiesAreMarkedInTheIncrementalRunAsInTheFullOne() throws IOException {
    Map<String, String> duplicateOf = new TreeMap<>();
    for (String line : Files.readAllLines(incremental.resolve("pages.jsonl"))) {
      JsonNode page = SeedRuns.read(line);
      if (!page.get("duplicate_of").isNull()) {
        duplicateOf.put(page.get("page_id").asText(), page.get("duplicate_of").asText());
      }
    }
    String original = id("copy-of-000012.txt").compareTo(id("000012.txt")) < 0 ? "copy-of-000012.txt" : "000012.txt";
    String copy = original.equals("000012.txt") ? "copy-of-000012.txt" : "000012.txt";
    assertEquals(Map.of(id(copy), id(original)), duplicateOf);
    assertEquals(1, afterChange.counters().duplicates());
    assertEquals(1, first.counters().duplicates(), "000014.txt and its twin");
  }

  /** The id of a page of the generated crawl, which has no URL: its file's path below the crawl. */
  private static String id(String file) {
    return dev.pagefeed.model.Ids.pageId(null, file);
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
