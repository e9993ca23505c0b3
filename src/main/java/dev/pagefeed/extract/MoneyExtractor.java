package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Mod;
import dev.pagefeed.model.MoneyValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money: {@code 1200元}, {@code 300-450元}, {@code 400元/年}, {@code 1.5万元},
 * {@code ￥120}, {@code 每人每年380元}, {@code 100美元}, {@code 港币2960元}, {@code 8亿元人民币},
 * {@code 一百二十到一百五十万元}, {@code 四五千块钱}, {@code 10~15k元}, {@code 50元6角三分}, sub-units
 * alone or in ranges ({@code 8角}, {@code 三毛五}, {@code 三块二到三块五毛}), each range end with its
 * own magnitude ({@code 2万-3万元}), approximate amounts as ranges ({@code 二十几元}, {@code 几十万块},
 * {@code 数十亿元}).
 * Normalized {@code <ISO 4217> <amount>} or {@code <code> <low>..<high>}, then the rate units.
 */
public final class MoneyExtractor implements Extractor {

  private static final String TO = "\\s*(?:-|~|～|至|到|—{1,2}|–)\\s*";
  private static final String MAGNITUDES = "千万亿|万亿|千亿|百亿|十亿|千万|百万|十万|亿|万|千|百|兆|k|K";

  /** The amount and what follows it; {@code %s} is where the currency word's quantifier goes. */
  private static final String BODY =
      "(?:(?<adj>[一二三四五六七八九]{2})(?<adjunit>[十百千万])"
          + "|(?<few>[数几])(?<fewunit>[十百千万])"
          + "|(?<tens>[一二三四五六七八九]?十)几"
          + "|(?<low>" + Numbers.ANY + ")(?:(?<lowmag>" + MAGNITUDES + ")?" + TO + "(?<high>" + Numbers.ANY + "))?)"
          + "\\s*(?<mag>" + MAGNITUDES + ")?(?<infix>多|余)?"
          + "(?<cur>" + Currencies.alternation(Currencies.WORDS) + ")%s"
          + "(?<after>" + Currencies.namedPrefixes() + ")?"
          + "(?:(?:又|零)?(?<jiao>\\d|[一二两三四五六七八九])[角毛])?"
          + "(?:(?:又|零)?(?<fen>\\d|[一二两三四五六七八九])美?分(?!钟|之|期|别|类|数|析|配|布))?"
          + "(?<whole>整)?"
          + "(?:/(?<per>人次|年|月|日|天|人|次))?";

  /**
   * An amount followed by its currency word ("1200元", "100美元"). The currency is required, so
   * that the many Chinese numerals of ordinary prose fail fast.
   */
  static final Pattern AMOUNT =
      Pattern.compile("(?<![\\d.])(?<!\\d,)" + BODY.formatted(""));

  /** 两个亿, 三个亿元: a count of 亿 is money (yuan) even without the word for it. */
  static final Pattern HUNDRED_MILLIONS =
      Pattern.compile("(?<![\\d.])(?<count>\\d+|[一二两三四五六七八九十]{1,3})个亿(?<yuan>元|人民币)?");

  /** An amount after a sign or currency name ("￥120", "港币2960元"); its currency word is optional. */
  static final Pattern SIGNED =
      Pattern.compile("(?<![\\dA-Za-z])(?<sign>" + Currencies.alternation(Currencies.SIGNS) + "|"
          + Currencies.namedPrefixes() + ")\\s*" + BODY.formatted("?"));

  /** A digit of a sub-unit: 角 (毛) and 分 are counted one digit at a time. */
  private static final String SUB_DIGIT = "(?:\\d|[一二两三四五六七八九])";

  /**
   * An amount written with yuan's sub-units, {@code %s} naming its groups: 三块二 (3.2), 十块三毛
   * (10.3), 六元七角 (6.7), 50元6角三分 (50.63), 8角 (0.8), 三毛五 (0.35).
   */
  private static final String SUB_AMOUNT =
      "(?:(?<y%1$s>" + Numbers.ANY + ")[元块圆](?<j%1$s>" + SUB_DIGIT + ")[角毛]?(?:(?<f%1$s>" + SUB_DIGIT + ")分)?"
          + "|(?<k%1$s>" + SUB_DIGIT + ")[角毛](?:(?<g%1$s>" + SUB_DIGIT + ")分?)?)";

  /** Sub-unit amounts, alone or as a range whose ends each carry their own: 5角到6角, 三块二到三块五毛. */
  static final Pattern SUBUNITS =
      Pattern.compile("(?<![\\d.])" + SUB_AMOUNT.formatted("1") + "(?:" + TO + SUB_AMOUNT.formatted("2") + ")?"
          + "钱?(?![\\d零〇十百千万亿角毛分])");

  private static final Anchors AMOUNT_STARTS = new Anchors(Anchors.NUMERALS + "几数", true);
  private static final Anchors SIGNED_STARTS = new Anchors(Currencies.signStarts(), false);

  /** A bare number at the end of a truncated text: an amount if words before it say so. */
  static final Pattern CUT_NUMBER = Pattern.compile("(?<![\\d.,])\\d+(?:\\.\\d+)?$");

  /** How many digits and points end {@code s}: all that {@link #CUT_NUMBER} can match. */
  private static int trailingNumberLength(String s) {
    int start = s.length();
    while (start > 0 && (Character.isDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '.')) {
      start--;
    }
    return s.length() - start;
  }

  /** Rate words written before the amount: "每人每年380元". */
  static final Pattern PER_PREFIX = Pattern.compile("(?:每(?:人|年|月|日|天|次|户))+$");

  /** How far back (chars) rate words are looked for: four of them ("每人每年每月每次"). */
  static final int PER_REACH = 8;

  /** Rate units by the word that states them. */
  static final Map<String, String> PER_UNITS =
      Map.of("人", "person", "年", "year", "月", "month", "日", "day", "天", "day", "次", "visit",
          "人次", "visit", "户", "household");

  /** Words that make a bare number at the cut of a truncated text an amount of money. */
  static final Pattern AMOUNT_CUE = Pattern.compile("(?:金额|费用|缴费|缴纳|价格|收费|费|补助|报销)[^，,。；;]{0,6}$");

  /** A bare 块 counts as money only before 钱 or a sub-unit ("十块三毛"), or at a clause end. */
  static final Pattern BARE_KUAI_END = Pattern.compile("[毛角钱，,。；;！!？?\\s)）]|$");

  /** Every amount with a currency holds one of these; a text with none skips both patterns. */
  private static final String INDICATORS = Currencies.indicators();

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    List<Match> out = new ArrayList<>();
    SpanSet taken = new SpanSet();
    if (Numbers.containsAny(s, "角毛块元圆")) {
      // First: "三块二到三块五毛" is one range, not "二到三块" and a stray "五毛".
      AMOUNT_STARTS.collect(Anchors.matcher(SUBUNITS, s), s, m -> subunitMatch(s, m), out, taken);
    }
    if (Numbers.containsAny(s, INDICATORS)) {
      SIGNED_STARTS.collect(Anchors.matcher(SIGNED, s), s, m -> toMatch(s, m, true), out, taken);
      AMOUNT_STARTS.collect(Anchors.matcher(AMOUNT, s), s, m -> toMatch(s, m, false), out, taken);
    }
    if (s.contains("个亿")) {
      AMOUNT_STARTS.collect(Anchors.matcher(HUNDRED_MILLIONS, s), s, m -> hundredMillions(s, m), out, taken);
    }
    if (text.truncated()) {
      Matcher cut = Anchors.atEnd(CUT_NUMBER, s, trailingNumberLength(s));
      if (cut.find() && AMOUNT_CUE.matcher(s.substring(Math.max(0, cut.start() - 12), cut.start())).find()) {
        Match amount = cutAmount(s, cut);
        if (!taken.overlaps(amount)) {
          out.add(amount);
        }
      }
    }
    out.sort(java.util.Comparator.comparingInt(Match::start));
    return out;
  }

  /**
   * An amount matched by {@link #SIGNED} ({@code signed}: its sign or currency name before it) or
   * by {@link #AMOUNT}.
   */
  private static Match toMatch(String s, Matcher m, boolean signed) {
    String cur = m.group("cur");
    String sign = signed ? m.group("sign") : null;
    boolean generic = cur == null || Currencies.GENERIC.contains(cur);
    String currency;
    if (m.group("after") != null && cur != null && generic) {
      currency = Currencies.WORDS.get(m.group("after")); // "8亿元人民币", "三万元欧元"
    } else if (!generic) {
      currency = Currencies.WORDS.get(cur);
    } else if (sign != null) {
      currency = Currencies.SIGNS.containsKey(sign) ? Currencies.SIGNS.get(sign) : Currencies.WORDS.get(sign);
    } else {
      currency = Currencies.WORDS.get(cur);
    }
    boolean subunits = m.group("jiao") != null || m.group("fen") != null;
    if ("块".equals(cur) && !subunits && !BARE_KUAI_END.matcher(s).region(m.end("cur"), s.length()).lookingAt()) {
      return null; // "2块肥皂" counts soap, not yuan
    }
    boolean approximate = m.group("adj") != null || m.group("few") != null || m.group("tens") != null;
    int numberStart = approximate ? m.start() : m.start("low");
    String number = approximate ? "" : m.group("low");
    boolean named = !generic || sign != null || subunits;
    if (!named && m.group("high") == null && !approximate
        && !ChineseNumeralContext.standsAlone(s, numberStart, number)) {
      return null; // "统一元旦" holds "一元" but no amount
    }

    BigDecimal low;
    BigDecimal high = null;
    BigDecimal magnitude = Numbers.magnitude(m.group("mag"));
    if (m.group("adj") != null) {
      // 四五千: two neighbouring digits before one unit are a range, 4000..5000.
      BigDecimal unit = Numbers.magnitude(m.group("adjunit"));
      low = Numbers.parse(m.group("adj").substring(0, 1)).multiply(unit);
      high = Numbers.parse(m.group("adj").substring(1)).multiply(unit);
    } else if (m.group("few") != null) {
      // 几十万, 数百万, 数十亿: some tens (hundreds…) of the unit, one to ten of them.
      BigDecimal unit = Numbers.magnitude(m.group("fewunit"));
      low = unit;
      high = unit.multiply(BigDecimal.TEN);
    } else if (m.group("tens") != null) {
      // 二十几, 十几: the tens and some units more, 20..30.
      low = Numbers.parse(m.group("tens"));
      high = low.add(BigDecimal.TEN);
    } else {
      low = Numbers.parse(m.group("low"));
      if (m.group("high") != null) {
        high = Numbers.parse(m.group("high"));
        if (high == null) {
          return null;
        }
      }
      if (low == null) {
        return null;
      }
      if (high != null) {
        low = low.multiply(sharedUnit(m.group("low"), m.group("high")));
      }
    }
    if (high != null && m.group("lowmag") != null) {
      // Each end with its own magnitude: 2万-3万元, 3万至8.5万元.
      low = low.multiply(Numbers.magnitude(m.group("lowmag")));
    } else if (high == null || approximate || low.compareTo(high) <= 0) {
      // The low end borrows the high end's magnitude when it has none of its own (2-3万元 is
      // 20000..30000), unless borrowing would put it above the high end: 6000到2万 is
      // 6000..20000, not 6000万..2万.
      low = low.multiply(magnitude);
    }
    low = Numbers.canonical(low);
    high = high == null ? null : Numbers.canonical(high.multiply(magnitude));
    boolean reversed = high != null && low.compareTo(high) > 0;
    if (reversed) {
      BigDecimal swap = low;
      low = high;
      high = swap;
    }
    if (high == null) {
      low = Numbers.canonical(low.add(subunit(m.group("jiao"), "0.1")).add(subunit(m.group("fen"), "0.01")));
    }

    List<String> per = new ArrayList<>();
    int start = m.start();
    Matcher before = PER_PREFIX.matcher(s.substring(Math.max(0, start - PER_REACH), start));
    int modStart = Modifiers.prefixStart(s, start);
    Matcher beforeMod = PER_PREFIX.matcher(s.substring(Math.max(0, modStart - PER_REACH), modStart));
    if (before.find()) {
      start -= before.group().length();
      addPerUnits(before.group(), per);
    } else if (modStart < start && beforeMod.find()) {
      addPerUnits(beforeMod.group(), per);
    }
    if (m.group("per") != null) {
      per.add(PER_UNITS.get(m.group("per")));
    }
    // An amount in a currency pagefeed cannot name is normalized without a code: "300".
    StringBuilder normalized = new StringBuilder(currency == null ? "" : currency + " ").append(Numbers.format(low));
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
    match = match.withMod(mod);
    return reversed ? match.withFlag(Flag.REVERSED_RANGE) : match;
  }

  /** 两个亿: CNY 200000000. */
  private static Match hundredMillions(String s, Matcher m) {
    BigDecimal count = Numbers.parse(m.group("count"));
    // "个亿" is specific enough that only an ordinal or a longer numeral run before it says otherwise.
    char before = m.start() == 0 ? ' ' : s.charAt(m.start() - 1);
    if (count == null || before == '第' || ChineseNumeralContext.NUMERALS.indexOf(before) >= 0) {
      return null;
    }
    BigDecimal amount = Numbers.canonical(count.multiply(Numbers.magnitude("亿")));
    return Match.of(EntityKind.MONEY, m.start(), m.end(), "CNY " + Numbers.format(amount),
        new MoneyValue(amount, null, null, "CNY", List.of())).withMod(Modifiers.forNumber(s, m.start(), m.end()));
  }

  /** A sub-unit amount or range (see {@link #SUBUNITS}), in yuan. */
  private static Match subunitMatch(String s, Matcher m) {
    BigDecimal low = subunitAmount(m, "1");
    BigDecimal high = m.group("j2") != null || m.group("k2") != null ? subunitAmount(m, "2") : null;
    if (low == null || (high == null && (m.group("j2") != null || m.group("k2") != null))) {
      return null;
    }
    String normalized = "CNY " + Numbers.format(low);
    MoneyValue value = new MoneyValue(low, null, null, "CNY", List.of());
    boolean reversed = false;
    if (high != null) {
      reversed = low.compareTo(high) > 0;
      BigDecimal a = reversed ? high : low;
      BigDecimal b = reversed ? low : high;
      normalized = "CNY " + Numbers.format(a) + ".." + Numbers.format(b);
      value = new MoneyValue(null, a, b, "CNY", List.of());
    }
    Match match = Match.of(EntityKind.MONEY, m.start(), m.end(), normalized, value)
        .withMod(Modifiers.forNumber(s, m.start(), m.end()));
    return reversed ? match.withFlag(Flag.REVERSED_RANGE) : match;
  }

  /** One end of a sub-unit amount: yuan, then 角 (a tenth) and 分 (a hundredth). */
  private static BigDecimal subunitAmount(Matcher m, String end) {
    String yuan = m.group("y" + end);
    BigDecimal whole = yuan == null ? BigDecimal.ZERO : Numbers.parse(yuan);
    if (whole == null) {
      return null;
    }
    String jiao = yuan == null ? m.group("k" + end) : m.group("j" + end);
    String fen = yuan == null ? m.group("g" + end) : m.group("f" + end);
    return Numbers.canonical(whole.add(subunit(jiao, "0.1")).add(subunit(fen, "0.01")));
  }

  private static BigDecimal subunit(String digit, String worth) {
    if (digit == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal value = Numbers.parse(digit);
    return value == null ? BigDecimal.ZERO : value.multiply(new BigDecimal(worth));
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
  private static Match cutAmount(String s, Matcher m) {
    Match match = Match.of(EntityKind.MONEY, m.start(), m.end(), null, null);
    return match.withMod(Modifiers.forNumber(s, m.start(), m.end())).truncated();
  }

  private static boolean isArabic(String number) {
    return !number.isEmpty() && number.charAt(0) >= '0' && number.charAt(0) <= '9';
  }
}
