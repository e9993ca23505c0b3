package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.MoneyValue;
import dev.pagefeed.model.Mod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money: {@code 1200元}, {@code 300-450元}, {@code 400元/年}, {@code 1.5万元},
 * {@code ￥120}, {@code 每人每年380元}, {@code 100美元}, {@code 一百二十到一百五十万元}, {@code 10~15k元}.
 * Normalized {@code <ISO 4217> <amount>} or {@code <code> <low>..<high>}, then the rate units.
 */
public final class MoneyExtractor implements Extractor {

  private static final String TO = "\\s*(?:-|~|～|至|到|—|–)\\s*";

  static final Pattern MONEY =
      Pattern.compile(
          "(?<![\\d.])(?<!\\d,)(?:(?<sign>" + Currencies.alternation(Currencies.SIGNS) + ")\\s*)?"
              + "(?<low>" + Numbers.ANY + ")(?:" + TO + "(?<high>" + Numbers.ANY + "))?"
              + "\\s*(?<mag>万亿|千万|百万|十万|亿|万|千|k|K)?(?<infix>多|余)?"
              + "(?<cur>" + Currencies.alternation(Currencies.WORDS) + ")?"
              + "(?:/(?<per>人次|年|月|日|天|人|次))?");

  /** Rate words written before the amount: "每人每年380元". */
  static final Pattern PER_PREFIX = Pattern.compile("(?:每(?:人|年|月|日|天|次|户))+$");

  /** Rate units by the word that states them. */
  static final Map<String, String> PER_UNITS =
      Map.of("人", "person", "年", "year", "月", "month", "日", "day", "天", "day", "次", "visit",
          "人次", "visit", "户", "household");

  /** Words that make a bare number at the cut of a truncated text an amount of money. */
  static final Pattern AMOUNT_CUE = Pattern.compile("(?:金额|费用|缴费|缴纳|价格|收费|费|补助|报销)[^，,。；;]{0,6}$");

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    List<Match> out = new ArrayList<>();
    Matcher m = MONEY.matcher(s);
    while (m.find()) {
      if (m.group("sign") == null && m.group("cur") == null) {
        if (m.end() == s.length() && text.cutAt(m.end()) && isArabic(m.group("low"))
            && AMOUNT_CUE.matcher(s.substring(Math.max(0, m.start() - 12), m.start())).find()) {
          out.add(cutAmount(text, m));
        }
        continue;
      }
      Match match = toMatch(text, m);
      if (match != null) {
        out.add(match);
      }
    }
    return out;
  }

  private static Match toMatch(Text text, Matcher m) {
    String s = text.view();
    // "两到三仟澳元": a numeral that opens a range is a number whatever stands before it.
    if (m.group("high") == null && !ChineseNumeralContext.standsAlone(s, m.start("low"), m.group("low"))) {
      return null;
    }
    String currency =
        m.group("cur") != null
            ? Currencies.WORDS.get(m.group("cur"))
            : Currencies.SIGNS.get(m.group("sign"));
    if (m.group("sign") != null && m.group("cur") != null
        && !Currencies.SIGNS.get(m.group("sign")).equals(currency)) {
      return null;
    }
    BigDecimal high = m.group("high") == null ? null : Numbers.parse(m.group("high"));
    BigDecimal low = Numbers.parse(m.group("low"));
    if (low == null || (m.group("high") != null && high == null)) {
      return null;
    }
    if (high != null) {
      low = low.multiply(sharedUnit(m.group("low"), m.group("high")));
    }
    BigDecimal magnitude = Numbers.magnitude(m.group("mag"));
    low = Numbers.canonical(low.multiply(magnitude));
    high = high == null ? null : Numbers.canonical(high.multiply(magnitude));

    List<String> per = new ArrayList<>();
    int start = m.start();
    Matcher before = PER_PREFIX.matcher(s.substring(0, start));
    int modStart = Modifiers.prefixStart(s, start);
    Matcher beforeMod = PER_PREFIX.matcher(s.substring(0, modStart));
    if (before.find()) {
      start = before.start();
      addPerUnits(before.group(), per);
    } else if (modStart < start && beforeMod.find()) {
      addPerUnits(beforeMod.group(), per);
    }
    if (m.group("per") != null) {
      per.add(PER_UNITS.get(m.group("per")));
    }
    StringBuilder normalized = new StringBuilder(currency).append(' ');
    normalized.append(Numbers.format(low));
    if (high != null) {
      normalized.append("..").append(Numbers.format(high));
    }
    for (String unit : per) {
      normalized.append('/').append(unit);
    }
    MoneyValue value =
        high == null
            ? new MoneyValue(low, null, null, currency, per)
            : new MoneyValue(null, low, high, currency, per);
    Match match = Match.of(EntityKind.MONEY, start, m.end(), normalized.toString(), value);
    Mod mod = m.group("infix") != null ? Mod.MORE_THAN : Modifiers.forNumber(s, m.start(), m.end());
    return match.withMod(mod);
  }

  /**
   * The unit a range's low end shares with its high end: in "两到三仟" and "一百二十到一百五十万"
   * the 仟 and 万 written once apply to both ends.
   */
  static BigDecimal sharedUnit(String low, String high) {
    BigDecimal lowValue = Numbers.parse(low);
    BigDecimal highValue = Numbers.parse(high);
    if (isArabic(low) || isArabic(high) || lowValue == null || highValue == null) {
      return BigDecimal.ONE;
    }
    for (String unit : new String[] {"亿", "万", "仟", "千", "佰", "百", "拾", "十"}) {
      if (high.endsWith(unit) && !low.endsWith(unit)) {
        BigDecimal factor = Numbers.magnitude(unit);
        return lowValue.multiply(factor).compareTo(highValue) <= 0 ? factor : BigDecimal.ONE;
      }
    }
    return BigDecimal.ONE;
  }

  private static void addPerUnits(String words, List<String> per) {
    for (int i = 1; i < words.length(); i += 2) {
      per.add(PER_UNITS.get(String.valueOf(words.charAt(i))));
    }
  }

  /** A bare number at the cut whose words make it an amount ("金额约为4214"): unit lost. */
  private static Match cutAmount(Text text, Matcher m) {
    Match match = Match.of(EntityKind.MONEY, m.start(), m.end(), null, null);
    return match.withMod(Modifiers.forNumber(text.view(), m.start(), m.end())).truncated();
  }

  private static boolean isArabic(String number) {
    return !number.isEmpty() && number.charAt(0) >= '0' && number.charAt(0) <= '9';
  }
}
