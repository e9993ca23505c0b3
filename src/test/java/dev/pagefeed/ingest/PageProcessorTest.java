package dev.pagefeed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Ids;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A file's journey: a page's records, or one error record naming the stage that refused it. */
class PageProcessorTest {

  private static final Duration MINUTE = Duration.ofSeconds(60);
  private static final Path SEED = Path.of("input/000_3f088403eae75c83.txt");

  private static PageProcessor.Outcome process(PageProcessor processor, String path, byte[] bytes) {
    return processor.process(path, Path.of(path).getFileName().toString(), bytes, Ids.sha256(bytes));
  }

  @Test
  void aPageGivesItsRecordsAndTheirLines() throws Exception {
    byte[] bytes = Files.readAllBytes(SEED);
    PageProcessor.Outcome outcome = process(new PageProcessor(8L << 20, null, MINUTE), "input/seed.txt", bytes);
    assertNull(outcome.error());
    assertEquals("input/seed.txt", outcome.page().page().source().path());
    assertTrue(outcome.page().entities().size() > 10, "the seed page carries dozens of entities");
    List<RecordEncoder.Encoded> lines = outcome.lines(new RecordEncoder(false));
    // pages.jsonl, pages.csv, a JSONL and a CSV line per card and per entity, and sources.jsonl
    assertEquals(3 + 2 * outcome.page().cards().size() + 2 * outcome.page().entities().size(), lines.size());
    assertEquals(1, lines.stream().filter(l -> l.file() == OutputFile.SOURCES_JSONL).count());
  }

  @Test
  void bytesThatAreNotTextFailAtRead() {
    byte[] bytes = {0, 1, 2, 0, 0, 3, 0, 0, 4, 0};
    PageProcessor.Outcome outcome = process(new PageProcessor(8L << 20, null, MINUTE), "a.bin", bytes);
    assertNull(outcome.page());
    assertEquals("read", outcome.error().stage());
    assertEquals(ErrorType.BINARY, outcome.error().errorType());
    assertEquals(bytes.length, outcome.error().sourceBytes());
  }

  @Test
  void aPageWithoutTitleFailsAtSegment() {
    byte[] bytes = "<html><body><p>只有正文，没有标题。</p></body></html>".getBytes(StandardCharsets.UTF_8);
    PageProcessor.Outcome outcome = process(new PageProcessor(8L << 20, null, MINUTE), "a.html", bytes);
    assertEquals("segment", outcome.error().stage());
    assertEquals(ErrorType.NO_TITLE, outcome.error().errorType());
  }

  @Test
  void anExtractionOverItsBudgetFailsAtExtract() throws Exception {
    byte[] bytes = Files.readAllBytes(SEED);
    PageProcessor.Outcome outcome = process(new PageProcessor(8L << 20, null, Duration.ofNanos(1)), "seed.txt", bytes);
    assertEquals("extract", outcome.error().stage());
    assertEquals(ErrorType.TIMEOUT, outcome.error().errorType());
    // An error still gives its errors.jsonl and sources.jsonl lines.
    assertEquals(List.of(OutputFile.ERRORS_JSONL, OutputFile.SOURCES_JSONL),
        outcome.lines(new RecordEncoder(false)).stream().map(RecordEncoder.Encoded::file).toList());
  }
}
