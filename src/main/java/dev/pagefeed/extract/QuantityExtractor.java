package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Mod;
import dev.pagefeed.model.QuantityValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities: a number with a 万/亿 magnitude, or with a unit of people, visits or measure
 * ({@code 13.26亿人}, {@code 900万人}, {@code 66,600多平方米}, {@code 3000人次}, {@code 九公里}).
 * Classifier counts ({@code 113个科室}, {@code 477位医生}), durations, scores, floors and street
 * numbers are not quantities. Normalized {@code <number> <unit>} with the magnitude applied.
 */
public final class QuantityExtractor implements Extractor {

  /** Units of people, visits and measure; longest first where they nest. */
  static final String UNITS =
      "人次|人口|人|例|户|平方公里|平方千米|平方米|立方米|公顷|亩|公里|千米|厘米|毫米|米|公斤|千克|毫克|克|吨|毫升|升";

  /** Words that start with 人 but are not people counted: 人民, 人员, 人士 … */
  static final String NOT_PEOPLE = "民|员|士|才|工|物|类|格|力|性|们|家|体|均|寿|身|生|间|心|事";

  static final Pattern QUANTITY =
      Pattern.compile(
          "(?<![\\d.])(?<!\\d,)(?<num>" + Numbers.ANY + ")(?<mag>万亿|千万|百万|十万|亿|万)?(?<infix>多|余)?"
              + "(?:(?<unit>" + UNITS + ")(?!" + NOT_PEOPLE + ")|(?<=[万亿])(?![元美欧港日英澳加韩泰卢块]))");

  private static final Anchors STARTS = new Anchors(Anchors.NUMERALS, true);

  /** Every quantity holds a unit's last character or a magnitude. */
  private static final String INDICATORS = UNITS.replace("|", "") + "万亿";

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (!Numbers.containsAny(s, INDICATORS)) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    STARTS.collect(Anchors.matcher(QUANTITY, s), s, m -> toMatch(text, m), out, new SpanSet());
    return out;
  }

  private static Match toMatch(Text text, Matcher m) {
    String s = text.view();
    String number = m.group("num");
    String unit = m.group("unit") == null ? "" : m.group("unit");
    String magnitude = m.group("mag");
    boolean arabic = number.charAt(0) >= '0' && number.charAt(0) <= '9';
    if (!ChineseNumeralContext.standsAlone(s, m.start("num"), number)) {
      return null;
    }
    if (!arabic && magnitude == null && (number.endsWith("万") || number.endsWith("亿"))) {
      magnitude = number.substring(number.length() - 1);
    }
    if (unit.isEmpty() && (!arabic || magnitude == null)) {
      return null; // a bare Chinese numeral with 万 is too often a word (千万, 万一)
    }
    BigDecimal value = Numbers.parse(number);
    if (value == null) {
      return null;
    }
    if (arabic || m.group("mag") != null) {
      value = value.multiply(Numbers.magnitude(m.group("mag")));
    }
    String normalized = unit.isEmpty() ? Numbers.format(value) : Numbers.format(value) + " " + unit;
    Match match =
        Match.of(EntityKind.QUANTITY, m.start(), m.end(), normalized,
            new QuantityValue(Numbers.canonical(value), unit, magnitude));
    Mod mod = m.group("infix") != null ? Mod.MORE_THAN : Modifiers.forNumber(s, m.start(), m.end());
    return match.withMod(mod);
  }
}
