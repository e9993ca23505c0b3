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
 * Percentages: {@code 72.2%}, {@code 72.2％}, {@code 70%-80%}, {@code 70-80%}, {@code 百分之七十},
 * {@code 千分之一}, {@code 七成}, {@code 三成半}, {@code 2.5成}, discounts ({@code 九折} = 90,
 * {@code 九九折} = 99, {@code 对折} = 50) and percentage points ({@code 12个百分点}). Normalized to the
 * number in percent; a range is {@code low..high}, a descending one stored ascending with flag
 * {@code reversed_range}.
 */
public final class PercentExtractor implements Extractor {

  private static final String NUM = "\\d+(?:,\\d{3})*(?:\\.\\d+)?";
  private static final String TO = "\\s*(?:-|~|～|至|到|—|–)\\s*";
  private static final String CN_DIGIT = "[一二两三四五六七八九]";

  /** "N分之" fractions and what one of them is in percent. */
  static final Map<String, BigDecimal> PER_PARTS = Map.of(
      "百分之", BigDecimal.ONE,
      "千分之", new BigDecimal("0.1"),
      "万分之", new BigDecimal("0.01"),
      "百万分之", new BigDecimal("0.0001"),
      "千万分之", new BigDecimal("0.00001"));

  /** Words after 成 or 折 that make a different word: 一成不变, 成员, 折旧 … */
  static final String NOT_AFTER_TENTHS = "不变|员|本|立|功|绩|果|熟|型|长|都|为|了|就|语|旧|腾|叠|射|合|算|扣|价";

  private static final Anchors STARTS = new Anchors(Anchors.NUMERALS + "对", true);

  /** Verbs a discount follows: 打八折, 折扣一折, 享九折. */
  static final String DISCOUNT_VERBS = "打扣享给按";

  /** Ranges first, so that "70%-80%" is one span and not two. */
  static final Pattern PERCENT =
      Pattern.compile(
          "(?<![\\d.])(?:"
              + "(?<a1>" + NUM + ")\\s*%" + TO + "(?<a2>" + NUM + ")\\s*%"
              + "|(?<b1>" + NUM + ")" + TO + "(?<b2>" + NUM + ")\\s*%"
              + "|(?<c>" + NUM + ")\\s*%"
              + "|(?<per>百万分之|千万分之|百分之|千分之|万分之)(?<d1>" + NUM + "|" + Numbers.CHINESE + ")"
              + "(?:" + TO + "(?:百分之)?(?<d2>" + NUM + "|" + Numbers.CHINESE + "))?"
              + "|(?<points>" + NUM + "|" + Numbers.CHINESE + ")个百分点"
              + "|(?<tenths>" + NUM + "|" + CN_DIGIT + "(?:点" + CN_DIGIT + ")?|十)成(?<half>半)?(?!" + NOT_AFTER_TENTHS + ")"
              + "|(?<discount>" + NUM + "|" + CN_DIGIT + "{1,2}|" + CN_DIGIT + "点" + CN_DIGIT + "|对)折(?!" + NOT_AFTER_TENTHS + ")"
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
      return single(m.start(), m.end(), Numbers.parse(m.group("c")));
    }
    if (m.group("tenths") != null) {
      if (!ChineseNumeralContext.standsAlone(s, m.start(), m.group("tenths"))) {
        return null;
      }
      BigDecimal tenths = Numbers.parse(m.group("tenths"));
      if (tenths == null) {
        return null;
      }
      BigDecimal value = tenths.multiply(BigDecimal.TEN).add(m.group("half") != null ? BigDecimal.valueOf(5) : BigDecimal.ZERO);
      return single(m.start(), m.end(), value);
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
      return afterNumeral ? null : fraction(m);
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

  /** 九折 is 90%, 九九折 99%, 三八折 38%, 2.5折 25%, 对折 50%. */
  private static Match discount(String s, Matcher m) {
    String written = m.group("discount");
    boolean afterDiscountVerb = m.start() > 0 && DISCOUNT_VERBS.indexOf(s.charAt(m.start() - 1)) >= 0;
    if (!written.equals("对") && !afterDiscountVerb && !ChineseNumeralContext.standsAlone(s, m.start(), written)) {
      return null;
    }
    BigDecimal value;
    if (written.equals("对")) {
      value = BigDecimal.valueOf(50);
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
