package dev.pagefeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.SourceInfo;
import dev.pagefeed.segment.PageSegmenter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sentence tried with ExtractText gives what the same sentence gives as a page's block (ExtractText
 * takes the text as given; a page's text is cleaned first, so the sentences here are already clean).
 */
class ExtractTextTest {

  private static final PageExtractor EXTRACTOR = new PageExtractor();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "平顶山市医疗保障局的咨询电话是0375-3695011，官网www.pds.gov.cn。",
    "北京市医保中心电话0375-3695011，2024年报销比例约为85%，起付线1200元。", // a place that disagrees
    "𠀀𠀁扩展区汉字之后：电话13800138000，邮箱Test@QQ.com，价格￥120。",       // offsets past non-BMP
  })
  void aSentenceGivesWhatItGivesInAPage(String sentence) throws Exception {
    List<ExtractText.TextEntity> alone = ExtractText.entities(EXTRACTOR, sentence);
    // The same sentence as the whole of a page's lead: its place context is the page's text.
    var page = EXTRACTOR.extract(new SourceInfo("p.txt", "p.txt", "text", "UTF-8", "none", 1, "0", 0),
        PageSegmenter.segmentText(sentence + "\n\n" + sentence));
    List<Entity> inPage = page.entities().stream().filter(e -> e.block().equals("lead")).toList();
    assertEquals(inPage.size(), alone.size());
    assertTrue(!alone.isEmpty());
    for (int i = 0; i < alone.size(); i++) {
      ExtractText.TextEntity a = alone.get(i);
      Entity e = inPage.get(i);
      assertEquals(List.of(e.kind(), e.text(), e.start(), e.end(), String.valueOf(e.normalized()), e.value(),
              String.valueOf(e.mod()), e.flags(), e.context()),
          List.of(a.kind(), a.text(), a.start(), a.end(), String.valueOf(a.normalized()), a.value(),
              String.valueOf(a.mod()), a.flags(), a.context()));
    }
    if (sentence.startsWith("北京")) {
      assertTrue(alone.stream().anyMatch(a -> a.flags().contains(Flag.AREA_CODE_MISMATCH)), alone.toString());
    }
  }
}
