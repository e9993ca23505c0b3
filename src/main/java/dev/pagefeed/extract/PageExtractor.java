package dev.pagefeed.extract;

import dev.pagefeed.model.Block;
import dev.pagefeed.model.Card;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.Page;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.PhoneValue;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.RelatedSection;
import dev.pagefeed.model.SourceInfo;
import dev.pagefeed.segment.SegmentedPage;
import dev.pagefeed.segment.SegmentedPage.CardDraft;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a segmented page into its records: ids and content hash, and the entities of every text
 * block (title, lead, article blocks, disclaimer, card titles and snippets) with code-point
 * offsets, section paths, context sentences and the area-code check.
 */
public final class PageExtractor {

  /** The longest context sentence kept, in code points. */
  static final int MAX_CONTEXT = 200;

  private final EntityExtractor extractor = new EntityExtractor();

  /** The page, card and entity records of one segmented page, with no time limit. */
  public PageRecords extract(SourceInfo source, SegmentedPage segmented) {
    try {
      return extract(source, segmented, Budget.UNLIMITED);
    } catch (RejectedInputException e) {
      throw new IllegalStateException("an unlimited budget ran out", e);
    }
  }

  /**
   * The page, card and entity records of one segmented page.
   *
   * @throws RejectedInputException of type timeout when extraction outlasts {@code budget}
   */
  public PageRecords extract(SourceInfo source, SegmentedPage segmented, Budget budget)
      throws RejectedInputException {
    String pageId = Ids.pageId(segmented.url(), source.key());

    List<Entity> entities = new ArrayList<>();
    String pageContext = pageText(segmented);
    PlacesMemo places = new PlacesMemo();
    addEntities(entities, pageId, null, "title", List.of(), segmented.title(), false, pageContext, budget, places);
    if (segmented.lead() != null) {
      addEntities(entities, pageId, null, "lead", List.of(), segmented.lead(), false, pageContext, budget, places);
    }
    for (Block block : segmented.blocks()) {
      addEntities(entities, pageId, null, "article:" + block.index(), block.sectionPath(),
          block.text(), false, pageContext, budget, places);
    }
    if (segmented.disclaimer() != null) {
      addEntities(entities, pageId, null, "disclaimer", List.of(), segmented.disclaimer(), false,
          pageContext, budget, places);
    }

    List<Card> cards = new ArrayList<>();
    for (int position = 0; position < segmented.cards().size(); position++) {
      CardDraft draft = segmented.cards().get(position);
      String cardId = Ids.cardId(pageId, position);
      cards.add(new Card(cardId, pageId, position, draft.section(), draft.title(), draft.snippet(),
          draft.snippetTruncated(), draft.category(), draft.published(), draft.hasThumbnail(),
          draft.url()));
      String cardContext = draft.title() + "\n" + draft.snippet();
      String prefix = "card:" + position + ":";
      addEntities(entities, pageId, cardId, prefix + "title", List.of(), draft.title(), false,
          cardContext, budget, places);
      addEntities(entities, pageId, cardId, prefix + "snippet", List.of(), draft.snippet(),
          draft.snippetTruncated(), cardContext, budget, places);
    }

    Map<EntityKind, Integer> counts = new EnumMap<>(EntityKind.class);
    for (Entity entity : entities) {
      counts.merge(entity.kind(), 1, Integer::sum);
    }
    Page page =
        new Page(pageId, null, Ids.sha256(contentText(segmented)), source, segmented.title(),
            segmented.url(), segmented.published(), source.fetched(), segmented.lead(), segmented.blocks(),
            segmented.disclaimer(), segmented.related(),
            new Page.Counts(segmented.blocks().size(), cards.size(), counts),
            warnings(source, segmented));
    return new PageRecords(page, cards, entities);
  }

  private void addEntities(List<Entity> out, String pageId, String cardId, String block,
      List<String> sectionPath, String text, boolean truncated, String placeContext, Budget budget,
      PlacesMemo places)
      throws RejectedInputException {
    for (Located found : locate(text, truncated, placeContext, budget, places)) {
      Match m = found.match();
      out.add(new Entity(
          Ids.entityId(pageId, block, found.start(), m.kind()), pageId, cardId, block, sectionPath,
          m.kind(), found.text(), found.start(), found.end(), m.normalized(), m.value(), m.mod(),
          m.flags().stream().sorted().toList(), found.context()));
    }
  }

  /**
   * An entity found in a text, where a page's records and {@code ExtractText} both take it from.
   *
   * @param match what was found, with the area-code check applied
   * @param start where it starts, in code points of the text
   * @param end where it ends (exclusive), in code points
   * @param text the text of the span
   * @param context the sentence around it
   */
  public record Located(Match match, int start, int end, String text, String context) {}

  /**
   * The entities of one text: offsets in code points, context sentences, and the area-code check
   * against the places named in {@code placeContext}. A bare sentence is its own place context.
   */
  public List<Located> locate(String text, boolean truncated, String placeContext, Budget budget)
      throws RejectedInputException {
    return locate(text, truncated, placeContext, budget, new PlacesMemo());
  }

  private List<Located> locate(String text, boolean truncated, String placeContext, Budget budget, PlacesMemo places)
      throws RejectedInputException {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Located> found = new ArrayList<>();
    int charsSeen = 0;
    int codePointsSeen = 0;
    for (Match match : extractor.find(Text.of(text, truncated), budget)) {
      Match checked = match;
      if (match.value() instanceof PhoneValue phone
          && PlaceNames.disagrees(phone.region(), places.of(placeContext))) {
        checked = match.withFlag(Flag.AREA_CODE_MISMATCH);
      }
      // Matches come in text order: count code points from the previous one, not from 0.
      codePointsSeen += text.codePointCount(charsSeen, checked.start());
      charsSeen = checked.start();
      int start = codePointsSeen;
      int end = start + text.codePointCount(checked.start(), checked.end());
      found.add(new Located(checked, start, end, text.substring(checked.start(), checked.end()),
          context(text, checked.start(), checked.end())));
    }
    return found;
  }

  /** The segmenter's warnings, and decoding's: {@code decode_replaced} when stray bytes were replaced. */
  private static List<String> warnings(SourceInfo source, SegmentedPage segmented) {
    if (source.replaced() == 0 && source.warnings().isEmpty()) {
      return segmented.warnings();
    }
    List<String> warnings = new ArrayList<>(segmented.warnings());
    if (source.replaced() > 0) {
      warnings.add("decode_replaced");
    }
    warnings.addAll(source.warnings());
    return warnings;
  }

  /** The sentence holding [start, end), cut to {@link #MAX_CONTEXT} code points around it. */
  public static String context(String text, int start, int end) {
    // Look no further than twice the context either way, so that a page of one endless
    // sentence costs the same per entity as a page of short ones.
    int reach = 2 * MAX_CONTEXT;
    int from = start;
    while (from > 0 && start - from < reach && !isSentenceEnd(text.charAt(from - 1))) {
      from--;
    }
    int to = end;
    while (to < text.length() && to - end < reach && !isSentenceEnd(text.charAt(to))) {
      to++;
    }
    if (to < text.length() && isSentenceEnd(text.charAt(to))) {
      to++;
    }
    String sentence = text.substring(from, to).strip();
    int length = sentence.codePointCount(0, sentence.length());
    if (length <= MAX_CONTEXT) {
      return sentence;
    }
    int lead = sentence.length() - text.substring(from, to).stripLeading().length();
    int spanFrom = Math.max(0, Math.min(start - from - lead, sentence.length()));
    int spanCodePoints = text.codePointCount(start, end);
    int keepBefore = Math.max(0, (MAX_CONTEXT - spanCodePoints) / 2);
    int first = Math.max(0, sentence.codePointCount(0, spanFrom) - keepBefore);
    first = Math.min(first, length - MAX_CONTEXT);
    int a = sentence.offsetByCodePoints(0, first);
    return sentence.substring(a, sentence.offsetByCodePoints(a, MAX_CONTEXT));
  }

  private static boolean isSentenceEnd(char c) {
    return "。！？!?；;\n".indexOf(c) >= 0;
  }

  /** The place names of each context text, looked up once however many phones it holds. */
  private static final class PlacesMemo {
    private final java.util.Map<String, java.util.Set<String>> byText = new java.util.HashMap<>();

    java.util.Set<String> of(String text) {
      return byText.computeIfAbsent(text, PlaceNames::mentionedIn);
    }
  }

  /** Title, lead and article: where a page-level phone's places are looked for. */
  private static String pageText(SegmentedPage page) {
    StringBuilder text = new StringBuilder(page.title());
    if (page.lead() != null) {
      text.append('\n').append(page.lead());
    }
    for (Block block : page.blocks()) {
      text.append('\n').append(block.text());
    }
    return text.toString();
  }

  /** Every cleaned text of the page, in order: what {@code content_hash} is taken over. */
  private static String contentText(SegmentedPage page) {
    StringBuilder text = new StringBuilder(pageText(page));
    text.append('\n').append(page.disclaimer() == null ? "" : page.disclaimer());
    for (RelatedSection section : page.related()) {
      text.append('\n').append(section.section()).append(' ').append(section.cardCount());
    }
    for (CardDraft card : page.cards()) {
      text.append('\n').append(card.title()).append('\n').append(card.snippet())
          .append('\n').append(card.category()).append(' ').append(card.published())
          .append(' ').append(card.hasThumbnail()).append(' ').append(card.url());
    }
    return text.toString();
  }
}
