package dev.pagefeed.segment;

import dev.pagefeed.model.Block;
import dev.pagefeed.model.BlockType;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.RelatedSection;
import dev.pagefeed.segment.SegmentedPage.CardDraft;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Splits a page in the line model into title, lead, article blocks, disclaimer and related
 * cards (SPEC section 3). The markers it looks for are in {@link SegmentRules}.
 */
public final class PageSegmenter {

  private PageSegmenter() {}

  /** Segments a text dump. */
  public static SegmentedPage segmentText(String text) throws RejectedInputException {
    return segmentText(text, null);
  }

  /** Segments a text dump whose URL a crawler's wrapper gave (or null). */
  public static SegmentedPage segmentText(String text, String url) throws RejectedInputException {
    return segment(Line.fromText(text), Links.webUrl(url, null), null, List.of());
  }

  /** Segments an HTML page, keeping its canonical URL, publish date and card links. */
  public static SegmentedPage segmentHtml(String html) throws RejectedInputException {
    return segmentHtml(html, null, null);
  }

  /**
   * Segments an HTML page that a crawler wrapped.
   *
   * @param wrapperUrl the wrapper's URL, the page's when the page names none
   * @param wrapperTitle the wrapper's title, a title candidate
   */
  public static SegmentedPage segmentHtml(String html, String wrapperUrl, String wrapperTitle)
      throws RejectedInputException {
    HtmlRenderer.Rendered rendered = HtmlRenderer.render(html, wrapperUrl, wrapperTitle);
    return segment(rendered.lines(), rendered.url(), rendered.published(), rendered.warnings());
  }

  /**
   * Segments a page's lines.
   *
   * @param url the page's canonical URL when the input format gives one, else null
   * @param published the page's publish date when the input format gives one, else null
   * @param found warnings the input format's reading gave
   * @throws RejectedInputException when the page has no title line
   */
  public static SegmentedPage segment(List<Line> lines, String url, String published, List<String> found)
      throws RejectedInputException {
    String title = lines.isEmpty() ? "" : TextCleaner.clean(lines.get(0).text());
    if (title.isEmpty()) {
      throw new RejectedInputException(ErrorType.NO_TITLE, "the page has no title line");
    }
    int relatedStart = lines.size();
    for (int i = 1; i < lines.size(); i++) {
      if (isRelatedHeader(lines.get(i))) {
        relatedStart = i;
        break;
      }
    }
    List<String> warnings = new ArrayList<>(found);
    Article article = readArticle(lines.subList(1, relatedStart));
    if (article.disclaimer == null) {
      warnings.add("no_disclaimer");
    }
    if (article.blocks.isEmpty() && article.lead == null) {
      warnings.add("no_article");
    }
    if (ErrorPages.isOne(title, article.lead, article.blocks.stream().map(Block::text).toList())) {
      warnings.add(ErrorPages.WARNING);
    }
    List<RelatedSection> related = new ArrayList<>();
    List<CardDraft> cards = new ArrayList<>();
    readRelated(lines.subList(relatedStart, lines.size()), related, cards, warnings);
    return new SegmentedPage(
        title, url, published, article.lead, article.blocks, article.disclaimer, related, cards,
        warnings);
  }

  private static final class Article {
    String lead;
    String disclaimer;
    final List<Block> blocks = new ArrayList<>();
  }

  private static Article readArticle(List<Line> lines) {
    Article article = new Article();
    List<String> lead = new ArrayList<>();
    String level1 = null;
    List<String> path = List.of();
    for (Line line : lines) {
      String text = TextCleaner.clean(line.text());
      if (text.isEmpty()) {
        continue;
      }
      if (SegmentRules.DISCLAIMER.matcher(text).find()) {
        article.disclaimer = text;
        continue;
      }
      int level = headingLevel(line, text);
      if (level == 1) {
        level1 = text;
        path = List.of(text);
        article.blocks.add(new Block(article.blocks.size(), BlockType.HEADING, 1, text, path));
        continue;
      }
      if (level == 2) {
        path = level1 == null ? List.of(text) : List.of(level1, text);
        article.blocks.add(new Block(article.blocks.size(), BlockType.HEADING, 2, text, path));
        continue;
      }
      Matcher bullet = SegmentRules.BULLET.matcher(line.text());
      boolean listItem = line.role() == Line.Role.LIST_ITEM || bullet.find();
      if (listItem && line.role() != Line.Role.LIST_ITEM) {
        text = TextCleaner.clean(line.text().substring(bullet.end()));
      }
      if (article.blocks.isEmpty() && !listItem) {
        lead.add(text);
        continue;
      }
      BlockType type = listItem ? BlockType.LIST_ITEM : BlockType.PARAGRAPH;
      article.blocks.add(new Block(article.blocks.size(), type, null, text, path));
    }
    article.lead = lead.isEmpty() ? null : String.join("\n", lead);
    return article;
  }

  /** 1 or 2 for a heading line, 0 for any other. */
  static int headingLevel(Line line, String text) {
    if (line.role() == Line.Role.HEADING) {
      return line.level();
    }
    if (line.role() != Line.Role.TEXT || SegmentRules.BULLET.matcher(line.text()).find()) {
      return 0; // markup said what the line is, or a bullet did
    }
    boolean numbered =
        SegmentRules.NUMBERED_HEADING.matcher(text).find()
            && text.length() <= SegmentRules.MAX_NUMBERED_HEADING_LENGTH
            && !SegmentRules.SENTENCE_FINAL.matcher(text).find();
    if (line.indent() == 0) {
      if (SegmentRules.CHINESE_ORDINAL_HEADING.matcher(text).find()) {
        return 1;
      }
      if (numbered) {
        return 1;
      }
      if (SegmentRules.PARENTHESISED_HEADING.matcher(text).find()) {
        return 2;
      }
      boolean bare =
          text.length() <= SegmentRules.MAX_BARE_HEADING_LENGTH
              && !SegmentRules.SENTENCE_PUNCTUATION.matcher(text).find();
      return bare ? 1 : 0;
    }
    return line.indent() < 4 && numbered ? 2 : 0;
  }

  private static boolean isRelatedHeader(Line line) {
    return line.role() == Line.Role.RELATED_HEADER || SegmentRules.relatedSection(TextCleaner.clean(line.text())) != null;
  }

  /** The section a related header line names. */
  private static String sectionOf(Line line) {
    String text = TextCleaner.clean(line.text());
    String named = SegmentRules.relatedSection(text);
    return named != null ? named : text;
  }

  /** A line made only of footer words; "首页 顶部" is "首页顶部" once cleaned. */
  static boolean isFooter(String text) {
    return SegmentRules.madeOfWords(text.replace(" ", ""), SegmentRules.FOOTER_WORDS);
  }

  private static void readRelated(
      List<Line> lines, List<RelatedSection> related, List<CardDraft> cards, List<String> warnings) {
    String section = null;
    int sectionCards = 0;
    List<Line> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String text = TextCleaner.clean(line.text());
      if (isRelatedHeader(line)) {
        flushWithoutTrailer(section, pending, cards, warnings);
        sectionCards += pending.isEmpty() ? 0 : 1;
        pending.clear();
        if (section != null) {
          related.add(new RelatedSection(section, sectionCards));
        }
        section = sectionOf(line);
        sectionCards = 0;
        continue;
      }
      if (isFooter(text)) {
        continue;
      }
      if (line.role() == Line.Role.CARD_TITLE) {
        // Markup says where a card starts: the one before ends here, trailer or not.
        flushWithoutTrailer(section, pending, cards, warnings);
        sectionCards += pending.isEmpty() ? 0 : 1;
        pending.clear();
        pending.add(line);
        continue;
      }
      Matcher trailer = SegmentRules.CARD_TRAILER.matcher(text);
      if (!trailer.matches() || pending.isEmpty()) {
        pending.add(line);
        continue;
      }
      String title = TextCleaner.clean(pending.get(0).text());
      // A thumbnail: marked by the markup, or (in a text dump) its caption repeating the title.
      boolean thumbnail = pending.get(0).thumbnail();
      if (pending.get(0).role() == Line.Role.TEXT
          && i + 1 < lines.size()
          && !lines.get(i + 1).afterBlank()
          && TextCleaner.clean(lines.get(i + 1).text()).equals(title)) {
        thumbnail = true;
        i++;
      }
      String published = trailer.group(2) + "-" + twoDigits(trailer.group(3)) + "-" + twoDigits(trailer.group(4));
      cards.add(card(section, pending, trailer.group(1), published, thumbnail));
      sectionCards++;
      pending.clear();
    }
    if (!pending.isEmpty()) {
      flushWithoutTrailer(section, pending, cards, warnings);
      sectionCards++;
    }
    if (section != null) {
      related.add(new RelatedSection(section, sectionCards));
    }
  }

  /**
   * A card whose lines ended without a trailer: in a text dump, a card cut short (a warning); from
   * markup, a card whose item had no category line, dated by a date line of its own if it has one.
   */
  private static void flushWithoutTrailer(
      String section, List<Line> pending, List<CardDraft> cards, List<String> warnings) {
    if (pending.isEmpty()) {
      return;
    }
    if (pending.get(0).role() == Line.Role.CARD_TITLE) {
      List<Line> rest = new ArrayList<>(List.of(pending.get(0)));
      String published = null;
      for (Line line : pending.subList(1, pending.size())) {
        Matcher date = SegmentRules.CARD_DATE.matcher(TextCleaner.clean(line.text()));
        if (published == null && date.matches()) {
          published = date.group(1) + "-" + twoDigits(date.group(2)) + "-" + twoDigits(date.group(3));
        } else {
          rest.add(line);
        }
      }
      cards.add(card(section, rest, null, published, pending.get(0).thumbnail()));
      return;
    }
    cards.add(card(section, pending, null, null, false));
    if (!warnings.contains("card_without_trailer")) {
      warnings.add("card_without_trailer");
    }
  }

  private static CardDraft card(
      String section, List<Line> lines, String category, String published, boolean thumbnail) {
    String title = TextCleaner.clean(lines.get(0).text());
    StringBuilder raw = new StringBuilder();
    for (Line line : lines.subList(1, lines.size())) {
      raw.append(line.text()).append(' ');
    }
    TextCleaner.Cut snippet = TextCleaner.cleanCut(raw.toString().replace('\n', ' '));
    return new CardDraft(
        section,
        title,
        snippet.text(),
        snippet.truncated() || !looksWhole(snippet.text()),
        category,
        published,
        thumbnail,
        lines.get(0).href());
  }

  /** A month or day as two digits ("3" → "03"). */
  private static String twoDigits(String number) {
    int value = Integer.parseInt(number);
    return value < 10 ? "0" + value : Integer.toString(value);
  }

  /** A snippet with no cut marker is whole only if it ends a sentence well short of the cut. */
  static boolean looksWhole(String snippet) {
    // Only the last two characters can end a sentence: the pattern is not tried all along.
    return SegmentRules.SENTENCE_FINAL.matcher(snippet).region(Math.max(0, snippet.length() - 2), snippet.length()).find()
        && snippet.codePointCount(0, snippet.length())
            < SegmentRules.SNIPPET_CUT_LENGTH * SegmentRules.WHOLE_SNIPPET_SHARE;
  }
}
