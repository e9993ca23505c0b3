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
    double onJsonl = median(example(output, false));
    double onParquet = median(example(output, true));
    System.out.printf("query entities_by_kind.sql: JSONL %.3f s, Parquet %.3f s, JSONL/Parquet %.1f%n",
        onJsonl, onParquet, onJsonl / onParquet);
  }

  /**
   * {@code examples/entities_by_kind.sql} over the files in {@code output}: its JSONL files as the
   * example reads them, or the Parquet files of the same records.
   */
  public static String example(Path output, boolean parquet) throws java.io.IOException {
    String jsonl = Files.readString(Path.of("examples", "entities_by_kind.sql")).strip().replaceAll(";$", "")
        .replace("output/", output + "/");
    if (!parquet) {
      return jsonl;
    }
    String onParquet = jsonl;
    for (String file : new String[] {"entities", "pages"}) {
      onParquet = onParquet.replace("read_json_auto('" + output + "/" + file + ".jsonl', format = 'newline_delimited')",
          "read_parquet('" + output + "/" + file + ".parquet')");
    }
    if (onParquet.contains("read_json_auto")) {
      throw new IllegalStateException("the example reads a file this does not know as Parquet: " + onParquet);
    }
    return onParquet;
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
