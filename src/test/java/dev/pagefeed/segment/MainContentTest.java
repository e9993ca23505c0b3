package dev.pagefeed.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.Block;
import dev.pagefeed.segment.SegmentedPage.CardDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The article of HTML as sites serve it: chrome left out by tag, role, class and id, the article
 * found by its text's score, related lists made cards, chrome lines dropped.
 */
class MainContentTest {

  /** Running text, as an article's paragraphs are. */
  private static final String[] PARAGRAPHS = {
    "参保人员应按照规定到定点医疗机构就医，并妥善保管好相关的票据和病历资料，以便报销时使用。",
    "医疗保障部门会根据基金运行情况，对待遇标准进行适当调整，具体以当地公布的政策为准。",
    "异地就医需要提前办理备案手续，未备案的费用在回参保地后按规定比例报销，请提前咨询。",
    "居民医保实行个人缴费和政府补助相结合的筹资方式，鼓励有条件的单位给予补助和支持。",
  };

  private static String article(String tag, String attributes) {
    StringBuilder html = new StringBuilder("<" + tag + " " + attributes + ">");
    for (String paragraph : PARAGRAPHS) {
      html.append("<p>").append(paragraph).append("</p>");
    }
    return html.append("</").append(tag).append(">").toString();
  }

  /** A link list of other pages, as menus and sidebars are. */
  private static String links(String tag, String attributes, int n) {
    StringBuilder html = new StringBuilder("<" + tag + " " + attributes + "><ul>");
    for (int i = 0; i < n; i++) {
      html.append("<li><a href=\"/p/").append(i).append("\">医保政策解读第").append(i).append("期全文阅读</a></li>");
    }
    return html.append("</ul></").append(tag).append(">").toString();
  }

  private static SegmentedPage page(String body) throws Exception {
    return PageSegmenter.segmentHtml("<html><head><title>医保报销指南_健康网</title></head><body>"
        + "<h1>医保报销指南</h1>" + body + "</body></html>");
  }

  private static String text(SegmentedPage page) {
    List<String> parts = new ArrayList<>();
    if (page.lead() != null) {
      parts.add(page.lead());
    }
    page.blocks().stream().map(Block::text).forEach(parts::add);
    return String.join("\n", parts);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "<nav>{links}</nav>", "<aside>{links}</aside>", "<footer>{links}</footer>", "<header>{links}</header>",
    "<div role=\"navigation\">{links}</div>", "<div role=\"complementary\">{links}</div>",
    "<div class=\"sidebar\">{links}</div>", "<div id=\"nav\">{links}</div>", "<div class=\"breadcrumb\">{links}</div>",
    "<div class=\"share-bar\">{links}</div>", "<div id=\"comments\">{links}</div>", "<div class=\"copyright\">{links}</div>",
    "<div class=\"ad-box\">{links}</div>", "<div class=\"hotNews\">{links}</div>", "<div class=\"dqwz\">{links}</div>",
    "<div class=\"moreStories\">{links}</div>", "<div style=\"display: none\">{links}</div>",
    "<figure><img src=\"a.jpg\"><figcaption>{links}</figcaption></figure>", "<div class=\"photo-credit\">{links}</div>",
    "<div class=\"video-player\">{links}</div>", "<div class=\"reflist\">{links}</div>",
    "<table class=\"infobox\"><tr><td>{links}</td></tr></table>",
  })
  void chromeIsNotTheArticle(String chrome) throws Exception {
    String menu = chrome.replace("{links}", links("div", "", 12));
    SegmentedPage page = page(menu + article("div", "class=\"main-text\"") + menu);
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
    assertTrue(page.cards().isEmpty(), "a plain link list in the chrome gives no cards");
  }

  @Test
  void theArticleIsTheBoxWhoseTextScoresBestWhateverItIsCalled() throws Exception {
    // No helpful class at all: a box of running text beside a box of links.
    SegmentedPage page = page(links("div", "", 30) + article("div", "") + links("div", "", 30));
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
  }

  @Test
  void textWrittenStraightIntoABoxIsItsParagraphs() throws Exception {
    String box = "<div class=\"zw\">" + String.join("<br><br>", PARAGRAPHS) + "</div>";
    SegmentedPage page = page(links("div", "", 20) + box);
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
  }

  @Test
  void aThreadsPostsSpreadOverSiblingBoxesAreAllKept() throws Exception {
    StringBuilder thread = new StringBuilder("<div class=\"thread\">");
    for (String paragraph : PARAGRAPHS) {
      thread.append("<div class=\"post\"><div class=\"author\">网友</div><div class=\"body\">").append(paragraph)
          .append("</div></div>");
    }
    thread.append("</div>");
    String text = text(page(links("div", "", 20) + thread));
    for (String paragraph : PARAGRAPHS) {
      assertTrue(text.contains(paragraph), text);
    }
  }

  @Test
  void aLinkListInsideTheArticleIsLeftOut() throws Exception {
    String withList = "<div class=\"article\">" + article("div", "") + links("div", "", 8) + "</div>";
    assertEquals(String.join("\n", PARAGRAPHS), text(page(withList)));
  }

  @Test
  void aWrapperNamedLikeChromeIsKeptWhenItHoldsTheText() throws Exception {
    SegmentedPage page = page("<div id=\"app\">" + article("div", "") + "</div>");
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
  }

  @Test
  void relatedListsBecomeCardsWithTheirLinksAndDates() throws Exception {
    String related = "<div class=\"xgwz\"><h3>相关阅读</h3><ul>"
        + "<li><a href=\"https://health.example.cn/a/1\">职工医保报销比例</a><span>2024-05-13</span></li>"
        + "<li><img src=\"t.jpg\"><a href=\"/a/2\">居民医保缴费标准</a><span>2024年5月14日</span></li>"
        + "</ul></div>";
    SegmentedPage page = PageSegmenter.segmentHtml("<html><head><title>t</title>"
        + "<link rel=\"canonical\" href=\"https://health.example.cn/a/0\"></head><body><h1>医保报销指南</h1>"
        + article("div", "") + related + "</body></html>");
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
    List<CardDraft> cards = page.cards();
    assertEquals(2, cards.size());
    assertEquals("相关阅读", cards.get(0).section());
    assertEquals("职工医保报销比例", cards.get(0).title());
    assertEquals("https://health.example.cn/a/1", cards.get(0).url());
    assertEquals("2024-05-13", cards.get(0).published());
    assertFalse(cards.get(0).hasThumbnail());
    assertEquals("https://health.example.cn/a/2", cards.get(1).url(), "made absolute");
    assertEquals("2024-05-14", cards.get(1).published());
    assertTrue(cards.get(1).hasThumbnail());
    assertFalse(page.warnings().contains("card_without_trailer"), "markup says where each card ends");
  }

  @Test
  void aRelatedHeaderMayEndInAColon() throws Exception {
    SegmentedPage page = page(article("div", "") + "<div><p>猜你喜欢：</p><ul><li><a href=\"/1\">职工医保报销比例</a></li></ul></div>");
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
    assertEquals("猜你喜欢", page.cards().get(0).section());
  }

  @Test
  void aRelatedListMarkedOnlyByItsClassIsNamedAsRelated() throws Exception {
    SegmentedPage page = page(article("div", "") + "<div class=\"related-posts\"><a href=\"/1\">职工医保报销比例</a>"
        + "<a href=\"/2\">居民医保缴费标准</a></div>");
    assertEquals(List.of("职工医保报销比例", "居民医保缴费标准"), page.cards().stream().map(CardDraft::title).toList());
    assertEquals(HtmlRenderer.UNNAMED_RELATED, page.cards().get(0).section());
  }

  /** Comments: short remarks on the page, one box each, in a list named as comments. */
  private static String comments(int n, String remark) {
    StringBuilder html = new StringBuilder("<div class=\"comment-list\">");
    for (int i = 0; i < n; i++) {
      html.append("<div class=\"item\"><p>").append(remark).append(i).append("。</p></div>");
    }
    return html.append("</div>").toString();
  }

  @Test
  void commentsBesideAnArticleAreNotItsText() throws Exception {
    SegmentedPage page = page(article("div", "class=\"article\"") + comments(2, "说得很对，我也是这样报销的，谢谢楼主分享经验"));
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
  }

  @Test
  void onADiscussionPageTheCommentsAreTheText() throws Exception {
    // A page of remarks with little else: a thread, a page of reviews.
    SegmentedPage page = page("<p>职工医保怎么报销？</p>" + comments(12, "我上个月去医院看病，医保直接结算了大部分费用，个人只付了一小部分"));
    String text = text(page);
    assertTrue(text.contains("个人只付了一小部分0。") && text.contains("个人只付了一小部分11。"), text);
  }

  @Test
  void codeKeepsItsHighlightedComments() throws Exception {
    String code = "<pre><code><span class=\"token comment\"># 每月缴费基数</span>\nbase = 5000</code></pre>";
    SegmentedPage page = page("<div class=\"article\">" + article("div", "") + code + "</div>");
    assertTrue(text(page).contains("每月缴费基数"), text(page));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"page-ad-margins", "non-ad-column", "share-wrapper"})
  void aBoxAroundTheWholePageIsNotChromeWhateverItsName(String className) throws Exception {
    SegmentedPage page = PageSegmenter.segmentHtml("<html><body>" + links("div", "", 3) + "<div class=\"" + className
        + "\"><h1>医保报销指南</h1>" + article("div", "") + "</div></body></html>");
    assertEquals("医保报销指南", page.title());
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "上一篇：职工医保怎么交", "下一篇: 居民医保缴费", "分享到：微信 微博", "版权所有 © 2024 健康网", "Copyright 2024 health.example.cn",
    "当前位置：首页 > 医保", "责任编辑：王明", "京ICP备12345678号", "浏览次数：1024", "返回顶部",
    "平台声明：该文观点仅代表作者本人，本站仅提供信息存储空间服务。", "首页|上一页1 2 3下一页|尾页",
    "转载请注明：原文链接-https://health.example.cn/a/1", "本文来源于北京商报2024-05-20 09:47:48", "原标题：医保新规",
    "展开全部", "举报 | 收起", "抢首赞 已赞过 已踩过<", "电梯直达 楼主", "回复 (12) 点赞 3", "2023-12-13 01:04",
    "发表于 2024-5-18 19:27:00 | 只看该作者",
  })
  void chromeLinesAreDroppedWhereverTheyStand(String line) throws Exception {
    SegmentedPage page = page("<div class=\"content\">" + article("div", "") + "<p>" + line + "</p></div>");
    assertEquals(String.join("\n", PARAGRAPHS), text(page));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "article-content main|article, content, main, article-content",
    "postBody|post, body, postbody",
    "page_nav|page, nav, page-nav",
  })
  void tokensAreTheWordsOfClassAndId(String className, String expected) {
    Element element = Jsoup.parseBodyFragment("<div class=\"" + className + "\"></div>").body().child(0);
    assertEquals(Set.of(expected.split(",\\s*")), MainContent.tokens(element));
  }
}
