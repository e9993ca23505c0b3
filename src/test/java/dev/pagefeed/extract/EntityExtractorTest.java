package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.EntityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The composite: overlaps resolved in one place, and each kind found in any position. */
class EntityExtractorTest {

  @Test
  void dateIsNeverAlsoAPhone() {
    assertEquals(List.of(Found.of(EntityKind.DATE, "2025-03-21", "2025-03-21")), Found.in("咨询电话更新于2025-03-21"));
  }

  @Test
  void numbersInsideUrlsAndEmailsAreNotQuantitiesOrPhones() {
    List<Found> found = Found.in("详见http://www.example.com/13800138000/3000人次 或 904632671@qq.com");
    assertEquals(List.of(EntityKind.URL, EntityKind.EMAIL), found.stream().map(Found::kind).toList());
  }

  @Test
  void spansNeverOverlap() {
    List<Match> matches = new EntityExtractor().find(Text.of(
        "截至2024年底参保13.26亿人,占95%以上,缴费400元/年,电话0375-3695011,网址www.nhsa.gov.cn。"));
    for (int i = 1; i < matches.size(); i++) {
      assertTrue(matches.get(i - 1).end() <= matches.get(i).start(), matches.toString());
    }
    assertEquals(6, matches.size());
  }

  /** Latin text keeps its spaces; an optional space before a unit that is not there is no part of a span. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "Premiums were $174.70 for 2024 and $9.80 more.", "It costs 300 yuan, or €45 in all, about 72.5 % of it.",
      "Call 0375 3695011 today, or visit www.nhsa.gov.cn now.", "费用 300 元 左右 , 比例 80 % 以上 。"})
  void noSpanStartsOrEndsWithWhiteSpace(String sentence) {
    Text text = Text.of(sentence);
    List<Match> matches = new EntityExtractor().find(text);
    assertTrue(!matches.isEmpty(), sentence);
    for (Match match : matches) {
      String span = sentence.substring(match.start(), match.end());
      assertEquals(span.strip(), span, "the span of " + match);
    }
  }

  /** One positive per kind, in the form a page writes it. */
  static final List<Found> POSITIVES = List.of(
      Found.of(EntityKind.PHONE, "0375-3695011", "+863753695011"),
      Found.of(EntityKind.URL, "http://ylbz.pingliang.gov.cn/", "http://ylbz.pingliang.gov.cn/"),
      Found.of(EntityKind.EMAIL, "service@nhsa.gov.cn", "service@nhsa.gov.cn"),
      Found.of(EntityKind.DATE, "2025年3月21日", "2025-03-21"),
      Found.of(EntityKind.PERCENT, "72.2%", "72.2"),
      Found.of(EntityKind.MONEY, "400元/年", "CNY 400/year"),
      Found.of(EntityKind.QUANTITY, "900万人", "9000000 人"),
      Found.of(EntityKind.PHONE, "13800138000", "+8613800138000"),
      Found.of(EntityKind.DATE, "2025-03-21", "2025-03-21"),
      Found.of(EntityKind.DATE, "二〇二五年", "2025"),
      Found.of(EntityKind.PERCENT, "百分之七十", "70"),
      Found.of(EntityKind.PERCENT, "70%-80%", "70..80"),
      Found.of(EntityKind.MONEY, "1.5万元", "CNY 15000"),
      Found.of(EntityKind.MONEY, "港币2960元", "HKD 2960"),
      Found.of(EntityKind.QUANTITY, "66,600平方米", "66600 平方米"),
      new Found(EntityKind.URL, "www.nhsa.gov.cn", "http://www.nhsa.gov.cn/", null, "scheme_inferred"));

  /** Where a span may stand: start, middle, end of a sentence, by CJK and full-width marks. */
  static final List<String> CONTEXTS = List.of(
      "%s", "%s。", "详见%s", "详见%s。", "详见:%s,请留意", "详见：%s，请留意", "（%s）", "“%s”",
      "第一句。%s", "相关信息 %s 如下", "以下为%s\n下一行");

  static Stream<Arguments> wrapped() {
    List<Arguments> all = new ArrayList<>();
    for (Found positive : POSITIVES) {
      for (String context : CONTEXTS) {
        all.add(Arguments.of(String.format(context, positive.text()), positive));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("wrapped")
  void findsEachKindInEveryContext(String sentence, Found expected) {
    assertEquals(List.of(expected), Found.in(sentence, expected.kind()));
  }
}
