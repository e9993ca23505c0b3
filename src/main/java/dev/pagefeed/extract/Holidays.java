package dev.pagefeed.extract;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Holidays a page may date by after a year ("2019年感恩节"): those on a fixed day of the Gregorian
 * calendar and those on the n-th weekday of a month. Lunar holidays (春节, 中秋节) are not here:
 * their Gregorian date needs a lunar calendar.
 */
final class Holidays {

  private Holidays() {}

  /** Holiday name → its date in a given year. */
  static final Map<String, IntFunction<LocalDate>> DATES = new LinkedHashMap<>();

  static {
    fixed("元旦", 1, 1);
    fixed("情人节", 2, 14);
    fixed("妇女节", 3, 8);
    fixed("植树节", 3, 12);
    fixed("愚人节", 4, 1);
    fixed("劳动节", 5, 1);
    fixed("青年节", 5, 4);
    fixed("护士节", 5, 12);
    fixed("儿童节", 6, 1);
    fixed("建党节", 7, 1);
    fixed("建军节", 8, 1);
    fixed("教师节", 9, 10);
    fixed("国庆节", 10, 1);
    fixed("万圣节", 10, 31);
    fixed("平安夜", 12, 24);
    fixed("圣诞节", 12, 25);
    nth("母亲节", 5, 2, DayOfWeek.SUNDAY);
    nth("父亲节", 6, 3, DayOfWeek.SUNDAY);
    nth("感恩节", 11, 4, DayOfWeek.THURSDAY);
  }

  private static void fixed(String name, int month, int day) {
    DATES.put(name, year -> LocalDate.of(year, month, day));
  }

  private static void nth(String name, int month, int n, DayOfWeek day) {
    DATES.put(name, year -> LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day)));
  }

  /** The names as a regex alternation. */
  static String alternation() {
    return String.join("|", DATES.keySet());
  }
}
