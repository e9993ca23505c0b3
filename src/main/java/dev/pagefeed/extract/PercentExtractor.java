package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.PercentValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Percentages: {@code 72.2%}, {@code 72.2％}, {@code 70%-80%}, {@code 70-80%}, {@code 百分之七十},
 * {@code 七成}. A range is normalized {@code low..high}; a descending one is stored ascending with
 * flag {@code reversed_range}.
 */
public final class PercentExtractor implements Extractor {

  private static final String NUM = "\\d+(?:\\.\\d+)?";
  private static final String TO = "\\s*(?:-|~|～|至|到|—|–)\\s*";

  /** Ranges first, so that "70%-80%" is one span and not two. */
  static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\d.])(?:"
              + "(?<a1>" + NUM + ")\\s*%" + TO + "(?<a2>" + NUM + ")\\s*%"
              + "|(?<b1>" + NUM + ")" + TO + "(?<b2>" + NUM + ")\\s*%"
              + "|(?<c>" + NUM + ")\\s*%"
              + "|百分之(?<d1>" + Numbers.ANY + ")(?:" + TO + "百分之(?<d2>" + Numbers.ANY + "))?"
              + "|(?<e>[一二两三四五六七八九十])成(?!不变|员|本|立|功|绩|果|熟|型|长|都|为|了|就|语)"
              + ")");

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (s.indexOf('%') < 0 && !s.contains("百分之") && s.indexOf('成') < 0) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    Matcher m = PERCENT.matcher(s);
    while (m.find()) {
      Match match = toMatch(m);
      if (match != null) {
        out.add(match.withMod(Modifiers.forNumber(text.view(), m.start(), m.end())));
      }
    }
    return out;
  }

  private static Match toMatch(Matcher m) {
    if (m.group("c") != null) {
      return single(m, Numbers.parse(m.group("c")));
    }
    if (m.group("e") != null) {
      BigDecimal tenths = Numbers.parseChinese(m.group("e"));
      return tenths == null ? null : single(m, tenths.multiply(BigDecimal.TEN));
    }
    String lowText = firstNonNull(m.group("a1"), m.group("b1"), m.group("d1"));
    String highText = firstNonNull(m.group("a2"), m.group("b2"), m.group("d2"));
    BigDecimal low = Numbers.parse(lowText);
    if (low == null) {
      return null;
    }
    if (highText == null) {
      return single(m, low);
    }
    BigDecimal high = Numbers.parse(highText);
    if (high == null) {
      return null;
    }
    return range(m.start(), m.end(), low, high);
  }

  private static Match single(Matcher m, BigDecimal value) {
    if (value == null) {
      return null;
    }
    return Match.of(
        EntityKind.PERCENT, m.start(), m.end(), Numbers.format(value),
        new PercentValue(Numbers.canonical(value), null, null));
  }

  static Match range(int start, int end, BigDecimal a, BigDecimal b) {
    a = Numbers.canonical(a);
    b = Numbers.canonical(b);
    boolean reversed = a.compareTo(b) > 0;
    BigDecimal low = reversed ? b : a;
    BigDecimal high = reversed ? a : b;
    Match match =
        Match.of(
            EntityKind.PERCENT, start, end, Numbers.format(low) + ".." + Numbers.format(high),
            new PercentValue(null, low, high));
    return reversed ? match.withFlag(Flag.REVERSED_RANGE) : match;
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
