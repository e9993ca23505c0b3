package dev.pagefeed.extract;

import java.util.Map;
import java.util.TreeMap;

/** Non-overlapping spans, for checking a new span against thousands in logarithmic time. */
final class SpanSet {

  private final TreeMap<Integer, Match> byStart = new TreeMap<>();

  /** Whether {@code match} overlaps a span already added. */
  boolean overlaps(Match match) {
    return overlaps(match.start(), match.end());
  }

  /** Whether [start, end) overlaps a span already added. */
  boolean overlaps(int start, int end) {
    Map.Entry<Integer, Match> before = byStart.floorEntry(start);
    if (before != null && before.getValue().end() > start) {
      return true;
    }
    Map.Entry<Integer, Match> after = byStart.ceilingEntry(start);
    return after != null && after.getValue().start() < end;
  }

  /** Adds a span that overlaps none already added. */
  void add(Match match) {
    byStart.put(match.start(), match);
  }
}
