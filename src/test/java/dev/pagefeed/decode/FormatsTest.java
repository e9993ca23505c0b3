package dev.pagefeed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.model.Card;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.Page;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.segment.PageSegmenter;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One page in every supported form gives the same records: the plain UTF-8 text dump, the same
 * dump as GBK, UTF-16, BOM+CRLF, gzip and bzip2, and the page as HTML (UTF-8 and GBK).
 */
class FormatsTest {

  private static PageRecords plain;

  @BeforeAll
  static void readPlain() throws Exception {
    plain = records("page.txt", null);
  }

  private static PageRecords records(String fixture, Charset forced) throws Exception {
    byte[] bytes;
    try (InputStream in = FormatsTest.class.getResourceAsStream("/FormatsTest/" + fixture)) {
      bytes = in.readAllBytes();
    }
    // One source key for every variant, as if each were the same file saved another way: the ids
    // then depend on the content alone (or the HTML's canonical URL).
    RawPage raw = new PageDecoder(8 << 20, forced).decode(fixture, "page", bytes, dev.pagefeed.model.Ids.sha256(bytes));
    var segmented = raw.source().format().equals("html")
        ? PageSegmenter.segmentHtml(raw.text())
        : PageSegmenter.segmentText(raw.text());
    return new PageExtractor().extract(raw.source(), segmented);
  }

  @ParameterizedTest(name = "{0}: {1}, {2}")
  @CsvSource({
    "page.gbk.txt, GB18030, none",
    "page.utf16.txt, UTF-16LE, none",
    "page.bom-crlf.txt, UTF-8, none",
    "page.txt.gz, UTF-8, gzip",
    "page.dump, GB18030, bzip2",
  })
  void textVariantsGiveIdenticalRecords(String fixture, String encoding, String compression) throws Exception {
    PageRecords variant = records(fixture, null);
    assertEquals(encoding, variant.page().source().encoding());
    assertEquals(compression, variant.page().source().compression());
    assertEquals("text", variant.page().source().format());
    assertEquals(withoutSource(plain.page()), withoutSource(variant.page()));
    assertEquals(plain.cards(), variant.cards());
    assertEquals(plain.entities(), variant.entities());
  }

  @Test
  void forcedEncodingIsUsed() throws Exception {
    PageRecords forced = records("page.gbk.txt", Charset.forName("GBK"));
    assertEquals("GBK", forced.page().source().encoding());
    assertEquals(plain.entities(), forced.entities());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"page.html, UTF-8", "page.gbk.html, GB18030"})
  void htmlGivesTheSameContentWithItsUrlAndLinks(String fixture, String encoding) throws Exception {
    PageRecords html = records(fixture, null);
    Page page = html.page();
    assertEquals("html", page.source().format());
    assertEquals(encoding, page.source().encoding());
    assertEquals("https://health.example.cn/q/yinchuan-yibao", page.url());
    assertEquals("2025-04-18", page.published());
    assertNotEquals(plain.page().pageId(), page.pageId(), "the canonical URL gives the page its id");
    assertEquals(plain.page().title(), page.title());
    assertEquals(plain.page().lead(), page.lead());
    assertEquals(plain.page().blocks(), page.blocks());
    assertEquals(plain.page().disclaimer(), page.disclaimer());
    assertEquals(plain.page().related(), page.related());
    assertEquals(plain.page().counts(), page.counts());
    assertEquals(content(plain.cards()), content(html.cards()));
    assertEquals(List.of("https://health.example.cn/q/ningxia-2024", "https://health.example.cn/q/yinchuan-jiaofei"),
        html.cards().stream().map(Card::url).toList());
    assertEquals(entityContent(plain.entities()), entityContent(html.entities()));
  }

  @Test
  void htmlChromeIsDropped() throws Exception {
    PageRecords html = records("page.html", null);
    String all = html.page().toString() + html.cards();
    for (String chrome : List.of("健康问答", "window.track", "margin", "首页")) {
      assertEquals(-1, all.indexOf(chrome), chrome);
    }
  }

  private static Page withoutSource(Page page) {
    return new Page(page.pageId(), page.duplicateOf(), page.contentHash(), null, page.title(), page.url(), page.published(), page.fetched(),
        page.lead(), page.blocks(), page.disclaimer(), page.related(), page.counts(), page.warnings());
  }

  /** A card without its ids and link. */
  private static List<String> content(List<Card> cards) {
    return cards.stream()
        .map(c -> String.join("|", String.valueOf(c.position()), c.section(), c.title(), c.snippet(),
            String.valueOf(c.snippetTruncated()), c.category(), c.published(), String.valueOf(c.hasThumbnail())))
        .toList();
  }

  /** An entity without its ids. */
  private static List<String> entityContent(List<Entity> entities) {
    return entities.stream()
        .map(e -> String.join("|", e.block(), e.kind().label(), e.text(), e.start() + "-" + e.end(),
            String.valueOf(e.normalized()), String.valueOf(e.mod()), e.flags().toString(), e.context(),
            String.valueOf(e.sectionPath())))
        .toList();
  }

}
