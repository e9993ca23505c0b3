package dev.pagefeed.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an HTML page to the line model: its metadata read first ({@link HtmlMetadata}), its
 * article found ({@link MainContent}) and rendered in the manner of jsoup's {@code
 * HtmlToPlainText}, a {@link NodeVisitor} that breaks lines at block elements (h2 a level-1
 * heading, h3–h6 level 2, list items, paragraphs), then its related-item lists as cards: a header
 * line, and per item a card title line (with its link and whether it shows an image) and the
 * item's other text. Lines that are chrome wherever they stand ({@link ContentRules#CHROME_LINES})
 * and the date or byline lines by the title are left out; a date line gives the publish date
 * when the metadata has none.
 */
public final class HtmlRenderer {

  /** The headings below the title: h2 starts a section, h3 to h6 a subsection. */
  private static final Set<String> SUB_HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

  /** Elements that end a line. */
  static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "aside", "ul", "ol", "li", "dl", "dt", "dd",
      "blockquote", "pre", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "figure",
      "figcaption", "address", "header", "footer", "nav", "form", "center");

  /** The section name of a related list that has no header of its own. */
  static final String UNNAMED_RELATED = "相关推荐";

  /** How many lines at the top of the article are looked at for a date or byline line. */
  static final int DATE_LINE_REACH = 4;

  private HtmlRenderer() {}

  /**
   * An HTML page as lines, with what its metadata says.
   *
   * @param lines the page in the line model; the first is the title
   * @param url the canonical URL, or null
   * @param published the publish date (ISO), or null
   */
  /**
   * A rendered page.
   *
   * @param lines its lines, the title first
   * @param url its URL: its canonical one (resolved against the page's own), else the page's own; or null
   * @param published its publish date (ISO), or null
   * @param warnings what was off ({@link #CANONICAL_UNRESOLVED})
   */
  public record Rendered(List<Line> lines, String url, String published, List<String> warnings) {}

  /** A canonical URL (or {@code og:url}) that is no web link or cannot be resolved: ignored. */
  public static final String CANONICAL_UNRESOLVED = "canonical_unresolved";

  /** Renders a page with no crawler's hints. */
  public static Rendered render(String html) {
    return render(html, null, null);
  }

  /**
   * Renders a page.
   *
   * @param wrapperUrl the URL a crawler's dump wrapper gave, used when the page names none
   * @param wrapperTitle the title a crawler's dump wrapper gave, a title candidate
   */
  public static Rendered render(String html, String wrapperUrl, String wrapperTitle) {
    Document doc = Jsoup.parse(html);
    // The page's own URL (a wrapper's or a WARC record's) is the base a relative canonical resolves against.
    String base = Links.webUrl(wrapperUrl, null);
    String canonical = HtmlMetadata.canonicalUrl(doc);
    String url = Links.webUrl(canonical, base);
    List<String> warnings = canonical != null && url == null ? List.of(CANONICAL_UNRESOLVED) : List.of();
    if (url == null) {
      url = base;
    }
    if (url != null) {
      doc.setBaseUri(url);
      // Made absolute now: the related lists are read after they leave the document.
      for (Element link : doc.select("a[href]")) {
        String absolute = link.absUrl("href");
        if (!absolute.isEmpty()) {
          link.attr("href", absolute);
        }
      }
    }
    String published = HtmlMetadata.published(doc);
    List<String> h1s = new ArrayList<>();
    for (Element h1 : doc.body().getElementsByTag("h1")) {
      h1s.add(h1.text());
    }
    Element og = doc.selectFirst("meta[property=og:title][content]");

    MainContent.Found found = MainContent.find(doc.body());
    List<Line> article = new ArrayList<>();
    String firstHeading = null;
    for (Element element : found.article()) {
      element.getElementsByTag("h1").remove(); // the title, which is the first line
      Element heading = element.selectFirst("h2, h3, h4, h5, h6");
      if (firstHeading == null && heading != null) {
        firstHeading = heading.text();
      }
      Visitor visitor = new Visitor(article);
      NodeTraversor.traverse(visitor, element);
      visitor.flush();
    }
    String title = HtmlMetadata.title(h1s, og == null ? null : og.attr("content"), doc.title(), wrapperTitle,
        firstHeading);

    List<Line> lines = new ArrayList<>();
    lines.add(new Line(0, title, false));
    for (int i = 0; i < article.size(); i++) {
      String text = article.get(i).text();
      if (HtmlMetadata.isDateOrByline(text)) {
        // By the title it dates the page; further down (a post's header) it is chrome all the same.
        if (published == null && i < DATE_LINE_REACH) {
          published = HtmlMetadata.isoDate(text);
        }
        continue;
      }
      if (isChromeLine(text) || (i == 0 && TextCleaner.clean(text).equals(title))) {
        continue;
      }
      lines.add(article.get(i));
    }
    for (Element related : found.related()) {
      renderRelated(related, lines);
    }
    return new Rendered(lines, url, published, warnings);
  }

  /** Whether a line is chrome wherever it stands: prev/next, share, copyright, breadcrumb, controls… */
  static boolean isChromeLine(String text) {
    String cleaned = TextCleaner.clean(text);
    for (Pattern chrome : ContentRules.CHROME_LINES) {
      if (chrome.matcher(cleaned).find()) {
        return true;
      }
    }
    return onlyControlWords(cleaned);
  }

  /** Whether a line is made only of {@link ContentRules#CONTROL_WORDS}, separators and counts. */
  static boolean onlyControlWords(String cleaned) {
    String rest = CONTROL_SEPARATORS.matcher(cleaned).replaceAll("");
    // A line of digits or marks alone is not a control's label.
    return !rest.isEmpty() && SegmentRules.madeOfWords(rest, ContentRules.CONTROL_WORDS);
  }

  private static final Pattern CONTROL_SEPARATORS = Pattern.compile("[\\s\\d|｜·•<>()（）\\[\\]【】:：/,，.。+]+");

  /**
   * A related-items list as lines: its header (or {@link #UNNAMED_RELATED}), then per item a card
   * title line (the item's first link, or its first heading) and the item's other text lines.
   */
  static void renderRelated(Element list, List<Line> lines) {
    Element header = list.childrenSize() > 0 && MainContent.isRelatedHeader(list.child(0)) ? list.child(0) : null;
    if (header == null) {
      header = list.selectFirst("h2, h3, h4, h5, h6");
      if (header != null && header.selectFirst("a[href]") != null) {
        header = null; // a heading that is a link is an item's title
      }
    }
    String name = header == null ? UNNAMED_RELATED : TextCleaner.clean(header.text());
    String section = SegmentRules.relatedSection(name);
    lines.add(Line.of(Line.Role.RELATED_HEADER, section != null ? section : name, null));
    if (header != null) {
      header.remove();
    }
    for (Element item : items(list)) {
      Element link = item.normalName().equals("a") ? item : item.selectFirst("a[href]");
      Element titled = link != null && !link.text().isBlank() ? link : item.selectFirst("h2, h3, h4, h5, h6");
      if (titled == null || titled.text().isBlank()) {
        continue;
      }
      String href = link == null ? null : Links.webUrl(link.attr("href"), null);
      lines.add(Line.cardTitle(titled.text(), item.selectFirst("img") != null, href));
      if (item != titled) {
        titled.remove();
        List<Line> rest = new ArrayList<>();
        Visitor visitor = new Visitor(rest);
        NodeTraversor.traverse(visitor, item);
        visitor.flush();
        for (Line line : rest) {
          lines.add(Line.of(Line.Role.PARAGRAPH, line.text(), null));
        }
      }
    }
  }

  /** The items of a related list: its list items, else its children that hold a link, else its links. */
  private static List<Element> items(Element list) {
    List<Element> items = new ArrayList<>(list.getElementsByTag("li"));
    if (!items.isEmpty()) {
      return items;
    }
    for (Element child : list.children()) {
      if (child.selectFirst("a[href]") != null) {
        items.add(child);
      }
    }
    boolean oneBox = items.size() == 1 && items.get(0).select("a[href]").size() > 1;
    return items.isEmpty() || oneBox ? new ArrayList<>(list.select("a[href]")) : items;
  }

  /** Collects text into lines, breaking at block elements. */
  private static final class Visitor implements NodeVisitor {
    private final List<Line> lines;
    private final StringBuilder text = new StringBuilder();
    private Line.Role role = Line.Role.PARAGRAPH;
    private int level = 0;

    Visitor(List<Line> lines) {
      this.lines = lines;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        text.append(textNode.text());
        return;
      }
      if (!(node instanceof Element element) || !BLOCKS.contains(element.normalName())) {
        return;
      }
      flush();
      String name = element.normalName();
      if (SUB_HEADINGS.contains(name)) {
        role = Line.Role.HEADING;
        level = name.equals("h2") ? 1 : 2;
      } else if (name.equals("li")) {
        role = Line.Role.LIST_ITEM;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        flush();
      }
    }

    void flush() {
      String line = text.toString().strip();
      if (!line.isEmpty()) {
        lines.add(new Line(0, line, true, role, level, false, null));
      }
      text.setLength(0);
      role = Line.Role.PARAGRAPH;
      level = 0;
    }
  }
}
