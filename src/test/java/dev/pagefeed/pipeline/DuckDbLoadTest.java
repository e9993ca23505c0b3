package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CSV and JSONL files load unchanged into DuckDB, an analytics engine users feed them to:
 * same row counts and values as pagefeed wrote, and the example query in {@code examples/} runs.
 */
class DuckDbLoadTest {

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  private static String path(String file) {
    return SeedRuns.first().resolve(file).toString().replace("'", "''");
  }

  private static long count(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pages, page_id, 2", "cards, card_id, 40", "entities, entity_id, 97"})
  void csvAndJsonlHaveTheSameRowsAsWritten(String table, String id, long expected) throws Exception {
    try (Connection db = connect(); Statement sql = db.createStatement()) {
      String csv = "read_csv('" + path(table + ".csv") + "', header = true, all_varchar = true)";
      String json = "read_json_auto('" + path(table + ".jsonl") + "', format = 'newline_delimited')";
      assertEquals(expected, count(sql, "select count(*) from " + csv));
      assertEquals(expected, count(sql, "select count(*) from " + json));
      // Every id and title/text written to the JSONL is in the CSV, and the other way round.
      String column = table.equals("entities") ? "text" : "title";
      String differences = "select count(*) from ((select " + id + ", " + column + " from " + csv + ") "
          + "except (select " + id + ", " + column + " from " + json + "))";
      assertEquals(0, count(sql, differences));
    }
  }

  @Test
  void entityValuesSurviveTheCsv() throws Exception {
    try (Connection db = connect(); Statement sql = db.createStatement();
        ResultSet rows = sql.executeQuery(
            "select normalized, mod, flags from read_csv('" + path("entities.csv") + "', header = true, "
                + "all_varchar = true) where text = '3%-2%'")) {
      assertTrue(rows.next());
      assertEquals("2..3", rows.getString(1));
      assertEquals("reversed_range", rows.getString(3));
    }
  }

  @Test
  void exampleAnalyticsQueryRuns() throws Exception {
    String query = Files.readString(Path.of("examples", "entities_by_kind.sql"))
        .replace("'output/", "'" + SeedRuns.first() + "/");
    try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
      List<String> kinds = new ArrayList<>();
      long total = 0;
      while (rows.next()) {
        kinds.add(rows.getString("kind"));
        total += rows.getLong("entities");
      }
      assertEquals(97, total);
      assertTrue(kinds.contains("phone"), kinds.toString());
    }
  }
}
