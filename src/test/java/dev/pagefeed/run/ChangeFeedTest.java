package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.PageChange;
import dev.pagefeed.model.SourceRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pages changes.jsonl lists, from the sources of two runs. */
class ChangeFeedTest {

  static SourceRecord page(String path, String sha, String pageId, String content) {
    return new SourceRecord(path, sha, 10, pageId, content, null);
  }

  static List<String> changes(List<SourceRecord> before, List<SourceRecord> after) {
    return ChangeFeed.between(before, after, "run").stream()
        .map(c -> c.pageId() + " " + c.change().label() + " " + c.contentHash()).toList();
  }

  @Test
  void pagesAddedUpdatedAndRemoved() {
    List<SourceRecord> before = List.of(page("a", "1", "pa", "ca"), page("b", "2", "pb", "cb"), page("c", "3", "pc", "cc"));
    List<SourceRecord> after = List.of(page("a", "1", "pa", "ca"), page("b", "4", "pb", "cb2"), page("d", "5", "pd", "cd"));
    assertEquals(List.of("pb updated cb2", "pc removed cc", "pd added cd"), changes(before, after));
  }

  @Test
  void nothingChangedListsNothing() {
    List<SourceRecord> sources = List.of(page("a", "1", "pa", "ca"), new SourceRecord("e", "9", 0, null, null, ErrorType.EMPTY));
    assertEquals(List.of(), changes(sources, sources));
  }

  @Test
  void aRenamedOrReSavedFileUpdatesItsPageWithTheSameContentHash() {
    List<SourceRecord> before = List.of(page("a", "1", "pa", "ca"), page("b", "2", "pb", "cb"));
    List<SourceRecord> after = List.of(page("a2", "1", "pa", "ca"), page("b", "7", "pb", "cb"));
    assertEquals(List.of("pa updated ca", "pb updated cb"), changes(before, after));
  }

  @Test
  void anErrorThatBecomesAPageAddsIt() {
    List<SourceRecord> before = List.of(new SourceRecord("a", "1", 0, null, null, ErrorType.EMPTY));
    List<SourceRecord> after = List.of(page("a", "2", "pa", "ca"));
    assertEquals(List.of("pa added ca"), changes(before, after));
    assertEquals(List.of("pa removed ca"), changes(after, before));
  }

  @Test
  void copiesOfOnePageAreOneLine() {
    List<SourceRecord> before = List.of(page("a", "1", "p", "c"), page("b", "1", "p", "c"));
    assertEquals(List.of(), changes(before, List.of(page("b", "1", "p", "c"), page("a", "1", "p", "c"))));
    // One copy removed: the page stays, its records changed (one row fewer).
    assertEquals(List.of("p updated c"), changes(before, List.of(page("b", "1", "p", "c"))));
    List<PageChange> gone = ChangeFeed.between(before, List.of(), "run");
    assertEquals(1, gone.size());
  }
}
