package dev.pagefeed.encode;

import dev.pagefeed.files.Location;
import dev.pagefeed.run.OutputCommitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.pagefeed.model.Card;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV rows survive commas, quotes, newlines and formula starts, read back by a CSV parser. */
class CsvTableTest {

  private static final Card AWKWARD =
      new Card("c1", "p1", 0, "相关推荐", "标题, 带\"引号\"", "第一行\n第二行,含逗号", true, "=SUM(A1)",
          "2025-03-21", false, null);

  @Test
  void rowsReadBackUnchangedByACsvParser() throws Exception {
    String csv = RecordEncoder.CARDS_CSV.header() + utf8(RecordEncoder.CARDS_CSV.row(AWKWARD, true));
    List<List<String>> rows = read(csv);
    assertEquals(2, rows.size());
    assertEquals(RecordEncoder.CARDS_CSV.names(), rows.get(0));
    List<String> row = rows.get(1);
    assertEquals("标题, 带\"引号\"", row.get(5));
    assertEquals("第一行\n第二行,含逗号", row.get(6));
    assertEquals("true", row.get(7));
    assertEquals("=SUM(A1)", row.get(8));
    assertEquals("", row.get(11));
  }

  @Test
  void formulaStartsAreGuardedUnlessRaw() throws Exception {
    List<String> row = read(utf8(RecordEncoder.CARDS_CSV.row(AWKWARD, false))).get(0);
    assertEquals("'=SUM(A1)", row.get(8));
  }

  @Test
  void csvBomStartsTheFileOnlyWhenAsked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var line = new OutputLine("a", RecordEncoder.CARDS_CSV.row(AWKWARD, false), "", "input/a.txt");
    OutputCommitter.writeFile(Location.of(dir.resolve("bom")), OutputFile.CARDS_CSV, List.of(line), true);
    OutputCommitter.writeFile(Location.of(dir.resolve("plain")), OutputFile.CARDS_CSV, List.of(line), false);
    byte[] bom = java.nio.file.Files.readAllBytes(dir.resolve("bom/cards.csv"));
    byte[] plain = java.nio.file.Files.readAllBytes(dir.resolve("plain/cards.csv"));
    assertEquals(plain.length + 3, bom.length);
    assertEquals((byte) 0xEF, bom[0]);
    assertEquals('s', plain[0]);
  }

  @Test
  void linesEndInLf() {
    String row = utf8(RecordEncoder.CARDS_CSV.row(AWKWARD, false));
    assertEquals('\n', row.charAt(row.length() - 1));
    assertEquals(-1, row.indexOf('\r'));
  }

  private static String utf8(byte[] row) {
    return new String(row, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<List<String>> read(String csv) throws Exception {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> it =
        mapper.readerFor(List.class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
      return it.readAll();
    }
  }
}
