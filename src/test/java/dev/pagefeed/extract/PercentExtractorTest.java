package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Mod;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentExtractorTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "占参保总人数的72.2%,是医保覆盖的主力 | 72.2% | 72.2 | null | ''",
        "按比例报销(如70%-80%),实现一站式结算 | 70%-80% | 70..80 | null | ''",
        "报销比例提高3%-2% | 3%-2% | 2..3 | null | reversed_range",
        "参保率稳定在95%以上 | 95% | 95 | AT_LEAST | ''",
        "报销比例最高达75%,年度限额 | 75% | 75 | AT_MOST | ''",
        "职工生育保险最高可报销75%以上 | 75% | 75 | AT_LEAST | ''",
        "二级及以上机构60%,单一病种 | 60% | 60 | null | ''",
        "报销比例为70-80% | 70-80% | 70..80 | null | ''",
        "报销比例为70%～80% | 70%～80% | 70..80 | null | ''",
        "全角比例７２．２％ | ７２．２％ | 72.2 | null | ''",
        "报销百分之七十 | 百分之七十 | 70 | null | ''",
        "约七成患者受益 | 七成 | 70 | APPROX | ''",
        "商品打八折 | 八折 | 80 | null | ''",
        "会员享九九折 | 九九折 | 99 | null | ''",
        "清仓打对折 | 对折 | 50 | null | ''",
        "折扣2.5折 | 2.5折 | 25 | null | ''",
        "不良率千分之一 | 千分之一 | 0.1 | null | ''",
        "费率万分之三 | 万分之三 | 0.03 | null | ''",
        "同比提高12个百分点 | 12个百分点 | 12 | null | ''",
        "约有三成半 | 三成半 | 35 | APPROX | ''",
        "回收2.5成 | 2.5成 | 25 | null | ''",
        "增长百 分 之 2.4 | 百 分 之 2.4 | 2.4 | null | ''",
        "利润率百分之一百二十点五 | 百分之一百二十点五 | 120.5 | null | ''",
        "降低六点五成 | 六点五成 | 65 | null | ''",
        "在村卫生室就诊报销比例为百分之七十到八十 | 百分之七十到八十 | 70..80 | null | ''",
        "在村卫生室就诊未签约报销50% | 50% | 50 | null | ''",
        "同比增长负2.5%,降幅收窄 | 负2.5% | -2.5 | null | ''",
        "环比变化为-2%。 | -2% | -2 | null | ''",
        "增速为−0.8% | −0.8% | -0.8 | null | ''",
        "全场85折 | 85折 | 85 | null | ''",
        "会员8.5折 | 8.5折 | 85 | null | ''",
        "老人八五折 | 八五折 | 85 | null | ''",
        "门票半折 | 半折 | 50 | null | ''",
        "清仓打對折 | 對折 | 50 | null | ''",
        "约有八成五的人 | 八成五 | 85 | APPROX | ''",
        "只占半成 | 半成 | 5 | null | ''",
        "同比提高3個百分點 | 3個百分點 | 3 | null | ''",
        "误差在万万分之三以内 | 万万分之三 | 0.000003 | AT_MOST | ''",
        "增长了12.56% | 12.56% | 12.56 | null | ''",
      })
  void findsPercent(String sentence, String text, String normalized, Mod mod, String flags) {
    assertEquals(List.of(new Found(EntityKind.PERCENT, text, normalized, mod, flags)),
        Found.in(sentence, EntityKind.PERCENT));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {"政策一成不变", "半成品加工", "一半成本由个人承担", "门诊慢特病病种增至39种", "他成为了医生",
      "二三十个百分点", "五百分之2.2", "固定资产折旧", "这是成员名单"})
  void notAPercent(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.PERCENT));
  }
}
