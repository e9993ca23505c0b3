package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Mod;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityExtractorTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "参保人数约为13.26亿人,参保率 | 13.26亿人 | 1326000000 人 | APPROX",
        "参加职工基本医疗保险人数为3.71亿人 | 3.71亿人 | 371000000 人 | null",
        "比上一年增加900万人,增长显著 | 900万人 | 9000000 人 | null",
        "占地面积达66,600多平方米 | 66,600多平方米 | 66600 平方米 | MORE_THAN",
        "位于河南省安阳市东北侧约九公里的韩陵山之巅 | 九公里 | 9 公里 | APPROX",
        "全年门诊3000人次 | 3000人次 | 3000 人次 | null",
        "覆盖人口1.2亿 | 1.2亿 | 120000000 | null",
      })
  void findsQuantity(String sentence, String text, String normalized, Mod mod) {
    assertEquals(List.of(new Found(EntityKind.QUANTITY, text, normalized, mod, "")),
        Found.in(sentence, EntityKind.QUANTITY));
  }

  /** Classifier counts, durations, scores, floors, addresses and names are not quantities. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "特色:拥有113个科室,477位医生,综合评分133",
        "身份证或社保卡正反面复印件2张近期一寸白底照片",
        "门诊慢特病病种增至39种,并新增5种",
        "主要包括三个步骤",
        "90天为一个结算期",
        "人力资源和社会保障服务中心9楼",
        "江苏省镇江市解放路438号",
        "镇江市第一人民医院和镇江市第四人民医院",
        "千万不要错过缴费期",
      })
  void notAQuantity(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.QUANTITY));
  }
}
