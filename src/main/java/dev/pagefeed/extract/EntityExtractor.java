package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.RejectedInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one extractor per kind over a text and resolves overlaps in one place: kinds are taken
 * in {@link EntityKind} order (e-mail, URL, date, phone, percent, money, quantity), so a date is
 * never also a phone and a number inside a URL, e-mail or phone is never a quantity; within a
 * kind the earlier, then longer, span wins.
 */
public final class EntityExtractor {

  private final Map<EntityKind, Extractor> extractors;

  public EntityExtractor() {
    Map<EntityKind, Extractor> all = new EnumMap<>(EntityKind.class);
    all.put(EntityKind.EMAIL, new EmailExtractor());
    all.put(EntityKind.URL, new UrlExtractor());
    all.put(EntityKind.DATE, new DateExtractor());
    all.put(EntityKind.PHONE, new PhoneExtractor());
    all.put(EntityKind.PERCENT, new PercentExtractor());
    all.put(EntityKind.MONEY, new MoneyExtractor());
    all.put(EntityKind.QUANTITY, new QuantityExtractor());
    this.extractors = all;
  }

  /** The entities of a text, in text order, no two overlapping; spans index the original. */
  public List<Match> find(Text text) {
    try {
      return find(text, Budget.UNLIMITED);
    } catch (RejectedInputException e) {
      throw new IllegalStateException("an unlimited budget ran out", e);
    }
  }

  /**
   * The entities of a text, checking {@code budget} before each kind.
   *
   * @throws RejectedInputException of type timeout when the budget is spent
   */
  public List<Match> find(Text text, Budget budget) throws RejectedInputException {
    if (!hasDigitOrNumeral(text.view())) {
      return List.of();
    }
    List<Match> accepted = new ArrayList<>();
    SpanSet taken = new SpanSet();
    for (Extractor extractor : extractors.values()) {
      budget.check();
      List<Match> candidates = new ArrayList<>(extractor.find(text));
      candidates.sort(
          Comparator.comparingInt(Match::start).thenComparing(Comparator.comparingInt(Match::end).reversed()));
      for (Match found : candidates) {
        Match candidate = withoutEdgeSpaces(found, text.view());
        if (candidate != null && !taken.overlaps(candidate)) {
          taken.add(candidate);
          accepted.add(candidate);
        }
      }
    }
    accepted.sort(Comparator.comparingInt(Match::start));
    List<Match> mapped = new ArrayList<>(accepted.size());
    for (Match match : accepted) {
      mapped.add(match.withSpan(text.toOriginal(match.start()), text.toOriginalEnd(match.end())));
    }
    return mapped;
  }

  /**
   * The match without white space at its ends (a pattern's optional space before a unit that is not
   * there: "$174.70 for" is "$174.70"), or null when nothing is left.
   */
  static Match withoutEdgeSpaces(Match match, String view) {
    int start = match.start();
    int end = match.end();
    while (end > start && Character.isWhitespace(view.charAt(end - 1))) {
      end--;
    }
    while (start < end && Character.isWhitespace(view.charAt(start))) {
      start++;
    }
    if (start == end) {
      return null;
    }
    return start == match.start() && end == match.end() ? match : match.withSpan(start, end);
  }

  /** Besides digits, the characters one of the kinds needs: numerals, @, dots and {@code ://}, 对折 and 半折. */
  private static final String NEEDED = "〇零一二两三四五六七八九十百千万亿兆@.:对半";

  /** Every kind needs a digit, a Chinese numeral, an @, a dot, a colon or 对/半; some prose has none. */
  private static boolean hasDigitOrNumeral(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || NEEDED.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
