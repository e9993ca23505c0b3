package dev.pagefeed.extract;

import dev.pagefeed.model.DateValue;
import dev.pagefeed.model.DateValue.Precision;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Flag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates at the precision written: {@code 2025年}, {@code 2025年3月21日}, {@code 2025-03-21},
 * {@code 2025/3/21}, {@code 2025.03.21}, day first {@code 21/3/2025} (ambiguous when both could
 * be months), month first {@code 10/23/2019} (when the day is over 12), {@code 3月21日} (no year), {@code 公元前257年},
 * {@code 二〇二五年}, and ranges ({@code 2016-2020年}, {@code 9月至12月}). Normalized to ISO 8601:
 * {@code 2025}, {@code 2025-03}, {@code 2025-03-21}, {@code --03-21}; BCE years in astronomical
 * numbering ({@code 公元前257年} → {@code -0256}); a range is {@code low/high}.
 */
public final class DateExtractor implements Extractor {

  private static final String CN_DIGIT = "[〇零一二三四五六七八九]";
  private static final String MONTH = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
  private static final String DAY = "(?:3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
  private static final String TO = "\\s*(?:-|~|～|至|到|—|–)\\s*";

  /** A year written in Chinese numerals: 二〇二五, 三六七, 两千零四, 两千. */
  private static final String CN_YEAR = "(?:" + CN_DIGIT + "{3,4}|[一两二]千(?:零?[一二三四五六七八九十][十]?[一二三四五六七八九]?)?)";

  /** A day written without 日 or 号 only when nothing but punctuation, space or the end follows. */
  private static final String DAY_END = "(?:\\s*[日号]|(?=[\\s,，。.;；!！?？)）]|$))";

  /** A weekday written after a date ("，星期一") belongs to it. */
  private static final String WEEKDAY = "(?:[,，]?\\s*(?:星期|礼拜|周)[一二三四五六日天])?";

  /** One date, most specific forms first. */
  static final Pattern DATE =
      Pattern.compile(
          "(?<![\\d.])(?:"
              + "(?<ry1>(?:1[5-9]|20|21)\\d{2})" + TO + "(?<ry2>(?:1[5-9]|20|21)\\d{2})\\s*年"
              + "|(?:(?<era>公元前|公元)\\s*)?(?<year>(?<![\\d])(?:(?<=公元前\\s?|公元\\s?)\\d{1,4}|(?:1[5-9]|20|21)\\d{2}|\\d{3,4}(?=\\s*年\\s*" + MONTH + "\\s*月)|(?<=[在于从至到])\\d{3}(?=年(?!间|来|内|后|前|左右|多|以)))|"
              + CN_YEAR + ")\\s*年(?:\\s*(?<month>" + MONTH + ")\\s*月(?:\\s*(?<day>" + DAY + ")" + DAY_END + WEEKDAY + ")?"
              + "|的?第(?<ordmonth>" + MONTH + ")个月|的?(?<holiday>" + Holidays.alternation() + "))?"
              + "|(?<ny>(?:1[5-9]|20|21)\\d{2})(?<sep>[-/.])(?<nm>1[0-2]|0?[1-9])\\k<sep>(?<nd>3[01]|[12]\\d|0?[1-9])(?![\\d])"
              + "|(?<mf>1[0-2]|0?[1-9])(?<msep>[-/.])(?<md>3[01]|2\\d|1[3-9])\\k<msep>(?<my>(?:19|20|21)\\d{2})(?![\\d])"
              + "|(?<dd>3[01]|[12]\\d|0?[1-9])(?<dsep>[-/.])(?<dm>1[0-2]|0?[1-9])\\k<dsep>(?<dy>(?:19|20|21)\\d{2})(?![\\d])"
              + "|(?<ym>(?:19|20|21)\\d{2})(?<ysep>[-/])(?<mm>1[0-2]|0[1-9])(?![\\d\\-/.])"
              + "|(?<bm>" + MONTH + ")\\s*月(?:\\s*(?<bd>" + DAY + ")" + DAY_END + WEEKDAY + ")?"
              + ")");

  private static final Anchors STARTS = new Anchors(Anchors.NUMERALS + "公", true);

  /** What may join two dates into a range. */
  static final Pattern RANGE_JOIN = Pattern.compile(TO);

  @Override
  public List<Match> find(Text text) {
    String s = text.view();
    if (!Numbers.containsAny(s, "年月-/.")) {
      return List.of();
    }
    List<Match> out = new ArrayList<>();
    Matcher m = Anchors.matcher(DATE, s);
    int from = 0;
    while (from < s.length() && STARTS.next(m, s, from)) {
      Parsed first = parse(m);
      if (first == null) {
        from = m.start() + 1;
        continue;
      }
      int start = m.start();
      int end = m.end();
      Parsed last = null;
      Matcher join = RANGE_JOIN.matcher(s).region(end, s.length());
      if (first.rangeLow == null && join.lookingAt()) {
        Matcher second = DATE.matcher(s).region(join.end(), s.length());
        if (second.lookingAt()) {
          Parsed p = parse(second);
          if (p != null && p.rangeLow == null) {
            last = p.inheritYear(first);
            end = second.end();
          }
        }
      }
      if (!isBareMonthNoise(s, m, first, last)) {
        out.add(toMatch(text, start, end, first, last));
      }
      from = end;
    }
    return out;
  }

  /** A month with no year and no day standing alone ("6月") is kept only next to a date word. */
  private static boolean isBareMonthNoise(String s, Matcher m, Parsed first, Parsed last) {
    if (m.group("bm") == null || m.group("bd") != null || last != null) {
      return false;
    }
    int end = m.end();
    // "3个月" never reaches here; "6月龄", "月份" and "月薪" are not dates.
    return end < s.length() && "龄份薪度".indexOf(s.charAt(end)) >= 0;
  }

  private static Match toMatch(Text text, int start, int end, Parsed first, Parsed last) {
    DateValue value;
    String normalized;
    boolean noYear = first.year == null && first.rangeLow == null;
    if (first.rangeLow != null) {
      normalized = first.rangeLow + "/" + first.rangeHigh;
      value = new DateValue(normalized, Precision.YEAR, "CE", first.rangeLow, first.rangeHigh);
    } else if (last != null) {
      normalized = first.iso() + "/" + last.iso();
      value = new DateValue(normalized, first.precision(), first.era(), first.iso(), last.iso());
    } else {
      normalized = first.iso();
      value = new DateValue(normalized, first.precision(), first.era(), null, null);
    }
    Match match = Match.of(EntityKind.DATE, start, end, normalized, value);
    if (noYear) {
      match = match.withFlag(Flag.NO_YEAR);
    }
    if (first.ambiguous()) {
      match = match.withFlag(Flag.AMBIGUOUS);
    }
    return match.withMod(Modifiers.forDate(text.view(), start, end));
  }

  /** The parts of one date; {@code year} is astronomical (1 BCE is 0), null when not written. */
  private record Parsed(
      Integer year, Integer month, Integer day, String rangeLow, String rangeHigh, boolean ambiguous) {

    Parsed(Integer year, Integer month, Integer day, String rangeLow, String rangeHigh) {
      this(year, month, day, rangeLow, rangeHigh, false);
    }

    Parsed inheritYear(Parsed other) {
      return year == null && other.year != null ? new Parsed(other.year, month, day, null, null) : this;
    }

    Precision precision() {
      return day != null ? Precision.DAY : month != null ? Precision.MONTH : Precision.YEAR;
    }

    String era() {
      return year != null && year <= 0 ? "BCE" : "CE";
    }

    String iso() {
      StringBuilder out = new StringBuilder();
      if (year == null) {
        out.append("-");
      } else if (year < 0) {
        out.append(String.format("-%04d", -year));
      } else {
        out.append(String.format("%04d", year));
      }
      if (month != null) {
        out.append(String.format("-%02d", month));
        if (day != null) {
          out.append(String.format("-%02d", day));
        }
      }
      return out.toString();
    }
  }

  private static Parsed parse(Matcher m) {
    if (m.group("ry1") != null) {
      int low = Integer.parseInt(m.group("ry1"));
      int high = Integer.parseInt(m.group("ry2"));
      return low <= high ? new Parsed(null, null, null, String.valueOf(low), String.valueOf(high)) : null;
    }
    if (m.group("year") != null) {
      Integer year = number(m.group("year"));
      if (year == null) {
        return null;
      }
      if ("公元前".equals(m.group("era"))) {
        year = 1 - year;
      }
      if (m.group("holiday") != null) {
        java.time.LocalDate date = Holidays.DATES.get(m.group("holiday")).apply(year);
        return new Parsed(year, date.getMonthValue(), date.getDayOfMonth(), null, null);
      }
      if (m.group("ordmonth") != null) {
        return checked(year, number(m.group("ordmonth")), null);
      }
      return checked(year, number(m.group("month")), number(m.group("day")));
    }
    if (m.group("ny") != null) {
      return checked(number(m.group("ny")), number(m.group("nm")), number(m.group("nd")));
    }
    if (m.group("mf") != null) {
      // Month first, as American pages write 10/23/2019: only when the second number cannot be a month.
      return checked(number(m.group("my")), number(m.group("mf")), number(m.group("md")));
    }
    if (m.group("dd") != null) {
      // Day first, as Chinese and European pages write 3-7-2017; ambiguous when both could be months.
      Parsed p = checked(number(m.group("dy")), number(m.group("dm")), number(m.group("dd")));
      return p == null ? null : new Parsed(p.year, p.month, p.day, null, null, number(m.group("dd")) <= 12);
    }
    if (m.group("ym") != null) {
      return checked(number(m.group("ym")), number(m.group("mm")), null);
    }
    return checked(null, number(m.group("bm")), number(m.group("bd")));
  }

  private static Parsed checked(Integer year, Integer month, Integer day) {
    if (month != null && (month < 1 || month > 12)) {
      return null;
    }
    if (day != null && (day < 1 || day > 31)) {
      return null;
    }
    // A day the month does not have (2月30日) is no date; without a year, 2月29日 may be one.
    if (day != null && month != null
        && day > (year == null ? java.time.Month.of(month).maxLength() : java.time.YearMonth.of(year, month).lengthOfMonth())) {
      return null;
    }
    return new Parsed(year, month, day, null, null);
  }

  private static Integer number(String text) {
    if (text == null) {
      return null;
    }
    BigDecimal value = Numbers.parse(text);
    return value == null ? null : value.intValueExact();
  }
}
