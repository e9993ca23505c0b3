package dev.pagefeed.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextCleanerTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // space next to CJK text or punctuation goes
        "我国的医疗保障政策体系以 基本医疗保险为核心 ,辅以 大病保险医疗救助 ,形成 | 我国的医疗保障政策体系以基本医疗保险为核心,辅以大病保险医疗救助,形成",
        "\"  1. 制度架构\" | 1.制度架构",
        "2025 年宁夏固原医保可以跨省定点。 | 2025年宁夏固原医保可以跨省定点。",
        "官网地址为:http://ylbz.pingliang.gov.cn/ 。 | 官网地址为:http://ylbz.pingliang.gov.cn/。",
        "电话 :0933-8618795 主要职责 | 电话:0933-8618795主要职责",
        // markdown residue goes
        "通常是 正科级**,这意味着 | 通常是正科级,这意味着",
        // spaces between Latin letters and digits stay, collapsed
        "call   0375 3695011 now | call 0375 3695011 now",
        "Hello  world | Hello world",
        // Latin text keeps its spaces after its punctuation; CJK punctuation takes none
        "fell by 35% in 2024. For other uses, see | fell by 35% in 2024. For other uses, see",
        "\"Die Kosten ( rund 300 Euro ) trägt die Kasse , sagt sie.\" | Die Kosten ( rund 300 Euro ) trägt die Kasse , sagt sie.",
        "见 WHO 报告 ， 第 3 页 | 见WHO报告，第3页",
        "COVID-19 ， 疫苗 | COVID-19，疫苗",
        // full-width and ideographic spaces count as spaces
        "医保\u3000中心 | 医保中心",
      })
  void cleans(String raw, String expected) {
    assertEquals(expected, TextCleaner.clean(raw));
  }

  @Test
  void normalizesToNfcAndDropsBomAndCr() {
    assertEquals("é\nb", TextCleaner.clean("\uFEFFe\u0301\r\nb\r"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"以下将详细介绍每个步骤…|以下将详细介绍每个步骤", "是一所集医\uFFFD|是一所集医", "未完待续...|未完待续"})
  void removesCutMarkerAndRecordsIt(String raw, String expected) {
    TextCleaner.Cut cut = TextCleaner.cleanCut(raw);
    assertEquals(expected, cut.text());
    assertTrue(cut.truncated());
  }

  @Test
  void textWithoutMarkerIsNotCut() {
    assertFalse(TextCleaner.cleanCut("医保中心是什么。").truncated());
  }
}
