package dev.pagefeed.segment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@link MainContent} weighs to find a page's article, kept apart from the algorithm as named
 * data (after trafilatura's {@code xpaths.py} and readability's weights): tags and tokens of
 * {@code class} and {@code id} that mark chrome or content, the weights of the candidate score,
 * and the lines that are page chrome whatever element holds them.
 */
final class ContentRules {

  private ContentRules() {}

  /** Never text of the page: removed before anything is weighed. */
  static final String NOISE =
      "script, style, noscript, template, iframe, svg, canvas, object, embed, input, select, textarea, button, "
          + "[hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none]";

  /** Code, inside which no token names chrome (syntax highlighting names spans "comment", "tag"). */
  static final Set<String> CODE = Set.of("pre", "code");

  /** Chrome by tag or ARIA role: navigation, site header and footer, sidebars, image captions, search. */
  static final String CHROME_ELEMENTS =
      "nav, aside, footer, header, figcaption, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], "
          + "[role=search], [role=menu], [role=menubar]";

  /**
   * {@code class}/{@code id} tokens (split at anything but letters and digits, and at camelCase)
   * of what is never the article: navigation, breadcrumbs, the site's footer, ads, comments,
   * sharing. An element carrying one is removed unless it also carries a {@link #CONTENT_TOKENS}
   * token, or wraps the page: holds {@link #KEEP_SHARE_OF_TEXT} of its letters and its {@code
   * <h1>} ("page-ad-margins", "non-ad-column"). Pinyin initials are common on Chinese sites: dqwz (当前位置, breadcrumb), bq (版权),
   * pinglun (评论).
   */
  static final Set<String> NEVER_CONTENT_TOKENS = Set.of(
      "nav", "navbar", "navigation", "menu", "menus", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
      "dqwz", "daohang", "sitemap",
      "footer", "copyright", "bq", "banquan", "beian", "icp",
      "ad", "ads", "advert", "advertisement", "sponsor", "guanggao", "popup", "modal", "qrcode", "erweima", "ewm",
      "share", "sharing", "bdshare", "jiathis", "social", "subscribe", "newsletter",
      "pager", "pagination", "prevnext", "updown", "login", "register", "cookie", "gotop", "backtop",
      // an image's caption and credit, the byline and time stamp beside the text
      "caption", "credit", "credits", "byline", "timestamp", "dateline",
      // a wiki's references, navigation and info boxes, notices, edit links, contents box, categories
      "reflist", "references", "navbox", "editsection", "mw-editsection", "toc", "catlinks", "printfooter", "noprint",
      "infobox", "ambox", "hatnote", "metadata",
      // a media player's controls and messages ("player" alone names a sports table's rows too)
      "video-player", "videoplayer", "audio-player", "media-player", "mplayer", "playercontainer", "controlbar");

  /**
   * Tokens of comment boxes: beside an article they are not its text, and are removed; on a page
   * whose running text is mostly in them ({@link #DISCUSSION_SHARE}: a thread, a page of
   * reviews, a Q&A page's replies) they are what the page says, and are kept.
   */
  static final Set<String> COMMENT_TOKENS = Set.of("comment", "comments", "pinglun", "reply", "replies");

  /** The share of a page's running text in comment boxes from which the page is a discussion. */
  static final double DISCUSSION_SHARE = 0.6;

  /**
   * Tokens of boxes beside the article, which a site may also give the box around it: sidebars,
   * streams of teasers, "more stories", rankings. An element carrying one is removed unless it
   * carries a content token or holds {@link #KEEP_SHARE_OF_TEXT} of the page's letters.
   */
  static final Set<String> CHROME_TOKENS = Set.of(
      "sidebar", "stream", "stories", "teaser", "popular", "trending", "hotnews", "rank", "ranking", "top10");

  /**
   * Tokens of boxes that are chrome on most pages but also name wrappers of the whole page ("app",
   * "main-side", "widget Blog"): an element carrying one is also kept when it holds {@link
   * #KEEP_SHARE_OF_TEXT} of the page's running text (its paragraphs' points). A stream of teasers
   * has running text too, which is why the chrome tokens do not get this.
   */
  static final Set<String> LAYOUT_TOKENS = Set.of(
      "side", "aside", "widget", "app", "header", "masthead", "foot", "banner", "toolbar", "topbar", "tabbar",
      "position", "location", "promo", "download", "hot", "search", "follow", "fx", "gg", "adv", "prev", "next",
      "tags", "tag", "keywords");

  /** {@code class}/{@code id} tokens of the article: they count for an element, and keep it from removal. */
  static final Set<String> CONTENT_TOKENS = Set.of(
      "article", "articles", "content", "contents", "main", "body", "text", "post", "entry", "story", "detail",
      "details", "zw", "zhengwen", "wenzhang", "artibody", "zoom", "con", "txt",
      "answer", "question", "thread", "topic", "floor", "postbody");

  /** {@code class}/{@code id} tokens of a related-items list, whose items become cards. */
  static final Set<String> RELATED_TOKENS = Set.of(
      "related", "relate", "recommend", "recommended", "xgwz", "xgyd", "xgtj", "xiangguan", "tuijian");

  /** A marked element holding this share of the page's letters (or, for layout tokens, its running text) is kept. */
  static final double KEEP_SHARE_OF_TEXT = 0.5;

  /** Weight of a candidate's content tokens, and of its chrome tokens against it (readability uses 25). */
  static final double TOKEN_WEIGHT = 25;

  /** The score a tag gives the element that holds scored text, before its text counts. */
  static final Map<String, Double> TAG_WEIGHTS = Map.ofEntries(
      Map.entry("article", 10.0), Map.entry("main", 5.0), Map.entry("div", 5.0), Map.entry("section", 3.0),
      Map.entry("td", 3.0), Map.entry("pre", 3.0), Map.entry("blockquote", 3.0),
      Map.entry("form", -3.0), Map.entry("ol", -3.0), Map.entry("ul", -3.0), Map.entry("dl", -3.0),
      Map.entry("dd", -3.0), Map.entry("dt", -3.0), Map.entry("li", -3.0), Map.entry("address", -3.0),
      Map.entry("h1", -5.0), Map.entry("h2", -5.0), Map.entry("h3", -5.0), Map.entry("h4", -5.0),
      Map.entry("h5", -5.0), Map.entry("h6", -5.0), Map.entry("th", -5.0));

  /** Elements whose text is scored as a paragraph's. */
  static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");

  /**
   * Boxes whose text written straight into them (lines split by {@code <br>}) is scored as their
   * own paragraph. Not list items: a list of teasers is not an article.
   */
  static final Set<String> TEXT_BOXES = Set.of("div", "section", "article", "main", "span", "font", "center", "td");

  /** Shorter text (in letters, digits and CJK characters) is not scored: captions, labels, links. */
  static final int MIN_PARAGRAPH_LENGTH = 20;

  /** A paragraph's length counts one point per this many characters, up to {@link #MAX_LENGTH_POINTS}. */
  static final int CHARS_PER_POINT = 50;

  static final double MAX_LENGTH_POINTS = 3;

  /**
   * Punctuation that marks running text: each counts a point. Chinese sentences are punctuated
   * with full-width marks; a menu or a list of links has none.
   */
  static final Pattern SENTENCE_MARKS = Pattern.compile("[，。；！？、,;!?：:]|\\.(?=\\s|$)");

  /** How a paragraph's score reaches its ancestors: all of it to the parent, then less each level. */
  static final List<Double> ANCESTOR_SHARES = List.of(1.0, 0.5, 1.0 / 6, 1.0 / 9, 1.0 / 12);

  /**
   * The best candidate gives way to its parent when the parent's paragraphs score at least this
   * many times its own (weighed by links): the article's text is spread over several boxes, as a
   * forum thread's posts are.
   */
  static final double PARENT_GROWTH = 1.5;

  /** How many levels above the current candidate a parent with more of the article is looked for. */
  static final int MAX_LEVELS_UP = 6;

  /** A parent scoring within this factor of its child adds no text of its own (a box around it). */
  static final double SAME_TEXT = 1.1;

  /** A parent with more of its text in links than this is not taken for the article. */
  static final double MAX_PARENT_LINK_DENSITY = 0.2;

  /** How many levels above the candidate a run of boxes of one kind (posts) is looked for. */
  static final int MAX_RECORD_LEVELS = 3;

  /** The fewest boxes of one kind, with text, that make a run of records. */
  static final int MIN_RECORDS = 3;

  /** A sibling of the best candidate joins it when it scores at least this share of the best... */
  static final double SIBLING_SHARE = 0.2;

  /** ...and at least this much. */
  static final double MIN_SIBLING_SCORE = 10;

  /** Inside the article, a list, table or box whose text is mostly links is chrome (a link list). */
  static final double MAX_LINK_DENSITY = 0.5;

  /**
   * The labels of a forum's, a Q&A page's or a player's controls: a line made only of these (and
   * separators, counts) is chrome, as a text dump's footer words are.
   */
  static final List<String> CONTROL_WORDS = List.of(
      "展开全部", "展开阅读全文", "阅读全文", "查看全部", "查看更多", "显示全部", "加载更多", "展开", "收起", "更多",
      "举报", "播报", "编辑", "删除", "回复", "引用", "评论", "点赞", "赞同", "反对", "收藏", "分享", "关注", "私信",
      "复制链接", "抢首赞", "已赞过", "已踩过", "电梯直达", "只看该作者", "倒序浏览", "阅读模式", "楼主", "沙发", "板凳",
      "地板", "楼", "赞", "踩");

  /**
   * Lines that are chrome wherever they stand: prev/next links, share bars, copyright and
   * editor lines, breadcrumbs, print and font-size buttons, view counters.
   */
  static final List<Pattern> CHROME_LINES = List.of(
      Pattern.compile("^(上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇)\\s*[:：]?"),
      Pattern.compile("^(分享到|分享至|一键分享|扫一扫|扫描二维码|微信扫一扫|打印本页|关闭窗口|【?打印】?|【?关闭】?|字号|【?字体)"),
      Pattern.compile("(版权所有|copyright|©|\\(c\\)\\s*\\d{4}|ICP备|ICP证|公网安备|All Rights Reserved)", Pattern.CASE_INSENSITIVE),
      Pattern.compile("^(当前位置|您的位置|你的位置|您现在的位置|所在位置)\\s*[:：]"),
      Pattern.compile("^[【\\[]?(责任编辑|编辑|责编|审核|校对)\\s*[:：].{0,20}[】\\]]?$"),
      Pattern.compile("^(浏览次数|阅读次数|点击数|阅读量|浏览量)\\s*[:：]?\\s*\\d*$"),
      // where the text came from and how to reprint it: "转载请注明：原文链接…", "本文来源于…", "原标题：…"
      Pattern.compile("^[【\\[]?(转载请注明|本文来源于|本文来源|文章来源|原文链接|原标题)"),
      // a platform's statement about the article: "平台声明：该文观点仅代表作者本人…"
      Pattern.compile("^[【\\[]?(平台声明|版权声明|免责声明|特别声明)[】\\]]?\\s*[:：]"),
      Pattern.compile("^(首页|返回首页|返回顶部|回到顶部|返回列表)$"),
      // a pager: "首页|上一页1 2 3下一页|尾页"
      Pattern.compile("^(?:(?:首页|上一页|下一页|尾页|末页|共\\d+页|第\\d+页|\\d+|[|｜/…·\\s])){2,}$"));
}
