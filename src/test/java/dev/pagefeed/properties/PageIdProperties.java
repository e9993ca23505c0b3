package dev.pagefeed.properties;

import dev.pagefeed.run.PageIdentities;
import dev.pagefeed.run.SourceKeys;
import dev.pagefeed.model.Card;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.ingest.PageProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Ids over generated crawls: files at random paths under one to three input roots, many of them
 * copies of one another, some HTML pages sharing a canonical URL. Whatever the layout, every page,
 * card and entity id is unique once the commit has given each page id to one file, and every id
 * stays the same when the input folders move and the roots and files come in another order.
 */
class PageIdProperties {

  private static final PageProcessor PROCESSOR = new PageProcessor(8L << 20, null, Duration.ofSeconds(60));

  /** Page bodies: few enough that copies are common, with and without a URL. */
  private static final List<String> BODIES = List.of(
      "职工医保报销比例\n\n在职职工住院报销比例约为85%,咨询电话0951-12393。\n\n一、报销范围\n    起付标准1200元。\n",
      "居民医保缴费标准\n\n2025年个人缴费标准为每人每年400元。\n\n相关推荐\n银川医保电话\n\n银川市医保中心电话0951-6021234。\n\n健康新闻 2025-03-21\n",
      "<html><head><title>异地就医备案</title><link rel=\"canonical\" href=\"https://health.example.cn/q/1\"></head>"
          + "<body><h1>异地就医备案</h1><p>备案后报销比例为70%,热线12333。</p></body></html>",
      "<html><head><title>门诊慢特病</title><link rel=\"canonical\" href=\"https://health.example.cn/q/2\"></head>"
          + "<body><h1>门诊慢特病</h1><p>年度限额最高3000元,详见www.nhsa.gov.cn。</p></body></html>");

  private static final List<String> TEXT_ENDINGS = List.of(".txt", ".dump");
  private static final List<String> HTML_ENDINGS = List.of(".html", ".htm");

  /** A generated crawl: its roots' folders, and per file its root, path below the root and body. */
  record Crawl(List<String> roots, List<File> files) {}

  record File(int root, String relative, int body) {}

  @Provide
  Arbitrary<Crawl> crawls() {
    Arbitrary<String> name = Arbitraries.of("crawl", "faq", "2025", "医保", "a b", "news");
    Arbitrary<List<String>> roots = name.list().ofMinSize(1).ofMaxSize(3)
        .map(names -> {
          List<String> folders = new ArrayList<>();
          for (int i = 0; i < names.size(); i++) {
            folders.add("/data/site" + i + "/" + names.get(i)); // distinct, not nested, names may repeat
          }
          return folders;
        });
    // The name's ending suits the body (a text dump named .html would be read as HTML).
    Arbitrary<String> relative = Combinators.combine(
            Arbitraries.of("", "faq/", "html/", "2025/03/", "医保 问答/"),
            Arbitraries.of("page", "copy", "0001", "问答"))
        .as((folder, file) -> folder + file);
    Arbitrary<Integer> body = Arbitraries.integers().between(0, BODIES.size() - 1);
    Arbitrary<Integer> ending = Arbitraries.integers().between(0, 1);
    return roots.flatMap(folders -> Combinators.combine(
            Arbitraries.integers().between(0, folders.size() - 1), relative, body, ending)
        .as((root, path, b, e) -> new File(root, path + (BODIES.get(b).startsWith("<") ? HTML_ENDINGS : TEXT_ENDINGS).get(e), b))
        .list().ofMinSize(1).ofMaxSize(12)
        .map(files -> new Crawl(folders, onePerPath(files))));
  }

  /** A path holds one file: the first generated for it. */
  private static List<File> onePerPath(List<File> files) {
    Map<String, File> byPath = new java.util.LinkedHashMap<>();
    files.forEach(file -> byPath.putIfAbsent(file.root() + ":" + file.relative(), file));
    return List.copyOf(byPath.values());
  }

  @Property(tries = 60)
  boolean idsAreUniqueAndStableUnderMovesAndReordering(@ForAll("crawls") Crawl crawl, @ForAll long seed) {
    Map<String, List<String>> here = ids(crawl, "", new Random(seed));
    Map<String, List<String>> moved = ids(crawl, "/mnt/elsewhere", new Random(seed + 1));
    List<String> all = new ArrayList<>();
    here.values().forEach(all::addAll);
    return here.equals(moved) && new HashSet<>(all).size() == all.size();
  }

  /**
   * Root folder index and relative path → the ids of every record the file's page kept (none when
   * another file holds its page id), with the crawl moved under {@code prefix} and listed in an
   * order {@code random} chooses.
   */
  private static Map<String, List<String>> ids(Crawl crawl, String prefix, Random random) {
    List<String> patterns = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < crawl.roots().size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    for (int i : order) {
      patterns.add(prefix + crawl.roots().get(i) + "/**");
    }
    Map<Integer, SourceKeys.Root> roots = new TreeMap<>();
    List<SourceKeys.Root> listed = SourceKeys.roots(patterns);
    for (int i = 0; i < order.size(); i++) {
      roots.put(order.get(i), listed.get(i));
    }
    // Files listed in a random order, then taken in path order as the commit takes sources.
    Map<String, File> byPath = new TreeMap<>();
    List<File> files = new ArrayList<>(crawl.files());
    Collections.shuffle(files, random);
    for (File file : files) {
      byPath.put(prefix + crawl.roots().get(file.root()) + "/" + file.relative(), file);
    }
    Map<String, PageRecords> pages = new TreeMap<>();
    Map<String, PageRecords> all = new java.util.LinkedHashMap<>();
    Map<String, String> keys = new HashMap<>();
    for (Map.Entry<String, File> entry : byPath.entrySet()) {
      File file = entry.getValue();
      byte[] bytes = BODIES.get(file.body()).getBytes(StandardCharsets.UTF_8);
      String key = roots.get(file.root()).keyOf(entry.getKey());
      PageRecords records = PROCESSOR.process(entry.getKey(), key, bytes, Ids.sha256(bytes)).page();
      if (records == null) {
        throw new AssertionError("a generated page gave no records: " + entry.getKey());
      }
      all.put(entry.getKey(), records);
      keys.put(entry.getKey(), key);
    }
    // As the commit does: one holder per id, by the commit's rule.
    Map<String, SourceRecord> holders = new HashMap<>();
    all.values().forEach(r -> holders.merge(r.page().pageId(), SourceRecord.of(r.page()), PageIdentities::keeper));
    for (Map.Entry<String, PageRecords> entry : all.entrySet()) {
      File file = byPath.get(entry.getKey());
      PageRecords records = entry.getValue();
      if (holders.get(records.page().pageId()).equals(SourceRecord.of(records.page()))) {
        pages.put(file.root() + ":" + file.relative(), records);
      } else if (records.page().url() == null) {
        // Only a URL is shared by design; source keys are distinct for distinct files.
        throw new AssertionError("a page without a URL lost its id to another file: " + entry.getKey()
            + " (key " + keys.get(entry.getKey()) + ")");
      }
    }
    Map<String, List<String>> ids = new TreeMap<>();
    pages.forEach((file, records) -> {
      List<String> recordIds = new ArrayList<>(List.of(records.page().pageId()));
      records.cards().stream().map(Card::cardId).forEach(recordIds::add);
      records.entities().stream().map(Entity::entityId).forEach(recordIds::add);
      ids.put(file, recordIds);
    });
    Set<String> kept = new HashSet<>();
    pages.values().forEach(records -> kept.add(records.page().pageId()));
    if (kept.size() != pages.size()) {
      throw new AssertionError("two kept pages share an id: " + ids);
    }
    return ids;
  }
}
