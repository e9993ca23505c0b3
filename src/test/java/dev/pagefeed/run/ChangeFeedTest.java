package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.SourceRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which pages changes.jsonl lists, from the sources of two runs, through the commit's shard steps
 * (one shard and several: the same lines).
 */
class ChangeFeedTest {

  @TempDir Path dir;

  /** Readable names for page ids and content hashes, which are hex. */
  private final Map<String, String> names = new HashMap<>();

  private String id(String name) {
    String id = name.matches("[0-9a-f]{16}") ? name : Ids.pageId(null, name);
    names.put(id, name);
    return id;
  }

  private String content(String name) {
    String hash = Ids.sha256(name);
    names.put(hash, name);
    return hash;
  }

  SourceRecord page(String path, String sha, String pageId, String content) {
    return new SourceRecord(path, sha, 10, id(pageId), content(content), null);
  }

  List<String> changes(List<SourceRecord> before, List<SourceRecord> after, int shards) throws Exception {
    List<String> lines = CommitHarness.run(dir.resolve("run-" + System.nanoTime()), before, after, shards).changes();
    return lines.stream().map(line -> {
      String[] fields = line.split(" ");
      return names.get(fields[0]) + " " + fields[1] + " " + names.get(fields[2]);
    }).sorted().toList();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void pagesAddedUpdatedAndRemoved(int shards) throws Exception {
    List<SourceRecord> before = List.of(page("a", "1", "pa", "ca"), page("b", "2", "pb", "cb"), page("c", "3", "pc", "cc"));
    List<SourceRecord> after = List.of(page("a", "1", "pa", "ca"), page("b", "4", "pb", "cb2"), page("d", "5", "pd", "cd"));
    assertEquals(List.of("pb updated cb2", "pc removed cc", "pd added cd"), changes(before, after, shards));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void nothingChangedListsNothing(int shards) throws Exception {
    List<SourceRecord> sources = List.of(page("a", "1", "pa", "ca"), new SourceRecord("e", "9", 0, null, null, ErrorType.EMPTY));
    assertEquals(List.of(), changes(sources, sources, shards));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aRenamedOrReSavedFileUpdatesItsPageWithTheSameContentHash(int shards) throws Exception {
    List<SourceRecord> before = List.of(page("a", "1", "pa", "ca"), page("b", "2", "pb", "cb"));
    List<SourceRecord> after = List.of(page("a2", "1", "pa", "ca"), page("b", "7", "pb", "cb"));
    assertEquals(List.of("pa updated ca", "pb updated cb"), changes(before, after, shards));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void anErrorThatBecomesAPageAddsIt(int shards) throws Exception {
    List<SourceRecord> before = List.of(new SourceRecord("a", "1", 0, null, null, ErrorType.EMPTY));
    List<SourceRecord> after = List.of(page("a", "2", "pa", "ca"));
    assertEquals(List.of("pa added ca"), changes(before, after, shards));
    assertEquals(List.of("pa removed ca"), changes(after, before, shards));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void aCopyAppearingOrGoingUpdatesThePagesWhoseDuplicateOfChanges(int shards) throws Exception {
    String p1 = "0000000000000001";
    String p2 = "0000000000000002";
    String p3 = "0000000000000003";
    List<SourceRecord> two = List.of(page("b", "2", p2, "same"), page("c", "3", p3, "same"));
    List<SourceRecord> three = List.of(page("a", "1", p1, "same"), page("b", "2", p2, "same"), page("c", "3", p3, "same"));
    // A later copy arrives: only it is listed (p3's duplicate_of stays p2).
    assertEquals(List.of(p3 + " added same"),
        changes(List.of(page("b", "2", p2, "same")), two, shards));
    // An earlier copy arrives: p2, the first until now, gets duplicate_of p1; p3's changes from p2 to p1.
    assertEquals(List.of(p1 + " added same", p2 + " updated same", p3 + " updated same"), changes(two, three, shards));
    // It goes again: the same pages are updated back.
    assertEquals(List.of(p1 + " removed same", p2 + " updated same", p3 + " updated same"), changes(three, two, shards));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void twoFilesOfOnePageAreOneLine(int shards) throws Exception {
    // The second file of a page id loses it: the page is one line, added once.
    assertEquals(List.of("p added c"), changes(List.of(), List.of(page("a", "1", "p", "c"), page("b", "1", "p", "c")), shards));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void thousandsOfPagesGrowTheTablesAndKeepEveryDecision(int shards) throws Exception {
    // More rows than a table starts with, shared page ids and shared contents, against a plain oracle.
    List<SourceRecord> before = new java.util.ArrayList<>();
    List<SourceRecord> after = new java.util.ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      SourceRecord page = new SourceRecord(String.format("p/%05d.txt", i), "s" + i, 10, Ids.pageId(null, "page" + i),
          Ids.sha256("content" + i % 700), null);
      if (i < 2500) {
        before.add(page);
      }
      after.add(page);
    }
    // 300 more files give page ids the first 300 already have: later by path, they lose them.
    for (int i = 0; i < 300; i++) {
      after.add(new SourceRecord(String.format("q/%05d.txt", i), "t" + i, 10, Ids.pageId(null, "page" + i),
          Ids.sha256("other"), null));
    }
    CommitHarness.Outcome outcome = CommitHarness.run(dir.resolve("many-" + shards), before, after, shards);
    assertEquals(300, outcome.loserErrors().size());
    Map<String, String> was = copiesOf(before);
    Map<String, String> now = copiesOf(after.stream().filter(s -> s.path().startsWith("p/")).toList());
    assertEquals(now, outcome.duplicates());
    java.util.Set<String> old = new java.util.HashSet<>();
    before.forEach(s -> old.add(s.pageId()));
    List<String> expected = new java.util.ArrayList<>();
    for (SourceRecord page : after.subList(0, 3000)) {
      if (!old.contains(page.pageId())) {
        expected.add(page.pageId() + " added " + page.contentHash());
      } else if (!java.util.Objects.equals(was.get(page.pageId()), now.get(page.pageId()))) {
        expected.add(page.pageId() + " updated " + page.contentHash());
      }
    }
    expected.sort(null);
    assertEquals(expected, outcome.changes(), "the 500 new pages added, and the pages whose duplicate_of they changed");
    org.junit.jupiter.api.Assertions.assertTrue(expected.size() > 500, "some duplicate_of changed");
  }

  /** The oracle: page id → the first page id of its content, for every page but the first of each. */
  private static Map<String, String> copiesOf(List<SourceRecord> pages) {
    Map<String, java.util.TreeSet<String>> byContent = new java.util.TreeMap<>();
    pages.forEach(s -> byContent.computeIfAbsent(s.contentHash(), c -> new java.util.TreeSet<>()).add(s.pageId()));
    Map<String, String> copies = new java.util.TreeMap<>();
    byContent.values().forEach(ids -> ids.tailSet(ids.first(), false).forEach(id -> copies.put(id, ids.first())));
    return copies;
  }
}
