package dev.pagefeed.encode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.List;
import java.util.function.Function;

/**
 * A CSV file's fixed columns: one list of (name, getter) drives both the header and every row,
 * written by jackson-dataformat-csv (RFC 4180 quoting, {@code \n} line ends).
 *
 * @param <T> the record a row is made from
 */
public final class CsvTable<T> {

  /** Characters that make a spreadsheet read a cell as a formula. */
  private static final String FORMULA_STARTS = "=+-@";

  /** One column. */
  public record Column<T>(String name, Function<T, Object> value) {}

  private static final CsvMapper MAPPER = new CsvMapper();

  private final List<Column<T>> columns;
  private final ObjectWriter writer;

  public CsvTable(List<Column<T>> columns) {
    this.columns = List.copyOf(columns);
    CsvSchema.Builder schema = CsvSchema.builder();
    for (Column<T> column : columns) {
      schema.addColumn(column.name());
    }
    this.writer = MAPPER.writer(schema.build().withoutHeader().withLineSeparator("\n"));
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /** The header row, with its line end. */
  public String header() {
    return new String(write(names().toArray()), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * One row, UTF-8, with its line end.
   *
   * @param raw false to guard cells that start with = + - @ with a leading ' (formula injection)
   */
  public byte[] row(T record, boolean raw) {
    Object[] cells = new Object[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      Object value = columns.get(i).value().apply(record);
      String cell = value == null ? "" : value.toString();
      if (!raw && !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
        cell = "'" + cell;
      }
      cells[i] = cell;
    }
    return write(cells);
  }

  private byte[] write(Object[] cells) {
    try {
      return writer.writeValueAsBytes(cells);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a CSV row could not be written", e);
    }
  }
}
