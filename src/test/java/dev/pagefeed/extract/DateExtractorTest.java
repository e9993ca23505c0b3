package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.Mod;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateExtractorTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // sentence | text | normalized | mod | flags
        "2025年江苏镇江治疗鼻塞的医院有哪些 | 2025年 | 2025 | null | ''",
        "又名镇江市江滨医院,创建于1936年,是一所 | 1936年 | 1936 | null | ''",
        "截至2024年底,我国基本医疗保险参保人数 | 2024年 | 2024 | END | ''",
        "普通门诊统筹自2016年以来持续推进 | 2016年 | 2016 | SINCE | ''",
        "从2017年异地就医直接结算启动之初 | 2017年 | 2017 | null | ''",
        "公元前257年,秦攻克魏国宁新中 | 公元前257年 | -0256 | null | ''",
        "最早建于公元532年,是一座历史悠久的佛教寺庙 | 公元532年 | 0532 | null | ''",
        "通常每年的9月至12月为集中缴费期 | 9月至12月 | --09/--12 | null | no_year",
        "本通知自2025年3月21日起施行 | 2025年3月21日 | 2025-03-21 | SINCE | ''",
        "发布于2025-03-21 | 2025-03-21 | 2025-03-21 | null | ''",
        "发布于2025/3/21的通知 | 2025/3/21 | 2025-03-21 | null | ''",
        "更新日期2025.03.21。 | 2025.03.21 | 2025-03-21 | null | ''",
        "于3月21日召开会议 | 3月21日 | --03-21 | null | no_year",
        "二〇二五年医保政策 | 二〇二五年 | 2025 | null | ''",
        "2016-2020年医保改革规划 | 2016-2020年 | 2016/2020 | null | ''",
        "2024年3月起,新政策实施 | 2024年3月 | 2024-03 | SINCE | ''",
        "2025年初发布了新标准 | 2025年 | 2025 | START | ''",
        "二零零四年八月十五 | 二零零四年八月十五 | 2004-08-15 | null | ''",
        "两千零四年八月十五 | 两千零四年八月十五 | 2004-08-15 | null | ''",
        "三六七年一月一日 | 三六七年一月一日 | 0367-01-01 | null | ''",
        "1357年6月10日 | 1357年6月10日 | 1357-06-10 | null | ''",
        "我会在 3-7-2017 回来 | 3-7-2017 | 2017-07-03 | null | ambiguous",
        "会议定于10/23/2019召开 | 10/23/2019 | 2019-10-23 | null | ''",
        "截止日期 2/29/2020。 | 2/29/2020 | 2020-02-29 | null | ''",
        "于23/10/2019提交 | 23/10/2019 | 2019-10-23 | null | ''",
        "截止16-04-2010 | 16-04-2010 | 2010-04-16 | null | ''",
        "2019年感恩节 | 2019年感恩节 | 2019-11-28 | null | ''",
        "2024年国庆节假期 | 2024年国庆节 | 2024-10-01 | null | ''",
        "他们将在2021年的第三个月离开 | 2021年的第三个月 | 2021-03 | null | ''",
        "在789年 | 789年 | 0789 | null | ''",
        "2009年10月12号，星期一 | 2009年10月12号，星期一 | 2009-10-12 | null | ''",
      })
  void findsDate(String sentence, String text, String normalized, Mod mod, String flags) {
    List<Found> dates = Found.in(sentence, EntityKind.DATE);
    assertEquals(List.of(new Found(EntityKind.DATE, text, normalized, mod, flags)), dates);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "比上一年增加900万人",
        "参加下一年度的居民医保",
        "安阳之名始于战国末期",
        "工作时间08:30—12:00,14:30—18:30",
        "银川职工医保一年交多少钱",
        "90天为一个结算期",
        "需要3个月的等待期",
        "婴儿6月龄后可以参保",
        "已有300年历史",
        "过去500年间",
        "比分是2/30/2019不存在的日子",
      })
  void notADate(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.DATE));
  }
}
