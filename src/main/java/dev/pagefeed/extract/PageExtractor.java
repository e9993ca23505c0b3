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
import dev.pagefeed.model.RelatedSection;
import dev.pagefeed.model.SourceInfo;
import dev.pagefeed.segment.SegmentedPage;
import dev.pagefeed.segment.SegmentedPage.CardDraft;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a segmented page into its records: ids and content hash, and the entities of every text
 * block (title, lead, article blocks, disclaimer, card titles and snippets) with code-point
 * offsets, section paths, context sentences and the area-code check.
 */
public final class PageExtractor {

  /** The longest context sentence kept, in code points. */
  static final int MAX_CONTEXT = 200;

  /** What ends a sentence for the context field. */
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?；;\\n]");

  private final EntityExtractor extractor = new EntityExtractor();

  /** The page, card and entity records of one segmented page. */
  public PageRecords extract(SourceInfo source, SegmentedPage segmented) {
    String firstBlock =
        segmented.blocks().isEmpty() ? segmented.lead() : segmented.blocks().get(0).text();
    String pageId = Ids.pageId(segmented.url(), segmented.title(), firstBlock);

    List<Entity> entities = new ArrayList<>();
    String pageContext = pageText(segmented);
    addEntities(entities, pageId, null, "title", List.of(), segmented.title(), false, pageContext);
    if (segmented.lead() != null) {
      addEntities(entities, pageId, null, "lead", List.of(), segmented.lead(), false, pageContext);
    }
    for (Block block : segmented.blocks()) {
      addEntities(entities, pageId, null, "article:" + block.index(), block.sectionPath(),
          block.text(), false, pageContext);
    }
    if (segmented.disclaimer() != null) {
      addEntities(entities, pageId, null, "disclaimer", List.of(), segmented.disclaimer(), false,
          pageContext);
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
          cardContext);
      addEntities(entities, pageId, cardId, prefix + "snippet", List.of(), draft.snippet(),
          draft.snippetTruncated(), cardContext);
    }

    Map<EntityKind, Integer> counts = new EnumMap<>(EntityKind.class);
    for (Entity entity : entities) {
      counts.merge(entity.kind(), 1, Integer::sum);
    }
    Page page =
        new Page(pageId, Ids.sha256(contentText(segmented)), source, segmented.title(),
            segmented.url(), segmented.published(), segmented.lead(), segmented.blocks(),
            segmented.disclaimer(), segmented.related(),
            new Page.Counts(segmented.blocks().size(), cards.size(), counts),
            segmented.warnings());
    return new PageRecords(page, cards, entities);
  }

  private void addEntities(List<Entity> out, String pageId, String cardId, String block,
      List<String> sectionPath, String text, boolean truncated, String placeContext) {
    if (text == null || text.isEmpty()) {
      return;
    }
    for (Match match : extractor.find(Text.of(text, truncated))) {
      Match checked = match;
      if (match.value() instanceof PhoneValue phone
          && PlaceNames.disagrees(phone.region(), placeContext)) {
        checked = match.withFlag(Flag.AREA_CODE_MISMATCH);
      }
      int start = text.codePointCount(0, checked.start());
      int end = start + text.codePointCount(checked.start(), checked.end());
      out.add(new Entity(
          Ids.entityId(pageId, block, start, checked.kind()), pageId, cardId, block, sectionPath,
          checked.kind(), text.substring(checked.start(), checked.end()), start, end,
          checked.normalized(), checked.value(), checked.mod(),
          checked.flags().stream().sorted().toList(), context(text, checked.start(), checked.end())));
    }
  }

  /** The sentence holding [start, end), cut to {@link #MAX_CONTEXT} code points around it. */
  public static String context(String text, int start, int end) {
    int from = 0;
    var before = SENTENCE_END.matcher(text).region(0, start);
    while (before.find()) {
      from = before.end();
    }
    var after = SENTENCE_END.matcher(text).region(end, text.length());
    int to = after.find() ? after.end() : text.length();
    String sentence = text.substring(from, to).strip();
    if (sentence.codePointCount(0, sentence.length()) <= MAX_CONTEXT) {
      return sentence;
    }
    int spanFrom = start - from;
    int spanCodePoints = text.codePointCount(start, end);
    int keepBefore = Math.max(0, (MAX_CONTEXT - spanCodePoints) / 2);
    int first = Math.max(0, sentence.codePointCount(0, Math.min(spanFrom, sentence.length())) - keepBefore);
    int length = sentence.codePointCount(0, sentence.length());
    first = Math.min(first, length - MAX_CONTEXT);
    int a = sentence.offsetByCodePoints(0, first);
    return sentence.substring(a, sentence.offsetByCodePoints(a, MAX_CONTEXT));
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
