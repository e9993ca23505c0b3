package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Mod;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyExtractorTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "起付标准1200元,报销比例 | 1200元 | CNY 1200 | null",
        "城乡居民医保定额补助300-450元 | 300-450元 | CNY 300..450 | null",
        "个人缴费涨至400元/年,财政补助 | 400元/年 | CNY 400/year | null",
        "住院伙食补助10元/日 | 10元/日 | CNY 10/day | null",
        "年度限额最高600元,且可通过 | 600元 | CNY 600 | AT_MOST",
        "筹资标准为每人每年380元 | 每人每年380元 | CNY 380/person/year | null",
        "财政补助标准每人每年不低于610元 | 610元 | CNY 610/person/year | AT_LEAST",
        "300元起付标准 | 300元 | CNY 300 | null",
        "门诊费用300元起,按比例报销 | 300元 | CNY 300 | AT_LEAST",
        "大病保险最高支付1.5万元 | 1.5万元 | CNY 15000 | AT_MOST",
        "基金支出3亿元 | 3亿元 | CNY 300000000 | null",
        "挂号费￥120 | ￥120 | CNY 120 | null",
        "缴纳人民币500元 | 人民币500元 | CNY 500 | null",
        "保费100美元 | 100美元 | USD 100 | null",
        "费用50欧元 | 50欧元 | EUR 50 | null",
        "约合200港币 | 200港币 | HKD 200 | APPROX",
        "费用一百二十到一百五十万元 | 一百二十到一百五十万元 | CNY 1200000..1500000 | null",
        "学费两到三仟澳元 | 两到三仟澳元 | AUD 2000..3000 | null",
        "月薪10~15k元 | 10~15k元 | CNY 10000..15000 | null",
        "花了一千二百元 | 一千二百元 | CNY 1200 | null",
        "港币两千九百六十元 | 港币两千九百六十元 | HKD 2960 | null",
        "投资8亿元人民币 | 8亿元人民币 | CNY 800000000 | null",
        "奖金三万元欧元 | 三万元欧元 | EUR 30000 | null",
        "找零50元6角三分 | 50元6角三分 | CNY 50.63 | null",
        "十块三毛 | 十块三毛 | CNY 10.3 | null",
        "大概四五千块钱 | 四五千块钱 | CNY 4000..5000 | APPROX",
        "票价两~3百日元 | 两~3百日元 | JPY 200..300 | null",
        "月薪2——3万港币 | 2——3万港币 | HKD 20000..30000 | null",
        "肆佰叁拾萬圆整 | 肆佰叁拾萬圆整 | CNY 4300000 | null",
        "总额3千万亿日元 | 3千万亿日元 | JPY 3000000000000000 | null",
        "达到445奈拉兑换 | 445奈拉 | NGN 445 | null",
        "这台电脑两美元又三美分 | 两美元又三美分 | USD 2.03 | null",
        "税额共计壹仟玖佰圆整 | 壹仟玖佰圆整 | CNY 1900 | null",
        "找零8角 | 8角 | CNY 0.8 | null",
        "白菜三毛五一斤 | 三毛五 | CNY 0.35 | null",
        "一个四块二 | 四块二 | CNY 4.2 | null",
        "单价三块二到三块五毛 | 三块二到三块五毛 | CNY 3.2..3.5 | null",
        "每支5角到6角 | 5角到6角 | CNY 0.5..0.6 | null",
        "只要两毛钱 | 两毛钱 | CNY 0.2 | null",
        "共计12，345.60元 | 12，345.60元 | CNY 12345.6 | null",
        "总价1，234，567元 | 1，234，567元 | CNY 1234567 | null",
        "一顿饭二十几元 | 二十几元 | CNY 20..30 | null",
        "装修花了几十万块 | 几十万块 | CNY 100000..1000000 | null",
        "投入人民币数十亿元 | 人民币数十亿元 | CNY 1000000000..10000000000 | null",
        "亏损数百万元 | 数百万元 | CNY 1000000..10000000 | null",
        "项目投资两个亿 | 两个亿 | CNY 200000000 | null",
        "新台币300元 | 新台币300元 | TWD 300 | null",
        "换了300第纳尔 | 300第纳尔 | 300 | null",
        "价值50瑞士法郎 | 50瑞士法郎 | CHF 50 | null",
        "年收入2万-3万元 | 2万-3万元 | CNY 20000..30000 | null",
        "月薪3万至8.5万元 | 3万至8.5万元 | CNY 30000..85000 | null",
        "从6000到2万港元不等 | 6000到2万港元 | HKD 6000..20000 | null",
        "补贴2-3万元 | 2-3万元 | CNY 20000..30000 | null",
        "港幣300 | 港幣300 | HKD 300 | null",
        "人民幣500元 | 人民幣500元 | CNY 500 | null",
        "总额12345678901234567890元 | 12345678901234567890元 | CNY 12345678901234567890 | null",
      })
  void findsMoney(String sentence, String text, String normalized, Mod mod) {
    assertEquals(List.of(new Found(EntityKind.MONEY, text, normalized, mod, "")),
        Found.in(sentence, EntityKind.MONEY));
  }

  @Test
  void descendingRangeIsStoredAscendingAndFlagged() {
    assertEquals(List.of(new Found(EntityKind.MONEY, "450-300元", "CNY 300..450", null, "reversed_range")),
        Found.in("补助450-300元", EntityKind.MONEY));
  }

  @Test
  void increaseAndNewLevelAreTwoAmounts() {
    assertEquals(
        List.of(Found.of(EntityKind.MONEY, "30元", "CNY 30"), Found.of(EntityKind.MONEY, "670元", "CNY 670")),
        Found.in("财政补助新增30元至670元", EntityKind.MONEY));
  }

  @Test
  void bareAmountAtTheCutIsTruncated() {
    assertEquals(
        List.of(new Found(EntityKind.MONEY, "4214", null, Mod.APPROX, "truncated")),
        Found.in("月缴费金额约为4214", true));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {"统一元旦假期安排", "门诊慢特病病种增至39种", "买了2块肥皂", "他们一块去的",
      "数据显示百分之十", "几个人一起"})
  void notMoney(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.MONEY));
  }
}
