package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file's source key: its path below its input root, told apart from other roots' by their names. */
class SourceKeysTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "/data/crawl/**, /data/crawl",
    "/data/crawl/*.html, /data/crawl",
    "/data/crawl/2025-*/page?.txt, /data/crawl",
    "'/data/crawl/{faq,news}/*.txt', /data/crawl",
    "/data/crawl/0001.txt, /data/crawl",
    "hdfs://namenode:8020/crawl/**, hdfs://namenode:8020/crawl",
    "page.txt, ''",
  })
  void theRootIsWhereTheWildcardsStartOrTheNamedFilesFolder(String pattern, String folder) {
    assertEquals(folder, SourceKeys.folderOf(pattern));
  }

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
    "/data/crawl/**, /data/crawl/faq/0001.txt, faq/0001.txt",
    "/data/crawl/**, /data/crawl/0001.txt, 0001.txt",
    "/data/crawl/*.html, /data/crawl/0001.html, 0001.html",
    "/data/crawl/0001.txt, /data/crawl/0001.txt, 0001.txt",
    "hdfs://nn/crawl/**, hdfs://nn/crawl/2025/医保 问答.html, 2025/医保 问答.html",
  })
  void aSingleRootsKeyIsThePathBelowIt(String pattern, String file, String key) {
    assertEquals(key, SourceKeys.roots(List.of(pattern)).get(0).keyOf(file));
  }

  @ParameterizedTest(name = "{0} written {1}: {2} → {3}")
  @CsvSource({
    "/home/ana/crawl/**, /home/ana/crawl/**, /home/ana/crawl/faq/1.txt, /home/ana/crawl/faq/1.txt",
    "/home/ana/crawl/**, crawl/**, /home/ana/crawl/faq/1.txt, crawl/faq/1.txt",
    "/home/ana/crawl/**, ../crawl/**, /home/ana/crawl/faq/1.txt, ../crawl/faq/1.txt",
    "/home/ana/crawl/**, **, /home/ana/crawl/faq/1.txt, faq/1.txt",
    "/home/ana/crawl/*.html, crawl/*.html, /home/ana/crawl/1.html, crawl/1.html",
    "/home/ana/page.txt, page.txt, /home/ana/page.txt, page.txt",
    "hdfs://nn/crawl/**, hdfs://nn/crawl/**, hdfs://nn/crawl/2025/1.txt, hdfs://nn/crawl/2025/1.txt",
  })
  void aFileIsRecordedBelowItsFolderAsTheInputWroteIt(String pattern, String written, String file, String path) {
    assertEquals(path, SourceKeys.roots(List.of(pattern), List.of(written)).get(0).pathOf(file));
  }

  @Test
  void keysDoNotDependOnWhereTheInputFolderLies() {
    SourceKeys.Root here = SourceKeys.roots(List.of("/home/ana/crawl/**")).get(0);
    SourceKeys.Root moved = SourceKeys.roots(List.of("/mnt/big/disk/crawl/**")).get(0);
    assertEquals(here.keyOf("/home/ana/crawl/faq/1.txt"), moved.keyOf("/mnt/big/disk/crawl/faq/1.txt"));
  }

  @Test
  void severalRootsAreToldApartByTheFewestTrailingNames() {
    assertEquals(Map.of("/a/2024", "2024", "/b/2025", "2025"), labels("/a/2024", "/b/2025"));
    assertEquals(Map.of("/a/crawl", "a/crawl", "/b/crawl", "b/crawl"), labels("/a/crawl", "/b/crawl"));
    assertEquals(Map.of("/x", "x", "/y/x", "y/x", "/z", "z"), labels("/x", "/y/x", "/z"));
    assertEquals(Map.of("/only", ""), labels("/only"));
  }

  @Test
  void twoRootsHoldingTheSameRelativePathGiveDistinctKeys() {
    List<SourceKeys.Root> roots = SourceKeys.roots(List.of("/a/crawl/**", "/b/crawl/**"));
    String first = roots.get(0).keyOf("/a/crawl/faq/1.txt");
    String second = roots.get(1).keyOf("/b/crawl/faq/1.txt");
    assertEquals("a/crawl/faq/1.txt", first);
    assertEquals("b/crawl/faq/1.txt", second);
    assertNotEquals(first, second);
  }

  @Test
  void theOrderOfTheRootsDoesNotMatter() {
    List<SourceKeys.Root> forward = SourceKeys.roots(List.of("/a/2024/**", "/b/2025/*.txt"));
    List<SourceKeys.Root> backward = SourceKeys.roots(List.of("/b/2025/*.txt", "/a/2024/**"));
    assertEquals(forward.get(0), backward.get(1));
    assertEquals(forward.get(1), backward.get(0));
  }

  @Test
  void globsOfOneFolderShareItsRoot() {
    List<SourceKeys.Root> roots = SourceKeys.roots(List.of("/data/crawl/*.txt", "/data/crawl/*.html"));
    assertEquals("", roots.get(0).label());
    assertEquals("1.html", roots.get(1).keyOf("/data/crawl/1.html"));
  }

  private static Map<String, String> labels(String... folders) {
    return SourceKeys.labels(new TreeSet<>(List.of(folders)));
  }
}
