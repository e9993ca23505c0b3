package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.PercentValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Percentages: {@code 72.2%}, {@code 72.2％}, negatives ({@code 负2.5%}, {@code -2%}), {@code
 * 70%-80%}, {@code 70-80%}, {@code 百分之七十}, {@code 千分之一}, {@code 万万分之三}, tenths ({@code 七成},
 * {@code 三成半}, {@code 八成五}, {@code 半成}, {@code 2.5成}), discounts ({@code 九折} = 90, {@code 九九折} =
 * 99, {@code 八五折} = {@code 85折} = {@code 8.5折} = 85, {@code 对折} = {@code 半折} = 50) and percentage
 * points ({@code 12个百分点}); traditional characters ({@code 百分點}, {@code 對折}) are folded first. Normalized to the
 * number in percent; a range is {@code low..high}, a descending one stored ascending with flag
 * {@code reversed_range}.
 */
public final class PercentExtractor implements Extractor {

  private static final String NUM = "\\d+(?:,\\d{3})*(?:\\.\\d+)?";
  private static final String TO = "\\s*(?:-|~|～|至|到|—|–)\\s*";
  private static final String CN_DIGIT = "[一二两三四五六七八九]";

  /** "N分之" fractions and what one of them is in percent. */
  static final Map<String, BigDecimal> PER_PARTS = Map.of(
      "十分之", BigDecimal.TEN,
      "百分之", BigDecimal.ONE,
      "千分之", new BigDecimal("0.1"),
      "万分之", new BigDecimal("0.01"),
      "十万分之", new BigDecimal("0.001"),
      "百万分之", new BigDecimal("0.0001"),
      "千万分之", new BigDecimal("0.00001"),
      "亿分之", new BigDecimal("0.000001"),
      "万万分之", new BigDecimal("0.000001"));

  /** The fractions' words, longest first: an alternation built from the data. */
  private static final String PER_ALTERNATION = PER_PARTS.keySet().stream()
      .sorted(java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()))
      .collect(java.util.stream.Collectors.joining("|"));

  /** A minus before a percentage: 负2.5%, -2%, −2%. */
  private static final String SIGN = "(?<sign>负|-|−)?";

  /** Words after 成 or 折 that make a different word: 一成不变, 成员, 折旧 … */
  static final String NOT_AFTER_TENTHS = "不变|员|本|立|功|绩|果|熟|型|长|都|为|了|就|语|旧|腾|叠|射|合|算|扣|价|品";

  private static final Anchors STARTS = new Anchors(Anchors.NUMERALS + "对半负-−", true);

  /** Verbs a discount follows: 打八折, 折扣一折, 享九折. */
  static final String DISCOUNT_VERBS = "打扣享给按";

  /** Ranges first, so that "70%-80%" is one span and not two. */
  static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\d.])(?:"
              + "(?<a1>" + NUM + ")\\s*%" + TO + "(?<a2>" + NUM + ")\\s*%"
              + "|(?<b1>" + NUM + ")" + TO + "(?<b2>" + NUM + ")\\s*%"
              + "|" + SIGN + "(?<c>" + NUM + ")\\s*%"
              + "|(?<nper>负)?(?<per>" + PER_ALTERNATION + ")(?<d1>" + NUM + "|" + Numbers.CHINESE + ")"
              + "(?:" + TO + "(?:百分之)?(?<d2>" + NUM + "|" + Numbers.CHINESE + "))?"
              + "|(?<points>" + NUM + "|" + Numbers.CHINESE + ")个百分点"
              + "|(?<tenths>" + NUM + "|" + CN_DIGIT + "(?:点" + CN_DIGIT + ")?|十|半)成(?:(?<half>半)|(?<tenth>" + CN_DIGIT + "))?(?!" + NOT_AFTER_TENTHS + ")"
              + "|(?<discount>" + NUM + "|" + CN_DIGIT + "{1,2}|" + CN_DIGIT + "点" + CN_DIGIT + "|对|半)折(?!" + NOT_AFTER_TENTHS + ")"
              + ")");

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (s.indexOf('%') < 0 && s.indexOf('分') < 0 && s.indexOf('成') < 0 && s.indexOf('折') < 0) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    STARTS.collect(Anchors.matcher(PERCENT, s), s, m -> withMod(s, toMatch(s, m)), out, new SpanSet());
    return out;
  }

  private static Match withMod(String s, Match match) {
    return match == null ? null : match.withMod(Modifiers.forNumber(s, match.start(), match.end()));
  }

  private static Match toMatch(String s, Matcher m) {
    if (m.group("c") != null) {
      BigDecimal value = Numbers.parse(m.group("c"));
      return single(m.start(), m.end(), value != null && m.group("sign") != null ? value.negate() : value);
    }
    if (m.group("tenths") != null) {
      if (!m.group("tenths").equals("半") && !ChineseNumeralContext.standsAlone(s, m.start(), m.group("tenths"))) {
        return null;
      }
      // 七成 70, 三成半 35, 八成五 85, 半成 5, 2.5成 25.
      BigDecimal tenths = m.group("tenths").equals("半") ? new BigDecimal("0.5") : Numbers.parse(m.group("tenths"));
      if (tenths == null) {
        return null;
      }
      BigDecimal extra = m.group("half") != null ? BigDecimal.valueOf(5)
          : m.group("tenth") != null ? Numbers.parse(m.group("tenth")) : BigDecimal.ZERO;
      return single(m.start(), m.end(), tenths.multiply(BigDecimal.TEN).add(extra));
    }
    if (m.group("discount") != null) {
      return discount(s, m);
    }
    if (m.group("points") != null) {
      if (!ChineseNumeralContext.standsAlone(s, m.start(), m.group("points"))) {
        return null;
      }
      return single(m.start(), m.end(), Numbers.parse(m.group("points")));
    }
    if (m.group("per") != null) {
      boolean afterNumeral = m.start() > 0 && ChineseNumeralContext.NUMERALS.indexOf(s.charAt(m.start() - 1)) >= 0;
      Match fraction = afterNumeral ? null : fraction(m);
      return fraction == null || m.group("nper") == null ? fraction : negated(fraction);
    }
    String lowText = m.group("a1") != null ? m.group("a1") : m.group("b1");
    String highText = m.group("a2") != null ? m.group("a2") : m.group("b2");
    BigDecimal low = Numbers.parse(lowText);
    BigDecimal high = Numbers.parse(highText);
    return low == null || high == null ? null : range(m.start(), m.end(), low, high);
  }

  /** 百分之七十, 千分之一, 百分之七十到八十; a Chinese number is cut to its valid start ("百分之七十百分位"). */
  private static Match fraction(Matcher m) {
    BigDecimal unit = PER_PARTS.get(m.group("per"));
    String first = m.group("d1");
    int end = m.end();
    BigDecimal low = Numbers.parse(first);
    if (low == null) {
      int valid = Numbers.chinesePrefix(first);
      if (valid == 0) {
        return null;
      }
      low = Numbers.parse(first.substring(0, valid));
      end = m.start("d1") + valid;
    } else if (m.group("d2") != null) {
      BigDecimal high = Numbers.parse(m.group("d2"));
      if (high != null) {
        return range(m.start(), m.end(), low.multiply(unit), high.multiply(unit));
      }
      end = m.end("d1");
    } else {
      end = m.end("d1");
    }
    return single(m.start(), end, low.multiply(unit));
  }

  /** A single percentage below zero: 负百分之二 is -2. */
  private static Match negated(Match match) {
    PercentValue value = (PercentValue) match.value();
    if (value.value() == null) {
      return match; // a range keeps its ends as written
    }
    return single(match.start(), match.end(), value.value().negate());
  }

  /** 九折 is 90%, 九九折 99%, 八五折 and 85折 85%, 8.5折 85%, 对折 and 半折 50%. */
  private static Match discount(String s, Matcher m) {
    String written = m.group("discount");
    boolean afterDiscountVerb = m.start() > 0 && DISCOUNT_VERBS.indexOf(s.charAt(m.start() - 1)) >= 0;
    boolean half = written.equals("对") || written.equals("半");
    if (!half && !afterDiscountVerb && !ChineseNumeralContext.standsAlone(s, m.start(), written)) {
      return null;
    }
    BigDecimal value;
    if (half) {
      value = BigDecimal.valueOf(50);
    } else if (written.matches("[1-9]\\d")) {
      value = new BigDecimal(written); // 85折: two digits are the percentage itself
    } else if (written.length() == 2 && Character.isIdeographic(written.charAt(1))
        && written.charAt(1) != '点') {
      value = new BigDecimal(Numbers.parse(written.substring(0, 1)) + "" + Numbers.parse(written.substring(1)));
    } else {
      BigDecimal tenths = Numbers.parse(written);
      if (tenths == null) {
        return null;
      }
      value = tenths.multiply(BigDecimal.TEN);
    }
    return single(m.start(), m.end(), value);
  }

  private static Match single(int start, int end, BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal canonical = Numbers.canonical(value.round(MathContext.DECIMAL64));
    return Match.of(EntityKind.PERCENT, start, end, Numbers.format(canonical),
        new PercentValue(canonical, null, null));
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
}
