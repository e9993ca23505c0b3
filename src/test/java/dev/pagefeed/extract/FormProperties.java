package dev.pagefeed.extract;

import dev.pagefeed.model.EntityKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The extractors against the grammar of their forms, not against lines seen: each generator
 * composes a value from SPEC section 4's forms (Arabic, full-width, lower-case and financial
 * Chinese numerals; magnitudes; currencies by word and sign; range connectors; sub-units; tenths
 * and discounts; date layouts), writes it into a sentence (at the start, in the middle, at the end,
 * after another entity), and checks that the extractor finds exactly that span, with that kind
 * and value, and nothing overlapping it.
 */
class FormProperties {

  private static final EntityExtractor EXTRACTOR = new EntityExtractor();

  /**
   * A written form and what it must give.
   *
   * @param lead words written right before the form that belong to the sentence, not to the span
   *     (a discount's 打)
   */
  record Form(EntityKind kind, String lead, String text, String normalized) {
    Form(EntityKind kind, String text, String normalized) {
      this(kind, "", text, normalized);
    }
  }

  /** Sentences around a form: where it stands, and what stands next to it. */
  private static final List<String[]> CONTEXTS = List.of(
      new String[] {"", "。"},
      new String[] {"根据最新规定，", "，请参保人知悉。"},
      new String[] {"咨询电话0951-5555216，另外有", ""},
      new String[] {"2024年的标准是", "；详见官网。"},
      new String[] {"（", "）"},
      new String[] {"记录：", ""});

  @Provide
  Arbitrary<String[]> contexts() {
    return Arbitraries.of(CONTEXTS);
  }

  /** A number written in one of the ways pages write them, with its value. */
  record Written(String text, long value) {}

  static Arbitrary<Written> numbers(long min, long max) {
    return Arbitraries.longs().between(min, max).flatMap(n -> Arbitraries.of(
        new Written(Long.toString(n), n),
        new Written(ChineseNumerals.fullWidth(Long.toString(n)), n),
        new Written(ChineseNumerals.lower(n), n),
        new Written(ChineseNumerals.financial(n), n)));
  }

  /**
   * Every currency word pagefeed knows, with the normalized prefix it gives ("CNY ", or nothing for
   * a name it cannot resolve): the generators draw from the extractor's own table.
   */
  private static final Map<String, String> CURRENCY_WORDS = currencyWords();

  private static Map<String, String> currencyWords() {
    Map<String, String> words = new java.util.LinkedHashMap<>();
    Currencies.WORDS.forEach((word, code) -> {
      if (!word.equals("块")) { // a bare 块 is money only at a clause end or before 钱: tested by example
        words.put(word, code == null ? "" : code + " ");
      }
    });
    return words;
  }

  /** Magnitudes written after an Arabic amount, with their factor. */
  private static final Map<String, Long> MAGNITUDES =
      Map.of("", 1L, "万", 10_000L, "亿", 100_000_000L, "千", 1_000L, "百万", 1_000_000L);

  private static final List<String> RANGE_WORDS = List.of("-", "~", "～", "到", "至");

  @Provide
  Arbitrary<Form> money() {
    Arbitrary<Form> single = Combinators.combine(numbers(1, 99_999), Arbitraries.of(CURRENCY_WORDS.keySet()))
        .as((n, word) -> new Form(EntityKind.MONEY, n.text() + word, CURRENCY_WORDS.get(word) + n.value()));
    Arbitrary<Form> magnitude = Combinators.combine(Arbitraries.longs().between(1, 999),
            Arbitraries.of(MAGNITUDES.keySet()), Arbitraries.of(CURRENCY_WORDS.keySet()))
        .as((n, mag, word) -> new Form(EntityKind.MONEY, n + mag + word,
            CURRENCY_WORDS.get(word) + n * MAGNITUDES.get(mag)));
    Arbitrary<Form> sign = Combinators.combine(Arbitraries.longs().between(1, 99_999), Arbitraries.of(Currencies.SIGNS.keySet()))
        .as((n, s) -> new Form(EntityKind.MONEY, s + n, Currencies.SIGNS.get(s) + " " + n));
    Arbitrary<Form> range = Combinators.combine(Arbitraries.longs().between(1, 499), Arbitraries.longs().between(1, 500),
            Arbitraries.of(RANGE_WORDS), Arbitraries.of("", "万"), Arbitraries.of("元", "美元", "港元"))
        .as((a, d, to, mag, word) -> {
          long factor = mag.isEmpty() ? 1 : 10_000;
          return new Form(EntityKind.MONEY, a + to + (a + d) + mag + word,
              CURRENCY_WORDS.get(word) + a * factor + ".." + (a + d) * factor);
        });
    Arbitrary<Form> eachEnd = Combinators.combine(Arbitraries.longs().between(1, 49), Arbitraries.longs().between(1, 50),
            Arbitraries.of(RANGE_WORDS))
        .as((a, d, to) -> new Form(EntityKind.MONEY, a + "万" + to + (a + d) + "万元",
            "CNY " + a * 10_000 + ".." + (a + d) * 10_000));
    Arbitrary<Form> subunits = Combinators.combine(Arbitraries.integers().between(1, 99), Arbitraries.integers().between(1, 9),
            Arbitraries.of("块", "元"), Arbitraries.of("角", "毛", ""))
        .as((yuan, jiao, unit, sub) -> new Form(EntityKind.MONEY,
            ChineseNumerals.lower(yuan) + unit + ChineseNumerals.lower(jiao) + sub,
            "CNY " + new BigDecimal(yuan).add(new BigDecimal(jiao).movePointLeft(1)).stripTrailingZeros().toPlainString()));
    return Arbitraries.oneOf(single, magnitude, sign, range, eachEnd, subunits);
  }

  @Provide
  Arbitrary<Form> percents() {
    Arbitrary<Form> arabic = Combinators.combine(Arbitraries.integers().between(1, 100), Arbitraries.integers().between(0, 9),
            Arbitraries.of("%", "％"))
        .as((n, tenth, sign) -> {
          String value = tenth == 0 ? Integer.toString(n) : n + "." + tenth;
          return new Form(EntityKind.PERCENT, value + sign, value);
        });
    Arbitrary<Form> chinese = Arbitraries.integers().between(1, 100)
        .map(n -> new Form(EntityKind.PERCENT, "百分之" + ChineseNumerals.lower(n), Integer.toString(n)));
    Arbitrary<Form> range = Combinators.combine(Arbitraries.integers().between(1, 50), Arbitraries.integers().between(1, 49),
            Arbitraries.of(RANGE_WORDS), Arbitraries.of(true, false))
        .as((a, d, to, both) -> new Form(EntityKind.PERCENT, a + (both ? "%" : "") + to + (a + d) + "%", a + ".." + (a + d)));
    Arbitrary<Form> tenths = Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.integers().between(0, 9))
        .as((t, u) -> new Form(EntityKind.PERCENT, ChineseNumerals.lower(t) + "成" + (u == 0 ? "" : ChineseNumerals.lower(u)),
            Integer.toString(t * 10 + u)));
    Arbitrary<Form> discount = Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.integers().between(0, 9),
            Arbitraries.of("chinese", "arabic", "decimal"))
        .as((t, u, how) -> {
          String written = switch (how) {
            case "chinese" -> ChineseNumerals.lower(t) + (u == 0 ? "" : ChineseNumerals.lower(u));
            case "arabic" -> u == 0 ? Integer.toString(t) : t + "" + u;
            default -> u == 0 ? Integer.toString(t) : t + "." + u;
          };
          return new Form(EntityKind.PERCENT, "打", written + "折", Integer.toString(t * 10 + u));
        });
    Arbitrary<Form> negative = Combinators.combine(Arbitraries.integers().between(1, 99), Arbitraries.of("负", "-"))
        .as((n, minus) -> new Form(EntityKind.PERCENT, minus + n + "%", "-" + n));
    return Arbitraries.oneOf(arabic, chinese, range, tenths, discount, negative);
  }

  @Provide
  Arbitrary<Form> dates() {
    Arbitrary<java.time.LocalDate> day = Arbitraries.longs().between(0, 200 * 365)
        .map(d -> java.time.LocalDate.of(1900, 1, 1).plusDays(d));
    return Combinators.combine(day, Arbitraries.of("ymd", "dash", "slash", "dot", "monthFirst", "cnYear"))
        .as((date, layout) -> {
          int y = date.getYear();
          int m = date.getMonthValue();
          int d = date.getDayOfMonth();
          String iso = date.toString();
          return switch (layout) {
            case "ymd" -> new Form(EntityKind.DATE, y + "年" + m + "月" + d + "日", iso);
            case "dash" -> new Form(EntityKind.DATE, date.toString(), iso);
            case "slash" -> new Form(EntityKind.DATE, y + "/" + m + "/" + d, iso);
            case "dot" -> new Form(EntityKind.DATE, String.format("%d.%02d.%02d", y, m, d), iso);
            case "monthFirst" -> d > 12 ? new Form(EntityKind.DATE, m + "/" + d + "/" + y, iso)
                : new Form(EntityKind.DATE, y + "年" + m + "月", String.format("%d-%02d", y, m));
            default -> new Form(EntityKind.DATE, cnDigits(y) + "年", Integer.toString(y));
          };
        });
  }

  /** Hosts: labels and public suffixes from the Public Suffix List, as pages write them. */
  private static final List<String> LABELS = List.of("nhsa", "ylbz", "health", "example", "bit", "go", "shop", "yb-gov", "a1");
  private static final List<String> SUFFIXES = List.of("com", "cn", "gov.cn", "com.cn", "org", "co.uk", "io", "ly", "dev",
      "academy", "net", "hk");

  @Provide
  Arbitrary<Form> urls() {
    Arbitrary<String> host = Combinators.combine(Arbitraries.of(LABELS), Arbitraries.of(LABELS), Arbitraries.of(SUFFIXES),
            Arbitraries.of(true, false))
        .as((sub, name, suffix, twoLabels) -> (twoLabels ? sub + "." : "") + name + "." + suffix);
    Arbitrary<String> path = Arbitraries.of("", "/", "/a/b.html", "/q?id=12&x=y", "/#/Index", "/政策".substring(0, 1) + "p1");
    return Combinators.combine(Arbitraries.of("http://", "https://", "ftp://", "HTTPS://", "www.", ""), host, path,
            Arbitraries.of("", ":8080"), Arbitraries.of(true, false))
        .as((scheme, h, p, port, upper) -> {
          String written = upper ? h.toUpperCase(java.util.Locale.ROOT) : h;
          String text = (scheme.equals("www.") ? "www." : scheme) + written + port + p;
          String lowerScheme = scheme.isEmpty() || scheme.equals("www.") ? "http://" : scheme.toLowerCase(java.util.Locale.ROOT);
          String hostPart = (scheme.equals("www.") ? "www." : "") + h;
          String normalized = lowerScheme + hostPart + port + (p.isEmpty() || !p.startsWith("/") ? "/" + p : p);
          return new Form(EntityKind.URL, text, normalized);
        });
  }

  /** Mobile prefixes libphonenumber's metadata gives China. */
  private static final List<String> MOBILE_PREFIXES = List.of("130", "133", "135", "138", "139", "150", "153", "158", "180",
      "186", "189");

  @Provide
  Arbitrary<Form> phones() {
    Arbitrary<Form> mobile = Combinators.combine(Arbitraries.of(MOBILE_PREFIXES), Arbitraries.integers().between(0, 9999_9999),
            Arbitraries.of("plain", "dashes", "spaces", "plus", "plusDash"))
        .as((prefix, rest, how) -> {
          String digits = prefix + String.format("%08d", rest);
          String text = switch (how) {
            case "plain" -> digits;
            case "dashes" -> digits.substring(0, 3) + "-" + digits.substring(3, 7) + "-" + digits.substring(7);
            case "spaces" -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " " + digits.substring(7);
            case "plus" -> "+86 " + digits;
            default -> "+86-" + digits;
          };
          return new Form(EntityKind.PHONE, "电话", text, "+86" + digits);
        });
    Arbitrary<Form> hotline = Arbitraries.of("12333", "12345", "12320", "12393", "12315", "12361")
        .map(number -> new Form(EntityKind.PHONE, "热线", number, number));
    Arbitrary<Form> areaHotline = Combinators.combine(Arbitraries.of("0375", "0951", "0933", "010", "0371"),
            Arbitraries.of("12333", "12345"))
        .as((area, number) -> new Form(EntityKind.PHONE, "拨打", area + "-" + number, area + "-" + number));
    return Arbitraries.oneOf(mobile, hotline, areaHotline);
  }

  /** Units of people, visits and measure: every one {@link QuantityExtractor} knows. */
  private static final List<String> QUANTITY_UNITS = List.of(QuantityExtractor.UNITS.split("\\|"));

  @Provide
  Arbitrary<Form> quantities() {
    Arbitrary<Form> unit = Combinators.combine(Arbitraries.longs().between(2, 9_999), Arbitraries.of(QUANTITY_UNITS),
            Arbitraries.of("", "万", "亿"))
        .as((n, u, mag) -> new Form(EntityKind.QUANTITY, n + mag + u,
            n * (mag.isEmpty() ? 1 : mag.equals("万") ? 10_000L : 100_000_000L) + " " + u));
    Arbitrary<Form> chinese = Combinators.combine(Arbitraries.integers().between(2, 99), Arbitraries.of("公里", "平方米", "人次"))
        .as((n, u) -> new Form(EntityKind.QUANTITY, ChineseNumerals.lower(n) + u, n + " " + u));
    return Arbitraries.oneOf(unit, chinese);
  }

  /** A year digit by digit: 2025 → 二〇二五. */
  private static String cnDigits(int year) {
    StringBuilder out = new StringBuilder();
    for (char c : Integer.toString(year).toCharArray()) {
      out.append("〇一二三四五六七八九".charAt(c - '0'));
    }
    return out.toString();
  }

  @Property(tries = 400)
  void moneyFormsGiveTheirValue(@ForAll("money") Form form, @ForAll("contexts") String[] context) {
    check(form, context);
  }

  @Property(tries = 300)
  void percentFormsGiveTheirValue(@ForAll("percents") Form form, @ForAll("contexts") String[] context) {
    check(form, context);
  }

  @Property(tries = 300)
  void quantityFormsGiveTheirValue(@ForAll("quantities") Form form, @ForAll("contexts") String[] context) {
    check(form, context);
  }

  @Property(tries = 300)
  void urlFormsGiveTheirValue(@ForAll("urls") Form form, @ForAll("contexts") String[] context) {
    check(form, context);
  }

  @Property(tries = 300)
  void phoneFormsGiveTheirValue(@ForAll("phones") Form form, @ForAll("contexts") String[] context) {
    check(form, context);
  }

  @Property(tries = 300)
  void dateFormsGiveTheirValue(@ForAll("dates") Form form, @ForAll("contexts") String[] context) {
    check(form, context);
  }

  /**
   * Numbers that are no entity, from the SPEC's list of what quantities, money and phones are not:
   * classifier counts, durations, floors, street numbers, scores, ordinals in names.
   */
  @Provide
  Arbitrary<String> notEntities() {
    Arbitrary<String> count = Combinators.combine(Arbitraries.integers().between(2, 999),
            Arbitraries.of("个科室", "位医生", "种药品", "张床位", "家医院", "项服务", "名护士"))
        .as((n, what) -> n + what);
    Arbitrary<String> chineseCount = Combinators.combine(Arbitraries.integers().between(2, 99),
            Arbitraries.of("个步骤", "种场景", "位专家", "大关键领域"))
        .as((n, what) -> ChineseNumerals.lower(n) + what);
    Arbitrary<String> duration = Combinators.combine(Arbitraries.integers().between(2, 365),
            Arbitraries.of("天为一个结算期", "个月的等待期", "小时内办结", "分钟左右"))
        .as((n, what) -> n + what);
    Arbitrary<String> place = Combinators.combine(Arbitraries.integers().between(2, 40), Arbitraries.integers().between(1, 999))
        .as((floor, number) -> "解放路" + number + "号" + floor + "楼");
    Arbitrary<String> score = Arbitraries.integers().between(60, 150).map(n -> "综合评分" + n + "分以上的医院");
    return Arbitraries.oneOf(count, chineseCount, duration, place, score);
  }

  @Property(tries = 300)
  void numbersThatAreNoEntityGiveNone(@ForAll("notEntities") String phrase, @ForAll("contexts") String[] context) {
    String sentence = context[0] + phrase + context[1];
    int start = context[0].length();
    int end = start + phrase.length();
    List<Match> inside = EXTRACTOR.find(Text.of(sentence)).stream()
        .filter(m -> m.start() < end && m.end() > start)
        .filter(m -> m.kind() == EntityKind.MONEY || m.kind() == EntityKind.QUANTITY || m.kind() == EntityKind.PHONE
            || m.kind() == EntityKind.PERCENT)
        .toList();
    if (!inside.isEmpty()) {
      throw new AssertionError("in \"" + sentence + "\": \"" + phrase + "\" gave " + inside.stream()
          .map(m -> m.kind() + " [" + sentence.substring(m.start(), m.end()) + "]").toList());
    }
  }

  /** The form is found as written, with its value, and nothing else overlaps it. */
  private static void check(Form form, String[] context) {
    String sentence = context[0] + form.lead() + form.text() + context[1];
    int start = context[0].length() + form.lead().length();
    int end = start + form.text().length();
    Statistics.label("form").collect(form.kind());
    List<Match> found = EXTRACTOR.find(Text.of(sentence));
    List<Match> overlapping = found.stream().filter(m -> m.start() < end && m.end() > start).toList();
    String expected = form.kind() + " [" + form.text() + "] " + form.normalized();
    String actual = overlapping.stream()
        .map(m -> m.kind() + " [" + sentence.substring(m.start(), m.end()) + "] " + m.normalized()).toList().toString();
    if (overlapping.size() != 1 || overlapping.get(0).kind() != form.kind() || overlapping.get(0).start() != start
        || overlapping.get(0).end() != end || !form.normalized().equals(overlapping.get(0).normalized())) {
      throw new AssertionError("in \"" + sentence + "\": expected " + expected + ", found " + actual);
    }
  }
}
