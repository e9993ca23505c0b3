package dev.pagefeed.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.Ids;
import dev.pagefeed.model.Page;
import dev.pagefeed.ingest.PageProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A page line with duplicate_of set at the commit equals the line of the page encoded with it. */
class RecordEncoderTest {

  private static final String TWIN = "0123456789abcdef";
  private static final String OTHER_TWIN = "fedcba9876543210";
  private static Page page;

  @BeforeAll
  static void readSeed() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of("input/000_3f088403eae75c83.txt"));
    page = new PageProcessor(8L << 20, null, Duration.ofSeconds(60))
        .process("input/000.txt", "000.txt", bytes, Ids.sha256(bytes)).page().page();
  }

  private static byte[] line(OutputFile file, Page page, boolean csvRaw) {
    return new RecordEncoder(csvRaw).encode(new dev.pagefeed.model.PageRecords(page, List.of(), List.of())).stream()
        .filter(encoded -> encoded.file() == file).findFirst().orElseThrow().line().text();
  }

  @ParameterizedTest(name = "{0}, csvRaw {1}")
  @CsvSource({"PAGES_JSONL, false", "PAGES_CSV, false", "PAGES_CSV, true"})
  void settingDuplicateOfEqualsEncodingThePageWithIt(OutputFile file, boolean csvRaw) {
    byte[] plain = line(file, page, csvRaw);
    byte[] copy = line(file, page.withDuplicateOf(TWIN), csvRaw);
    byte[] otherCopy = line(file, page.withDuplicateOf(OTHER_TWIN), csvRaw);
    assertArrayEquals(copy, RecordEncoder.withDuplicateOf(file, plain, page.pageId(), null, TWIN));
    assertArrayEquals(plain, RecordEncoder.withDuplicateOf(file, copy, page.pageId(), TWIN, null));
    assertArrayEquals(otherCopy, RecordEncoder.withDuplicateOf(file, copy, page.pageId(), TWIN, OTHER_TWIN));
    assertTrue(new String(copy, StandardCharsets.UTF_8).contains(TWIN));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"PAGES_JSONL", "PAGES_CSV"})
  void aLineThatIsNotThePagesWithTheValueSaidIsRefused(OutputFile file) {
    byte[] plain = line(file, page, false);
    assertThrows(IllegalStateException.class, () -> RecordEncoder.withDuplicateOf(file, plain, page.pageId(), TWIN, null));
    assertThrows(IllegalStateException.class, () -> RecordEncoder.withDuplicateOf(file, plain, OTHER_TWIN, null, TWIN));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"CARDS_JSONL", "ENTITIES_CSV"})
  void onlyPageLinesHaveDuplicateOf(OutputFile file) {
    assertThrows(IllegalArgumentException.class,
        () -> RecordEncoder.withDuplicateOf(file, new byte[0], page.pageId(), null, TWIN));
  }

  @org.junit.jupiter.api.Test
  void theCsvHeaderNamesDuplicateOfAfterThePageId() {
    assertTrue(RecordEncoder.header(OutputFile.PAGES_CSV).startsWith("schema_version,page_id,duplicate_of,content_hash,"),
        RecordEncoder.header(OutputFile.PAGES_CSV));
    assertEquals(Ids.pageId(null, "000.txt"), page.pageId());
  }
}
