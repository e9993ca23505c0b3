package dev.pagefeed.extract;

import java.util.regex.Matcher;

/**
 * The characters a pattern's match can start with, and a search that tries the pattern only at
 * those positions. {@code Matcher.find} tries every position, and a character class of many CJK
 * characters is slow to test there (a chain of one predicate per character); a table lookup per
 * position is not. Lookbehinds still see the text before a start (transparent bounds). Every
 * pattern searched this way must refuse to start right after an ASCII digit.
 */
final class Anchors {

  private final boolean[] table = new boolean[Character.MAX_VALUE + 1];

  /**
   * @param chars the characters a match may start with
   * @param digits whether ASCII digits may also start one
   */
  Anchors(String chars, boolean digits) {
    for (int i = 0; i < chars.length(); i++) {
      table[chars.charAt(i)] = true;
    }
    if (digits) {
      for (char c = '0'; c <= '9'; c++) {
        table[c] = true;
      }
    }
  }

  /** Every digit and Chinese numeral character (after the view's folding). */
  static final String NUMERALS = "零〇一二两三四五六七八九十百千万亿兆";

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A matcher set up for {@link #next}. */
  static Matcher matcher(java.util.regex.Pattern pattern, String s) {
    return pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
  }

  /**
   * Looks for a match starting at {@code from} or later, trying only anchor positions.
   *
   * @return whether one was found; {@code m} then holds it
   */
  boolean next(Matcher m, String s, int from) {
    // No pattern here starts right after a digit (each has a lookbehind saying so), so the inner
    // digits of a number are not tried.
    return search(m, s, from, false);
  }

  private boolean search(Matcher m, String s, int from, boolean afterDigits) {
    for (int i = from; i < s.length(); i++) {
      if (table[s.charAt(i)] && (afterDigits || i == 0 || !isDigit(s.charAt(i - 1)))) {
        m.region(i, s.length());
        if (m.lookingAt()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A matcher for a pattern that ends in {@code $}, searching only the last {@code chars}
   * characters of {@code s} (lookbehinds still see what is before): a plain {@code find} would
   * try the pattern at every position of the text.
   */
  static Matcher atEnd(java.util.regex.Pattern pattern, String s, int chars) {
    return pattern.matcher(s).useTransparentBounds(true).region(Math.max(0, s.length() - chars), s.length());
  }

  /** Whether {@code m} matches at any anchor position, right after a digit too. */
  boolean anywhere(Matcher m, String s) {
    return search(m, s, 0, true);
  }

  /**
   * Collects the matches of {@code m} that {@code toMatch} accepts and that overlap none in
   * {@code taken}: an accepted match continues the search after it, a rejected one a character on.
   */
  void collect(Matcher m, String s, java.util.function.Function<Matcher, Match> toMatch,
      java.util.List<Match> out, SpanSet taken) {
    int from = 0;
    while (from < s.length() && next(m, s, from)) {
      // A candidate on a span already taken needs no parsing.
      Match match = taken.overlaps(m.start(), m.end()) ? null : toMatch.apply(m);
      if (match == null || taken.overlaps(match)) {
        from = m.start() + 1;
        continue;
      }
      taken.add(match);
      out.add(match);
      from = match.end();
    }
  }
}
