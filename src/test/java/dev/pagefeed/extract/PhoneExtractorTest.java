package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.PhoneType;
import dev.pagefeed.model.PhoneValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneExtractorTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // sentence | phone text | normalized
        "平顶山市医疗保障局的咨询电话是0375-3695011。 | 0375-3695011 | +863753695011",
        "纽约办事处请致电(212) 736-5000咨询 | (212) 736-5000 | +12127365000",
        "美国热线(212) 555-0187 | (212) 555-0187 | +12125550187",
        "伦敦办公室电话00 44 20 7946 0018。 | 00 44 20 7946 0018 | +442079460018",
        "柏林联系电话+49 (0)30 1234 5678 | +49 (0)30 1234 5678 | +493012345678",
        "郑州医保电话(0371) 6595 1234 | (0371) 6595 1234 | +8637165951234",
        "电话:0933-8618795主要职责:平凉市医保局负责 | 0933-8618795 | +869338618795",
        "并设立了举报电话(0933-8221204)和电子邮箱 | 0933-8221204 | +869338221204",
        "企业及其职工参保登记、核定、退休、补缴、网报等相关业务:0951-5555216 | 0951-5555216 | +869515555216",
        "新华区医保中心:电话0375-4999277。 | 0375-4999277 | +863754999277",
        "北京大学人民医院(010)88326666 | (010)88326666 | +861088326666",
        "联系电话0375 3695011 | 0375 3695011 | +863753695011",
        "手机13800138000可接收短信 | 13800138000 | +8613800138000",
        "请拨打 +86 138 0013 8000 | +86 138 0013 8000 | +8613800138000",
        "客服热线400-810-8888 | 400-810-8888 | +864008108888",
        "免费热线800-820-8820 | 800-820-8820 | +868008208820",
        "你也可以拨打社保综合服务热线0375-12333咨询医保相关问题 | 0375-12333 | 0375-12333",
        "新型农村合作医疗全国统一咨询电话为12333,该号码是人力资源社会保障系统的全国公益服务热线 | 12333 | 12333",
        "医保服务热线:12393。 | 12393 | 12393",
        "新华保险客服电话95567 | 95567 | 95567",
        "如遇紧急情况请拨打120 | 120 | 120",
        "英国办公室电话+44 161 123 4567 | +44 161 123 4567 | +441611234567",
        "总机0755-83771234转8001 | 0755-83771234转8001 | +8675583771234",
        // any grouping after a cue word; explicit country codes without one
        "Phone: 622 15 31 23 | 622 15 31 23 | 622153123",
        "Tel: (0161) 123 4567 | (0161) 123 4567 | 01611234567",
        "我的电话号是86 18911111111。 | 86 18911111111 | +8618911111111",
        "请致电0044 20 7946 0958 | 0044 20 7946 0958 | +442079460958",
        "德国同事+49 176 12345678 | +49 176 12345678 | +4917612345678",
        "巴西办公室(+55)1537027523 | (+55)1537027523 | +551537027523",
      })
  void findsPhone(String sentence, String text, String normalized) {
    List<Found> phones = Found.in(sentence, EntityKind.PHONE);
    assertEquals(1, phones.size(), () -> "phones in " + sentence + ": " + phones);
    assertEquals(text, phones.get(0).text());
    assertEquals(normalized, phones.get(0).normalized());
  }

  /** Digit groups that look like phones and are not: dates, times, postcodes, ids, counts. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "健康新闻 2025-03-21",
        "工作时间08:30—12:00,14:30—18:30",
        "邮编100000,地址北京市西城区",
        "身份证号110101199003074514",
        "订单号2024031512345678",
        "参保人数达13.26亿人",
        "门诊慢特病病种增至39种",
        "个人缴费涨至400元/年",
        "2016-2020年医保改革",
        "年度支付限额12345元",
        "共有120人参加",
        "咨询电话已公布，另外有119例",
        "救护车开了120公里",
        "第12333期公告",
        "版本号1.2.3.4567",
        "0.000000012看起来不像电话号",
        "P0-001-000016155-9看起来不像电话号",
        "T005-2333-100731-SW-2看起来不像电话号",
        "16-04-2010看起来不像电话号",
        "咨询人数达12345678人",
        "二三十个电话号码",
      })
  void impossibleCases(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.PHONE));
  }

  /**
   * Every listed service number as an ordinal or a count after a cue word in the same clause
   * ("咨询电话12393,见第120条"): before and after it the words say it is not a hotline.
   */
  static java.util.stream.Stream<String> ordinalsAndCounts() {
    List<String> sentences = new java.util.ArrayList<>();
    for (String number : PhoneRules.SERVICE_NUMBERS.keySet()) {
      for (char before : PhoneRules.NOT_BEFORE_SHORT.toCharArray()) {
        sentences.add("如有疑问可拨打咨询电话,参见" + before + number + "项说明");
      }
      for (char after : "条款章节页卷册期届层楼室版".toCharArray()) {
        sentences.add("如有疑问可拨打咨询电话,参见规定" + number + after + "的说明");
      }
    }
    return sentences.stream();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @org.junit.jupiter.params.provider.MethodSource("ordinalsAndCounts")
  void aServiceNumberAsAnOrdinalOrCountIsNoPhone(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.PHONE));
  }

  @Test
  void aServiceNumberAfterItsCueIsStillAPhone() {
    assertEquals(1, Found.in("突发疾病请立即拨打120急救电话,第一时间送医。", EntityKind.PHONE).size());
    assertEquals(1, Found.in("参保人可拨打咨询电话12393了解政策,报销比例约70%,第120条另有规定。", EntityKind.PHONE).size(),
        "12393 is a phone; 第120条 is not");
  }

  @Test
  void valueCarriesTypeAreaCodeAndRegion() {
    Match match =
        new EntityExtractor().find(Text.of("平凉市医保局电话:0933-8618795")).stream()
            .filter(m -> m.kind() == EntityKind.PHONE).findFirst().orElseThrow();
    PhoneValue value = (PhoneValue) match.value();
    assertEquals(PhoneType.LANDLINE, value.type());
    assertEquals("0933", value.areaCode());
    assertEquals("甘肃省平凉市", value.region());
    assertEquals("09338618795", value.national());
  }

  @Test
  void mobileHasCarrier() {
    Match match = new EntityExtractor().find(Text.of("手机13800138000")).get(0);
    PhoneValue value = (PhoneValue) match.value();
    assertEquals(PhoneType.MOBILE, value.type());
    assertEquals("中国移动", value.carrier());
  }

  @Test
  void extensionIsKept() {
    Match match = new EntityExtractor().find(Text.of("总机0755-83771234转8001")).get(0);
    assertEquals("8001", ((PhoneValue) match.value()).extension());
  }

  @Test
  void numberCutAtTheEndOfATruncatedSnippetIsFlagged() {
    assertEquals(
        List.of(new Found(EntityKind.PHONE, "0375-369501", null, null, "truncated")),
        Found.in("平顶山市医疗保障局的咨询电话是0375-369501", true));
  }

  @Test
  void completeNumberAtTheCutIsNotFlagged() {
    assertEquals(
        List.of(new Found(EntityKind.PHONE, "0375-2266165", "+863752266165", null, "")),
        Found.in("湛河区医保中心:电话0375-2266165", true));
  }
}
