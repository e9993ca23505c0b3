package dev.pagefeed.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.Block;
import dev.pagefeed.model.BlockType;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.RelatedSection;
import dev.pagefeed.segment.SegmentedPage.CardDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageSegmenterTest {

  private static SegmentedPage structure;
  private static SegmentedPage seed000;
  private static SegmentedPage seed001;

  @BeforeAll
  static void segmentFixtures() throws Exception {
    structure = PageSegmenter.segmentText(resource("structure.txt"));
    seed000 = PageSegmenter.segmentText(Files.readString(Path.of("input/000_3f088403eae75c83.txt")));
    seed001 = PageSegmenter.segmentText(Files.readString(Path.of("input/001_896cdf1bdb1f6a7b.txt")));
  }

  private static String resource(String name) throws IOException {
    try (var in = PageSegmenterTest.class.getResourceAsStream("/PageSegmenterTest/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void titleLeadAndDisclaimer() {
    assertEquals("北京市职工医保门诊报销比例是多少", structure.title());
    assertEquals("北京市职工医保的门诊报销按在职和退休区分,起付线以上部分按比例报销。\n具体规定如下,供参考:", structure.lead());
    assertEquals("提示：本内容不能代替面诊,如有不适请尽快就医。", structure.disclaimer());
    assertEquals(List.of(), structure.warnings());
  }

  static Stream<Arguments> structureBlocks() {
    List<String> first = List.of("一、在职职工");
    List<String> second = List.of("二、退休人员");
    return Stream.of(
        Arguments.of(0, BlockType.HEADING, 1, "一、在职职工", first),
        Arguments.of(1, BlockType.HEADING, 2, "1.起付标准", List.of("一、在职职工", "1.起付标准")),
        Arguments.of(2, BlockType.PARAGRAPH, null, "每年门诊起付标准为1800元,超过部分由统筹基金支付。", List.of("一、在职职工", "1.起付标准")),
        Arguments.of(3, BlockType.LIST_ITEM, null, "社区卫生服务机构报销90%", List.of("一、在职职工", "1.起付标准")),
        Arguments.of(4, BlockType.LIST_ITEM, null, "其他医疗机构报销70%", List.of("一、在职职工", "1.起付标准")),
        Arguments.of(5, BlockType.HEADING, 2, "2.支付限额", List.of("一、在职职工", "2.支付限额")),
        Arguments.of(6, BlockType.PARAGRAPH, null, "年度最高支付限额为2万元。", List.of("一、在职职工", "2.支付限额")),
        Arguments.of(7, BlockType.HEADING, 1, "二、退休人员", second),
        // a sentence at column 0 under a heading is a paragraph of that section
        Arguments.of(8, BlockType.PARAGRAPH, null, "退休人员起付标准为1300元,报销比例更高:", second),
        Arguments.of(9, BlockType.LIST_ITEM, null, "70周岁以下报销80%", second),
        Arguments.of(10, BlockType.LIST_ITEM, null, "70周岁以上报销85%", second),
        // a short line with no sentence punctuation is a level-1 heading
        Arguments.of(11, BlockType.HEADING, 1, "注意事项", List.of("注意事项")),
        Arguments.of(12, BlockType.PARAGRAPH, null, "就医时请携带医保卡,咨询电话010-12345。", List.of("注意事项")));
  }

  @ParameterizedTest(name = "block {0}: {3}")
  @MethodSource("structureBlocks")
  void articleBlocks(int index, BlockType type, Integer level, String text, List<String> path) {
    Block block = structure.blocks().get(index);
    assertEquals(new Block(index, type, level, text, path), block);
  }

  @Test
  void articleHasNoOtherBlocks() {
    assertEquals(13, structure.blocks().size());
  }

  @Test
  void relatedSectionsIncludeAnEmptyOne() {
    assertEquals(
        List.of(new RelatedSection("大家都在搜", 0), new RelatedSection("相关推荐", 3)), structure.related());
  }

  @Test
  void cardWithThumbnailCaptionAndCutMarker() {
    CardDraft card = structure.cards().get(0);
    assertEquals("北京医保报销流程", card.title());
    assertEquals("北京医保报销流程包括挂号、就诊、结算三个步骤,持卡就医可直接结算,无需垫付,具体如下", card.snippet());
    assertTrue(card.snippetTruncated(), "a … at the end is a cut");
    assertEquals("健康新闻", card.category());
    assertEquals("2025-04-18", card.published());
    assertTrue(card.hasThumbnail());
    assertEquals("相关推荐", card.section());
  }

  @Test
  void shortSnippetEndingASentenceIsWhole() {
    CardDraft card = structure.cards().get(1);
    assertEquals("医保卡丢失后请及时挂失并补办。", card.snippet());
    assertFalse(card.snippetTruncated());
    assertEquals("政策解读", card.category());
    assertEquals("2025-04-20", card.published());
    assertFalse(card.hasThumbnail());
  }

  @Test
  void longSnippetWithoutMarkerIsCutAndFooterIsDropped() {
    CardDraft card = structure.cards().get(2);
    assertTrue(card.snippetTruncated());
    assertEquals("2025-05-01", card.published());
    assertTrue(structure.cards().stream().noneMatch(c -> c.snippet().contains("返回顶部")));
  }

  @Test
  void seedPagesHaveTheirGoldStructure() {
    assertEquals(15, seed000.blocks().stream().filter(b -> b.type() == BlockType.HEADING).count());
    assertEquals(13, seed000.blocks().stream().filter(b -> b.type() == BlockType.PARAGRAPH).count());
    assertEquals(2, seed000.blocks().stream().filter(b -> b.type() == BlockType.LIST_ITEM).count());
    assertEquals(List.of(new RelatedSection("相关推荐", 20)), seed000.related());
    assertEquals(List.of(new RelatedSection("大家都在搜", 0), new RelatedSection("相关推荐", 20)), seed001.related());
    assertEquals(List.of("1.参保人数及参保率", "2.参保结构优化", "3.政策支持与成效", "总结"),
        seed001.blocks().stream().filter(b -> b.type() == BlockType.HEADING).map(Block::text).toList());
    assertTrue(seed000.cards().stream().allMatch(CardDraft::snippetTruncated));
    assertEquals(List.of(4, 7, 10, 13, 18),
        java.util.stream.IntStream.range(0, 20).filter(i -> seed000.cards().get(i).hasThumbnail()).boxed().toList());
  }

  @Test
  void cardTitlesNeverLeakIntoTheArticle() {
    for (SegmentedPage page : List.of(seed000, seed001)) {
      for (CardDraft card : page.cards()) {
        assertTrue(page.blocks().stream().noneMatch(b -> b.text().equals(card.title())), card.title());
      }
    }
  }

  @Test
  void pageWithoutDisclaimerIsWarned() throws Exception {
    SegmentedPage page = PageSegmenter.segmentText("标题\n\n正文第一段。\n");
    assertEquals(List.of("no_disclaimer"), page.warnings());
    assertNull(page.disclaimer());
    assertEquals("正文第一段。", page.lead());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n  \n"})
  void pageWithoutTitleIsRejected(String text) {
    RejectedInputException e = assertThrows(RejectedInputException.class, () -> PageSegmenter.segmentText(text));
    assertEquals(ErrorType.NO_TITLE, e.type());
  }

  @Test
  void deeplyNestedHtmlIsRenderedWithoutOverflow() throws Exception {
    int depth = 200_000;
    String html = "<html><head><title>医保中心电话</title></head><body>" + "<div>".repeat(depth)
        + "<p>咨询电话0951-5555216。</p>" + "</div>".repeat(depth) + "</body></html>";
    SegmentedPage page = PageSegmenter.segmentHtml(html);
    assertEquals("医保中心电话", page.title());
    assertEquals("咨询电话0951-5555216。", page.lead());
  }

  @ParameterizedTest
  @ValueSource(strings = {"首页 顶部", "首页顶部", "返回顶部"})
  void footerLines(String line) {
    assertTrue(PageSegmenter.isFooter(TextCleaner.clean(line)));
  }
}
