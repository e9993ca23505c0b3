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

/** One holder per page id, first by path; copies by content marked with the first page by id. */
class PageIdentitiesTest {

  private static SourceRecord page(String path, String pageId, String content) {
    return new SourceRecord(path, "sha-" + path, 100, pageId, content, null);
  }

  @Test
  void theFirstFileByPathHoldsAPageIdAndTheOthersBecomeErrors() {
    PageIdentities identities = new PageIdentities();
    SourceRecord first = page("a/page.html", "00000000000000aa", "c1");
    SourceRecord other = page("b/page.html", "00000000000000bb", "c2");
    SourceRecord sameUrl = page("c/copy-of-page.html", "00000000000000aa", "c3");
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
    PageIdentities identities = new PageIdentities();
    SourceRecord error = new SourceRecord("empty.txt", "x", 0, null, null, ErrorType.EMPTY);
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
