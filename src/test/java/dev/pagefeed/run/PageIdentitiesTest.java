package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One holder per page id (the latest fetch, else first by path); copies by content marked with the
 * first page by id. Run through the commit's shard steps, with one shard and several.
 */
class PageIdentitiesTest {

  @TempDir Path dir;

  private static SourceRecord page(String path, String pageId, String content) {
    return new SourceRecord(path, "sha-" + path, 100, pageId, content, null);
  }

  private static SourceRecord fetch(String path, long offset, String pageId, String fetched) {
    return new SourceRecord(path, "sha-" + offset, 100, pageId, contentHash("c" + offset), null, offset, null,
        "response", fetched);
  }

  private static String contentHash(String name) {
    return dev.pagefeed.model.Ids.sha256(name);
  }

  private CommitHarness.Outcome run(List<SourceRecord> after, int shards) throws Exception {
    return CommitHarness.run(dir.resolve("run-" + System.nanoTime()), List.of(), after, shards);
  }

  /** Each source's id → its page id in the run's sources.jsonl, or its error type. */
  private static Map<String, String> claims(CommitHarness.Outcome outcome) {
    Map<String, String> claims = new TreeMap<>();
    outcome.sources().forEach(s -> claims.put(s.id(), s.pageId() != null ? s.pageId() : s.errorType().label()));
    return claims;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void theLatestFetchHoldsAPageIdWhereverItLies(int shards) throws Exception {
    SourceRecord lastNight = fetch("crawl-01.warc.gz", 500, "00000000000000aa", "2025-03-01T02:00:00Z");
    SourceRecord tonight = fetch("crawl-02.warc.gz", 900, "00000000000000aa", "2025-03-02T02:00:00Z");
    SourceRecord sameNightEarlier = fetch("crawl-02.warc.gz", 100, "00000000000000aa", "2025-03-02T01:00:00Z");
    SourceRecord file = page("saved/page.html", "00000000000000aa", contentHash("c9"));
    CommitHarness.Outcome outcome = run(List.of(lastNight, tonight, sameNightEarlier, file), shards);
    String lost = ErrorType.DUPLICATE_ID.label();
    assertEquals(Map.of("crawl-01.warc.gz#500", lost, "crawl-02.warc.gz#100", lost, "crawl-02.warc.gz#900",
        "00000000000000aa", "saved/page.html", lost), claims(outcome), "a page file, undated, yields to a fetch");
    assertEquals(3, outcome.loserErrors().size());
    outcome.loserErrors().forEach(message -> assertTrue(message.contains("crawl-02.warc.gz#900"), message));
    // Two fetches at the same second: the first by path and offset.
    SourceRecord twin = fetch("crawl-00.warc.gz", 7, "00000000000000aa", "2025-03-02T02:00:00Z");
    assertEquals(Map.of("crawl-00.warc.gz#7", "00000000000000aa", "crawl-02.warc.gz#900", lost),
        claims(run(List.of(tonight, twin), shards)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void theFirstFileByPathHoldsAPageIdAndTheOthersBecomeErrors(int shards) throws Exception {
    SourceRecord first = page("a/page.html", "00000000000000aa", contentHash("c1"));
    SourceRecord other = page("b/page.html", "00000000000000bb", contentHash("c2"));
    SourceRecord sameUrl = page("c/copy-of-page.html", "00000000000000aa", contentHash("c3"));
    CommitHarness.Outcome outcome = run(List.of(sameUrl, other, first), shards);
    assertEquals(Map.of("a/page.html", "00000000000000aa", "b/page.html", "00000000000000bb",
        "c/copy-of-page.html", ErrorType.DUPLICATE_ID.label()), claims(outcome));
    SourceRecord lost = outcome.sources().stream().filter(s -> s.path().startsWith("c/")).findFirst().orElseThrow();
    assertNull(lost.pageId());
    assertEquals("sha-c/copy-of-page.html", lost.sha256(), "its fingerprint is kept");
    assertEquals(1, outcome.loserErrors().size());
    assertTrue(outcome.loserErrors().get(0).contains("a/page.html"), outcome.loserErrors().get(0));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void errorsAreNotClaimed(int shards) throws Exception {
    SourceRecord error = new SourceRecord("empty.txt", "x", 0, null, null, ErrorType.EMPTY);
    CommitHarness.Outcome outcome = run(List.of(error), shards);
    assertEquals(List.of(error), outcome.sources());
    assertTrue(outcome.loserErrors().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 16})
  void copiesPointAtTheFirstPageByIdWhateverTheOrder(int shards) throws Exception {
    List<SourceRecord> sources = new ArrayList<>(List.of(
        page("x.txt", "0000000000000003", contentHash("same")),
        page("y.txt", "0000000000000001", contentHash("same")),
        page("z.txt", "0000000000000002", contentHash("same")),
        page("w.txt", "0000000000000004", contentHash("alone")),
        new SourceRecord("e.txt", "e", 0, null, null, ErrorType.EMPTY)));
    Map<String, String> expected = Map.of("0000000000000002", "0000000000000001", "0000000000000003", "0000000000000001");
    Random random = new Random(7);
    for (int i = 0; i < 3; i++) {
      Collections.shuffle(sources, random);
      assertEquals(expected, run(sources, shards).duplicates());
    }
  }
}
