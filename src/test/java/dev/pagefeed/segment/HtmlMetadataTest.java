package dev.pagefeed.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A page's title and publish date, from every place pages put them. */
class HtmlMetadataTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiterString = " => ", value = {
    "医保报销比例是多少_新浪新闻 => 医保报销比例是多少",
    "医保报销比例是多少 - 人民网 => 医保报销比例是多少",
    "医保报销比例是多少|健康频道|新华网 => 医保报销比例是多少",
    "医保报销比例是多少 ｜ 丁香医生 => 医保报销比例是多少",
    "2024-2025年医保缴费标准 — 健康网 => 2024-2025年医保缴费标准",
    "雄安新区 - 维基百科，自由的百科全书 => 雄安新区",
    "只有标题 => 只有标题",
  })
  void theSiteNameLeavesTheTitle(String title, String expected) {
    assertEquals(expected, HtmlMetadata.withoutSiteName(title));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
    // h1s (;-separated) | og:title | <title> | wrapper | expected
    "医保报销指南|null|医保报销指南_健康网|null|医保报销指南",
    "健康网;医保报销指南|null|医保报销指南_健康网|null|医保报销指南", // the logo h1 is the site's name
    "|null|医保报销指南_健康网|null|医保报销指南", // an empty h1
    "|医保报销指南（2025）|医保报销指南_健康网|null|医保报销指南（2025）",
    "|null||爬虫给的标题|爬虫给的标题",
  })
  void theBestTitleCandidateWins(String h1s, String og, String title, String wrapper, String expected) {
    List<String> h1 = h1s == null ? List.of() : List.of(h1s.split(";", -1));
    assertEquals(expected, HtmlMetadata.title(h1, og, title == null ? "" : title, wrapper, null));
  }

  @Test
  void aPageWithOnlyAHeadingInItsContentStillHasATitle() {
    assertEquals("缴费标准", HtmlMetadata.title(List.of(""), null, "", null, "缴费标准"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "<head><title>医保报销指南_健康网</title></head><body><h1><img src=\"logo.png\"></h1>",
    "<head><meta property=\"og:title\" content=\"医保报销指南\"></head><body><h1> </h1>",
    "<head><title></title></head><body><div class=\"content\"><h2>医保报销指南</h2>",
  })
  void aPageWithAnyTitleCandidateIsNeverRefused(String start) throws Exception {
    SegmentedPage page = PageSegmenter.segmentHtml("<html>" + start
        + "<p>参保人员应按照规定到定点医疗机构就医，并妥善保管好相关的票据和病历资料，以便报销时使用。</p></div></body></html>");
    assertEquals("医保报销指南", page.title());
  }

  @Test
  void aPageWithNoTitleCandidateAtAllIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(dev.pagefeed.model.RejectedInputException.class,
        () -> PageSegmenter.segmentHtml("<html><head><title></title></head><body><h1></h1></body></html>"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "<meta property=\"article:published_time\" content=\"2021-03-05T10:20:00+08:00\">",
    "<meta name=\"PubDate\" content=\"2021-03-05 10:20\">",
    "<meta name=\"publishdate\" content=\"2021年3月5日\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-03-05\"}</script>",
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\"},{\"datePublished\":\"2021/3/5\"}]}</script>",
  })
  void thePublishDateComesFromTheHead(String head) {
    assertEquals("2021-03-05", HtmlMetadata.published(Jsoup.parse("<html><head>" + head + "</head><body></body></html>")));
  }

  @Test
  void brokenJsonLdSaysNothing() {
    assertNull(HtmlMetadata.jsonLdDate("{\"datePublished\": "));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "发布时间：2021-03-05 10:20", "2021年03月05日 星期五", "来源：新华网 2021-03-05", "2021-03-05 10:20:31",
    "日期：2021.03.05  作者：王明",
  })
  void aDateLineByTheTitleGivesTheDateAndIsNotText(String line) throws Exception {
    SegmentedPage page = PageSegmenter.segmentHtml("<html><body><h1>医保报销指南</h1><div class=\"article\"><p>" + line
        + "</p><p>参保人员应按照规定到定点医疗机构就医，并妥善保管好相关的票据和病历资料，以便报销时使用。</p></div></body></html>");
    assertEquals("2021-03-05", page.published());
    assertEquals("参保人员应按照规定到定点医疗机构就医，并妥善保管好相关的票据和病历资料，以便报销时使用。", page.lead());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"法新社·2天前", "Yahoo地產·1小時前", "am730 · 3分钟前", "发表于 2024-5-18 19:27"})
  void aFeedsSourceAndRelativeTimeIsAByline(String line) {
    org.junit.jupiter.api.Assertions.assertTrue(HtmlMetadata.isDateOrByline(line));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"医保局在今年一月发布了新规，参保人员反映报销流程比三年前简化了许多，办理时间缩短到2天前后。",
    "2021年是医保改革的关键一年，各地陆续出台了新的缴费和报销政策，参保人员应及时了解。", "作者认为"})
  void runningTextIsNotADateLine(String line) {
    assertFalse(HtmlMetadata.isDateOrByline(line));
  }
}
