package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.run.Manifest;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shards}: each record file written as N files named as Beam names shards, holding between
 * them exactly the lines of the one file a single-shard run writes, each sorted by id; a page, its
 * cards, its entities and its source line in one shard number; the manifest lists every shard;
 * DuckDB reads a file's shards with one glob; an unchanged night reuses them; another shard count
 * reuses nothing and leaves no link to the old shards.
 */
class ShardsRunTest {

  @TempDir static Path temp;
  static Path input;
  static Manifest one;
  static Manifest four;
  static Manifest again;

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void runs() throws IOException {
    input = temp.resolve("in");
    SeedRuns.mixedCorpus(input, 30, 11);
    one = run(temp.resolve("one"), 1);
    four = run(temp.resolve("four"), 4);
    again = run(temp.resolve("four"), 4, "--incremental");
  }

  static Manifest run(Path output, int shards, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--shards=" + shards,
        "--targetParallelism=2"));
    args.addAll(List.of(more));
    return Invariants.run(org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs(args.toArray(String[]::new))
        .as(PagefeedOptions.class));
  }


  private static List<String> lines(Path file, boolean csv) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return csv && !lines.isEmpty() ? new ArrayList<>(lines.subList(1, lines.size())) : lines;
  }

  @Test
  void theShardsHoldTheLinesOfTheSingleFileSortedById() throws IOException {
    Path whole = Invariants.currentRun(temp.resolve("one"));
    Path sharded = Invariants.currentRun(temp.resolve("four"));
    List<String> names = new ArrayList<>();
    four.files().forEach(f -> names.add(f.name()));
    for (OutputFile file : OutputFile.values()) {
      List<String> union = new ArrayList<>();
      for (OutputShard shard : OutputShard.all(file, 4)) {
        assertTrue(names.contains(shard.name()), "the manifest lists " + shard.name());
        List<String> shardLines = lines(sharded.resolve(shard.name()), file.isCsv());
        if (List.of(OutputFile.PAGES_JSONL, OutputFile.CARDS_JSONL, OutputFile.ENTITIES_JSONL).contains(file)) {
          List<String> ids = ids(shardLines);
          List<String> sortedIds = new ArrayList<>(ids);
          sortedIds.sort(null);
          assertEquals(sortedIds, ids, shard.name() + " is sorted by id");
        }
        union.addAll(shardLines);
      }
      assertFalse(Files.exists(sharded.resolve(file.fileName())), "no unsharded " + file.fileName());
      List<String> expected = new ArrayList<>(lines(whole.resolve(file.fileName()), file.isCsv()));
      expected.sort(null);
      union.sort(null);
      assertEquals(expected, union, file.fileName() + ": the shards hold the single file's lines");
    }
    assertEquals(one.counters(), four.counters(), "the same counts");
  }

  private static List<String> ids(List<String> jsonLines) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : jsonLines) {
      JsonNode node = JSON.readTree(line);
      for (String field : List.of("entity_id", "card_id", "page_id")) {
        if (node.has(field)) {
          ids.add(node.get(field).asText());
          break;
        }
      }
    }
    return ids;
  }

  @Test
  void aPageItsCardsEntitiesAndSourceShareAShard() throws IOException {
    Path sharded = Invariants.currentRun(temp.resolve("four"));
    Map<String, Integer> shardOfPage = new HashMap<>();
    for (OutputShard shard : OutputShard.all(OutputFile.PAGES_JSONL, 4)) {
      for (String line : lines(sharded.resolve(shard.name()), false)) {
        shardOfPage.put(JSON.readTree(line).get("page_id").asText(), shard.index());
      }
    }
    assertTrue(shardOfPage.values().stream().distinct().count() > 1, "pages spread over the shards");
    int checked = 0;
    for (OutputFile file : List.of(OutputFile.CARDS_JSONL, OutputFile.ENTITIES_JSONL, OutputFile.SOURCES_JSONL)) {
      for (OutputShard shard : OutputShard.all(file, 4)) {
        for (String line : lines(sharded.resolve(shard.name()), false)) {
          JsonNode node = JSON.readTree(line);
          if (node.has("page_id") && !node.get("page_id").isNull()) {
            assertEquals(shardOfPage.get(node.get("page_id").asText()), shard.index(), line);
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 100, "records checked: " + checked);
  }

  @Test
  void duckDbReadsAFilesShardsWithOneGlob() throws IOException, SQLException {
    Path output = temp.resolve("four");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery("select count(*), count(distinct page_id) from read_json_auto('"
            + output.resolve("pages-*.jsonl") + "', format = 'newline_delimited')")) {
      assertTrue(rows.next());
      assertEquals(one.counters().pages(), rows.getLong(1));
      assertEquals(one.counters().pages(), rows.getLong(2));
    }
  }

  @Test
  void anUnchangedNightReusesEveryShard() {
    assertEquals(0L, again.counters().changes().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(four.runId(), again.runId());
    assertTrue(again.counters().sourcesReused() > 30, "reused: " + again.counters().sourcesReused());
  }

  @Test
  void anotherShardCountReusesNothingAndLeavesNoLinkToTheOldShards() throws IOException {
    Path output = temp.resolve("switch");
    run(output, 4);
    Manifest two = run(output, 2, "--incremental");
    assertEquals(0, two.counters().sourcesReused(), "records of another shard count are not reused");
    assertEquals(one.counters().pages(), two.counters().pages());
    assertTrue(Files.isSymbolicLink(output.resolve("pages-00001-of-00002.jsonl")));
    assertFalse(Files.exists(output.resolve("pages-00003-of-00004.jsonl"), java.nio.file.LinkOption.NOFOLLOW_LINKS),
        "no link to a shard of the previous count");
  }
}
