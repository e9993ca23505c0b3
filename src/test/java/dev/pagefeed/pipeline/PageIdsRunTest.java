package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagefeed.run.Manifest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
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
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record its own key, over a deliberately awkward crawl: one page under two names, re-saved
 * in GB18030 and gzipped, the same file name in two folders, the same relative path under two
 * {@code --input} roots, and an HTML page with a canonical URL saved twice. Every record file loads
 * into DuckDB tables whose ids are primary keys, copies are marked {@code duplicate_of}, and the ids
 * stay the same when the input folders move and are given in the other order.
 */
class PageIdsRunTest {

  private static final String SEED_A = "000_3f088403eae75c83.txt";
  private static final String SEED_B = "001_896cdf1bdb1f6a7b.txt";

  @TempDir static Path temp;
  static Manifest manifest;
  static Path output;
  static Map<String, String> idsByKey;
  static Map<String, String> idsByKeyAfterMove;

  @BeforeAll
  static void runs() throws IOException {
    Path crawl = temp.resolve("site/crawl");
    Path mirror = temp.resolve("mirror/crawl");
    byte[] a = Files.readAllBytes(Path.of("input", SEED_A));
    byte[] b = Files.readAllBytes(Path.of("input", SEED_B));
    byte[] html = PageIdsRunTest.class.getResourceAsStream("/FormatsTest/page.html").readAllBytes();
    write(crawl.resolve("faq/000.txt"), a);
    write(crawl.resolve("faq/000-copy.txt"), a);
    write(crawl.resolve("faq/000.gb18030.txt"),
        new String(a, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030")));
    write(crawl.resolve("faq/000.txt.gz"), gzip(a));
    write(crawl.resolve("one/page.txt"), b);
    write(crawl.resolve("two/page.txt"), b);
    write(crawl.resolve("html/yinchuan.html"), html);
    write(crawl.resolve("html/yinchuan-saved-again.html"), html);
    write(mirror.resolve("faq/000.txt"), a);

    output = temp.resolve("out");
    manifest = run(List.of(crawl, mirror), output);
    idsByKey = idsByKey(output);

    // The whole input moved elsewhere, and named in the other order.
    Path moved = temp.resolve("elsewhere/deeper");
    Files.createDirectories(moved);
    Files.move(temp.resolve("site"), moved.resolve("site"));
    Files.move(temp.resolve("mirror"), moved.resolve("mirror"));
    Path movedOutput = temp.resolve("out-moved");
    run(List.of(moved.resolve("mirror/crawl"), moved.resolve("site/crawl")), movedOutput);
    idsByKeyAfterMove = idsByKey(movedOutput);
  }

  @Test
  void everyRecordFileLoadsIntoTablesKeyedOnItsIds() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
      sql.execute("create table pages (page_id varchar primary key, duplicate_of varchar, content_hash varchar)");
      sql.execute("create table cards (card_id varchar primary key, page_id varchar not null)");
      sql.execute("create table entities (entity_id varchar primary key, page_id varchar not null)");
      for (String format : List.of("csv", "jsonl")) {
        for (String table : List.of("pages", "cards", "entities")) {
          sql.execute("delete from " + table);
        }
        sql.execute("insert into pages select page_id, duplicate_of, content_hash from " + read("pages", format));
        sql.execute("insert into cards select card_id, page_id from " + read("cards", format));
        sql.execute("insert into entities select entity_id, page_id from " + read("entities", format));
        for (String table : List.of("pages", "cards", "entities")) {
          long lines = Files.readAllLines(output.resolve(table + "." + format)).size() - (format.equals("csv") ? 1 : 0);
          assertEquals(lines, count(sql, "select count(*) from " + table), table + "." + format + ": every row went in");
          assertTrue(lines > 0);
        }
        assertEquals(0, count(sql, "select count(*) from cards where page_id not in (select page_id from pages)"));
        assertEquals(0, count(sql, "select count(*) from entities where page_id not in (select page_id from pages)"));
        // A copy points at an existing page with its content, first in page id order.
        assertEquals(0, count(sql, "select count(*) from pages c join pages f on c.duplicate_of = f.page_id "
            + "where c.content_hash <> f.content_hash or f.page_id >= c.page_id or f.duplicate_of is not null"));
        assertEquals(0, count(sql, "select count(*) from pages c where c.duplicate_of is not null "
            + "and c.duplicate_of not in (select page_id from pages)"));
      }
    }
  }

  @Test
  void copiesAreKeptAndMarkedAndASecondFileOfOneUrlIsAnError() throws IOException {
    // 9 files: seed A five times (two names, GB18030, gzip, the other root), seed B twice, the
    // HTML page twice under one canonical URL: the second of those is an error.
    assertEquals(8, manifest.counters().pages());
    assertEquals(5, manifest.counters().duplicates(), "4 copies of seed A, 1 of seed B");
    assertEquals(1, manifest.counters().errors());
    assertEquals(Map.of("duplicate_id", 1L), manifest.counters().errorTypes());
    JsonNode error = SeedRuns.read(Files.readAllLines(output.resolve("errors.jsonl")).get(0));
    assertTrue(error.get("source").asText().endsWith("yinchuan.html"), error.toString());
    assertTrue(error.get("message").asText().contains("yinchuan-saved-again.html"), error.toString());
    assertEquals(8, idsByKey.size());
    assertEquals(8, idsByKey.values().stream().distinct().count(), "distinct page ids: " + idsByKey);
  }

  @Test
  void twoRootsHoldingOneRelativePathGiveTwoPages() {
    assertTrue(idsByKey.containsKey("site/crawl/faq/000.txt"), idsByKey.toString());
    assertTrue(idsByKey.containsKey("mirror/crawl/faq/000.txt"), idsByKey.toString());
  }

  @Test
  void idsSurviveMovingTheInputAndReorderingTheRoots() {
    assertEquals(idsByKey, idsByKeyAfterMove);
  }

  private static Manifest run(List<Path> inputs, Path out) {
    List<String> args = new ArrayList<>();
    inputs.forEach(input -> args.add("--input=" + input));
    args.add("--output=" + out);
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
    return Invariants.run(options);
  }

  /** source.key → page_id, from pages.jsonl. */
  private static Map<String, String> idsByKey(Path out) throws IOException {
    Map<String, String> ids = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("pages.jsonl"))) {
      JsonNode page = SeedRuns.read(line);
      ids.put(page.get("source").get("key").asText(), page.get("page_id").asText());
    }
    return ids;
  }

  private static String read(String table, String format) {
    String path = output.resolve(table + "." + format).toString().replace("'", "''");
    return format.equals("csv")
        ? "read_csv('" + path + "', header = true, all_varchar = true)"
        : "read_json_auto('" + path + "', format = 'newline_delimited')";
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(zipped)) {
      out.write(bytes);
    }
    return zipped.toByteArray();
  }
}
