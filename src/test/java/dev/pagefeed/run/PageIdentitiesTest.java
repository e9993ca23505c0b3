package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One holder per page id (the latest fetch, else first by path); copies by content marked with the first page by id. */
class PageIdentitiesTest {

  private static SourceRecord page(String path, String pageId, String content) {
    return new SourceRecord(path, "sha-" + path, 100, pageId, content, null);
  }

  private static SourceRecord fetch(String path, long offset, String pageId, String fetched) {
    return new SourceRecord(path, "sha-" + offset, 100, pageId, "c" + offset, null, offset, null, "response", fetched);
  }

  @Test
  void theLatestFetchHoldsAPageIdWhereverItLies() {
    SourceRecord lastNight = fetch("crawl-01.warc.gz", 500, "00000000000000aa", "2025-03-01T02:00:00Z");
    SourceRecord tonight = fetch("crawl-02.warc.gz", 900, "00000000000000aa", "2025-03-02T02:00:00Z");
    SourceRecord sameNightEarlier = fetch("crawl-02.warc.gz", 100, "00000000000000aa", "2025-03-02T01:00:00Z");
    SourceRecord file = page("saved/page.html", "00000000000000aa", "c9");
    for (List<SourceRecord> order : List.of(List.of(lastNight, tonight, sameNightEarlier, file),
        List.of(file, sameNightEarlier, tonight, lastNight))) {
      PageIdentities identities = new PageIdentities(order);
      assertSame(tonight, identities.claim(tonight));
      assertEquals(ErrorType.DUPLICATE_ID, identities.claim(lastNight).errorType());
      assertEquals(ErrorType.DUPLICATE_ID, identities.claim(sameNightEarlier).errorType());
      assertEquals(ErrorType.DUPLICATE_ID, identities.claim(file).errorType(), "a page file, undated, yields to a fetch");
      assertTrue(identities.lost("crawl-01.warc.gz#500"));
      assertFalse(identities.lost("crawl-02.warc.gz#900"));
      assertEquals("crawl-02.warc.gz#900", identities.losers().get(0).holder());
    }
    // Two fetches at the same second: the first by path and offset.
    SourceRecord twin = fetch("crawl-00.warc.gz", 7, "00000000000000aa", "2025-03-02T02:00:00Z");
    PageIdentities tie = new PageIdentities(List.of(tonight, twin));
    assertSame(twin, tie.claim(twin));
  }

  @Test
  void theFirstFileByPathHoldsAPageIdAndTheOthersBecomeErrors() {
    SourceRecord first = page("a/page.html", "00000000000000aa", "c1");
    SourceRecord other = page("b/page.html", "00000000000000bb", "c2");
    SourceRecord sameUrl = page("c/copy-of-page.html", "00000000000000aa", "c3");
    PageIdentities identities = new PageIdentities(List.of(sameUrl, other, first));
    assertSame(first, identities.claim(first));
    assertSame(other, identities.claim(other));
    SourceRecord lost = identities.claim(sameUrl);
    assertEquals(ErrorType.DUPLICATE_ID, lost.errorType());
    assertNull(lost.pageId());
    assertEquals("sha-c/copy-of-page.html", lost.sha256(), "its fingerprint is kept");
    assertTrue(identities.lost("c/copy-of-page.html"));
    assertFalse(identities.lost("a/page.html"));
    PageIdentities.Loser loser = identities.losers().get(0);
    assertEquals("a/page.html", loser.holder());
    assertEquals(PageIdentities.STAGE, loser.error().stage());
    assertTrue(loser.error().message().contains("a/page.html"), loser.error().message());
  }

  @Test
  void errorsAreNotClaimed() {
    SourceRecord error = new SourceRecord("empty.txt", "x", 0, null, null, ErrorType.EMPTY);
    PageIdentities identities = new PageIdentities(List.of(error));
    assertSame(error, identities.claim(error));
    assertTrue(identities.losers().isEmpty());
  }

  @Test
  void copiesPointAtTheFirstPageByIdWhateverTheOrder() {
    List<SourceRecord> sources = new ArrayList<>(List.of(
        page("x.txt", "0000000000000003", "same"),
        page("y.txt", "0000000000000001", "same"),
        page("z.txt", "0000000000000002", "same"),
        page("w.txt", "0000000000000004", "alone"),
        new SourceRecord("e.txt", "e", 0, null, null, ErrorType.EMPTY)));
    Map<String, String> expected = Map.of("0000000000000002", "0000000000000001", "0000000000000003", "0000000000000001");
    Random random = new Random(7);
    for (int i = 0; i < 10; i++) {
      Collections.shuffle(sources, random);
      assertEquals(expected, PageIdentities.duplicates(sources));
    }
  }

  @Test
  void aDuplicateChangesWhenItsTwinComesOrGoes() {
    Map<String, String> alone = Map.of();
    Map<String, String> twinned = Map.of("0000000000000002", "0000000000000001");
    assertTrue(PageIdentities.duplicateChanged("0000000000000002", alone, twinned));
    assertTrue(PageIdentities.duplicateChanged("0000000000000002", twinned, alone));
    assertFalse(PageIdentities.duplicateChanged("0000000000000001", alone, twinned), "the first copy stays null");
  }
}
