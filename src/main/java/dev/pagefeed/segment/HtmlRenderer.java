package dev.pagefeed.segment;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders an HTML page to the line model, in the manner of jsoup's {@code HtmlToPlainText}: a
 * {@link NodeVisitor} that breaks lines at block elements. Headings become heading lines (h2 at
 * level 1, h3–h6 at level 2), list items list-item lines, paragraphs text lines; navigation,
 * scripts, styles, headers and footers are dropped. A card's thumbnail image becomes a caption
 * line repeating its title after the card, as in text dumps. Also reads the page's canonical URL
 * and publish date from its metadata.
 */
public final class HtmlRenderer {

  /** Page chrome removed before rendering. */
  static final String CHROME =
      "script, style, noscript, template, iframe, svg, nav, header, footer, form, button, "
          + "[role=navigation], [role=banner], [role=contentinfo], [hidden], "
          + ".nav, .navbar, .breadcrumb, .footer, .header, .menu, .toolbar, #nav, #footer, #header";

  /** Where the publish date may be written, in order of trust. */
  static final List<String> PUBLISHED = List.of(
      "meta[property=article:published_time]", "meta[name=pubdate]", "meta[name=publishdate]",
      "meta[itemprop=datePublished]", "meta[name=date]");

  /** Elements that end a line. */
  /** The headings below the title: h2 starts a section, h3 to h6 a subsection. */
  private static final Set<String> SUB_HEADINGS = Set.of("h2", "h3", "h4", "h5", "h6");

  static final Set<String> BLOCKS = Set.of(
      "p", "div", "section", "article", "main", "aside", "ul", "ol", "li", "dl", "dt", "dd",
      "blockquote", "pre", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "figure",
      "figcaption", "address");

  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");

  private HtmlRenderer() {}

  /**
   * An HTML page as lines, with what its metadata says.
   *
   * @param lines the page in the line model; the first is the title
   * @param url the canonical URL, or null
   * @param published the publish date (ISO), or null
   */
  public record Rendered(List<Line> lines, String url, String published) {}

  public static Rendered render(String html) {
    Document doc = Jsoup.parse(html);
    String url = canonicalUrl(doc);
    if (url != null) {
      doc.setBaseUri(url);
    }
    String published = published(doc);
    doc.select(CHROME).remove();

    List<Line> lines = new ArrayList<>();
    Element h1 = doc.body().selectFirst("h1");
    String title = h1 != null ? h1.text() : doc.title();
    if (h1 != null) {
      h1.remove();
    }
    lines.add(new Line(0, title, false));
    Visitor visitor = new Visitor(lines);
    NodeTraversor.traverse(visitor, doc.body());
    visitor.flush();
    return new Rendered(lines, url, published);
  }

  private static String canonicalUrl(Document doc) {
    Element canonical = doc.selectFirst("link[rel=canonical][href]");
    if (canonical != null && !canonical.attr("href").isBlank()) {
      return canonical.attr("href").strip();
    }
    Element og = doc.selectFirst("meta[property=og:url][content]");
    return og == null || og.attr("content").isBlank() ? null : og.attr("content").strip();
  }

  private static String published(Document doc) {
    for (String selector : PUBLISHED) {
      Element meta = doc.selectFirst(selector + "[content]");
      if (meta != null) {
        String date = isoDate(meta.attr("content"));
        if (date != null) {
          return date;
        }
      }
    }
    // Looked up by tag, then by ancestor: a descendant selector ("article time") walks every
    // element's ancestors, which is quadratic on deeply nested pages.
    for (Element time : doc.getElementsByTag("time")) {
      if (time.hasAttr("datetime") && insideArticle(time)) {
        return isoDate(time.attr("datetime"));
      }
    }
    return null;
  }

  private static boolean insideArticle(Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent.normalName().equals("article") || parent.normalName().equals("main")) {
        return true;
      }
    }
    return false;
  }

  private static String isoDate(String value) {
    Matcher m = ISO_DATE.matcher(value.strip());
    return m.find() ? m.group(1) + "-" + m.group(2) + "-" + m.group(3) : null;
  }

  /** Collects text into lines, breaking at block elements. */
  private static final class Visitor implements NodeVisitor {
    private final List<Line> lines;
    private final StringBuilder text = new StringBuilder();
    /** Per container: whether it is a related-items section (siblings share their ancestors). */
    private final Map<Element, Boolean> relatedContainers = new IdentityHashMap<>();
    private Line.Role role = Line.Role.TEXT;
    private int indent = 0;
    private String href;

    Visitor(List<Line> lines) {
      this.lines = lines;
    }

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        if (!textNode.isBlank() && href == null) {
          Element link = linkAround(textNode);
          if (link != null) {
            String absolute = link.absUrl("href");
            href = absolute.isEmpty() ? link.attr("href") : absolute;
          }
        }
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
        indent = name.equals("h2") ? 0 : 2;
      } else if (name.equals("li")) {
        role = insideRelated(element) ? Line.Role.TEXT : Line.Role.LIST_ITEM;
        indent = 4;
      } else if (name.equals("p")) {
        role = Line.Role.TEXT;
        indent = insideRelated(element) ? 0 : 4;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
        flush();
        if (element.normalName().equals("li") && insideRelated(element)) {
          captionThumbnail(element);
        }
      }
    }

    /** A card with an image gets a caption line repeating its title, right after it. */
    private void captionThumbnail(Element card) {
      Element link = card.selectFirst("a[href]");
      if (card.selectFirst("img") != null && link != null && !link.text().isBlank()) {
        lines.add(new Line(0, link.text(), false));
      }
    }

    void flush() {
      String line = text.toString().strip();
      if (!line.isEmpty()) {
        lines.add(new Line(indent, line, true, role, href));
      }
      text.setLength(0);
      role = Line.Role.TEXT;
      indent = 0;
      href = null;
    }

    private static Element linkAround(Node node) {
      for (Element parent = (Element) node.parent(); parent != null; parent = parent.parent()) {
        if (parent.normalName().equals("a") && parent.hasAttr("href")) {
          return parent;
        }
        if (BLOCKS.contains(parent.normalName()) && !SUB_HEADINGS.contains(parent.normalName())) {
          Element a = parent.parent();
          return a != null && a.normalName().equals("a") && a.hasAttr("href") ? a : null;
        }
      }
      return null;
    }

    /**
     * Whether a list item or paragraph sits in a related-items section: a container marked
     * "related" or "recommend", or one whose own heading is a related header such as 相关推荐.
     */
    private boolean insideRelated(Element element) {
      for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
        if (relatedContainers.computeIfAbsent(parent, Visitor::isRelatedContainer)) {
          return true;
        }
      }
      return false;
    }

    private static boolean isRelatedContainer(Element container) {
      String marks = (container.className() + " " + container.id()).toLowerCase(Locale.ROOT);
      if (marks.contains("related") || marks.contains("recommend")) {
        return true;
      }
      for (Element child : container.children()) {
        if (SUB_HEADINGS.contains(child.normalName())
            && SegmentRules.RELATED_HEADERS.contains(TextCleaner.clean(child.text()))) {
          return true;
        }
      }
      return false;
    }
  }
}
