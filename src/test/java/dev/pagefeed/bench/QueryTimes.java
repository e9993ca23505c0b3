package dev.pagefeed.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * bench/parquet.sh's query timer: runs {@code examples/entities_by_kind.sql} with DuckDB over a
 * run's JSONL files and over its Parquet files, three times each, and prints the median wall times
 * and their ratio. Usage: QueryTimes OUTPUT_FOLDER
 */
public final class QueryTimes {

  private QueryTimes() {}

  public static void main(String[] args) throws Exception {
    Path output = Path.of(args[0]).toAbsolutePath();
    String example = Files.readString(Path.of("examples", "entities_by_kind.sql")).strip().replaceAll(";$", "");
    String jsonl = example.replace("output/", output + "/");
    String parquet = jsonl
        .replace("read_json_auto('" + output + "/entities.jsonl', format = 'newline_delimited')",
            "read_parquet('" + output + "/entities.parquet')")
        .replace("read_json_auto('" + output + "/pages.jsonl', format = 'newline_delimited')",
            "read_parquet('" + output + "/pages.parquet')");
    double onJsonl = median(jsonl);
    double onParquet = median(parquet);
    System.out.printf("query entities_by_kind.sql: JSONL %.3f s, Parquet %.3f s, JSONL/Parquet %.1f%n",
        onJsonl, onParquet, onJsonl / onParquet);
  }

  private static double median(String query) throws Exception {
    double[] times = new double[3];
    for (int i = 0; i < times.length; i++) {
      try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
        long started = System.nanoTime();
        long rows = 0;
        try (ResultSet result = sql.executeQuery(query)) {
          while (result.next()) {
            rows++;
          }
        }
        times[i] = (System.nanoTime() - started) / 1e9;
        if (rows == 0) {
          throw new IllegalStateException("the query gave no row");
        }
      }
    }
    Arrays.sort(times);
    return times[1];
  }
}
