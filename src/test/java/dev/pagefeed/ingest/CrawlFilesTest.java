package dev.pagefeed.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.bench.CrawlFiles;
import dev.pagefeed.decode.WarcRecords;
import dev.pagefeed.model.Block;
import dev.pagefeed.model.Page;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crawl files as other producers write them ({@link CrawlFiles}: Heritrix, wget, browser capture,
 * warcprox, Common Crawl's WARC, WET and WAT files, ARC, WARC/0.18 and 0.17, a record split over
 * gzip members, …), each read record by record: every page it must give, with its URL, a sentence
 * of its text, its body's length and its warnings; every other record skipped or an error of the
 * expected type; and the counts adding up.
 */
class CrawlFilesTest {

  @TempDir Path temp;

  private static final PageProcessor PROCESSOR = new PageProcessor(8 << 20, null, Duration.ofSeconds(30));

  static Stream<CrawlFiles.File> files() {
    return CrawlFiles.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyPageOfTheFileIsRead(CrawlFiles.File expected) throws IOException {
    Path file = temp.resolve(expected.name());
    Files.write(file, expected.bytes());
    assertTrue(WarcRecords.isWarc(java.util.Arrays.copyOf(expected.bytes(), 4096)), "a WARC file by its bytes");
    List<WarcRecords.Item> items = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(file)) {
      WarcRecords.read(channel, 0, Long.MAX_VALUE, 8 << 20, items::add);
    }
    List<Page> pages = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int skipped = 0;
    for (WarcRecords.Item item : items) {
      PageProcessor.Outcome outcome = PROCESSOR.process(file.toString(), expected.name(), item);
      if (outcome.page() != null) {
        pages.add(outcome.page().page());
      } else if (outcome.error() != null) {
        errors.add(outcome.error().errorType().label());
        assertTrue(outcome.error().message().length() > 20, outcome.error().message());
      } else {
        skipped++;
      }
    }
    assertEquals(expected.records(), items.size(), "records: " + items.stream().map(i -> i.kind().label()).toList());
    assertEquals(expected.skipped(), skipped, "skipped");
    assertEquals(expected.errors(), errors, "errors");
    assertEquals(expected.pages().size(), pages.size(), "pages");
    for (int i = 0; i < pages.size(); i++) {
      CrawlFiles.Page want = expected.pages().get(i);
      Page page = pages.get(i);
      assertEquals(want.url(), page.url());
      assertTrue(text(page).contains(want.text()), () -> want.text() + " not in " + text(page));
      assertEquals(want.bodyBytes(), page.source().bytes(), "the body's length");
      assertTrue(page.warnings().containsAll(want.warnings()), () -> page.warnings() + " lacks " + want.warnings());
      for (String warning : List.of("stale_content_encoding", "stale_transfer_encoding", "content_length_mismatch",
          "error_page", "canonical_unresolved")) {
        assertEquals(want.warnings().contains(warning), page.warnings().contains(warning), warning + " on " + page.url());
      }
    }
    if (expected.name().startsWith("clueweb")) {
      assertNull(pages.get(0).fetched(), "a day 65 is no date");
      assertEquals("2009-03-01T16:43:19Z", pages.get(1).fetched(), "an offset without a colon");
    }
    long distinct = items.stream().map(i -> i.offset()).distinct().count();
    assertEquals(items.size(), distinct, "every record has its own offset");
  }

  static String text(Page page) {
    StringBuilder all = new StringBuilder(page.title()).append('\n');
    if (page.lead() != null) {
      all.append(page.lead()).append('\n');
    }
    for (Block block : page.blocks()) {
      all.append(block.text()).append('\n');
    }
    return all.toString();
  }
}
