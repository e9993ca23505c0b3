package dev.pagefeed.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.UrlValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlEmailExtractorTest {

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "甘肃省平凉市医保局官网地址为:http://ylbz.pingliang.gov.cn/。 | http://ylbz.pingliang.gov.cn/ | http://ylbz.pingliang.gov.cn/ | ''",
        "网址是:https://ybdzpz.ylbz.gansu.gov.cn/#/Index。该平台 | https://ybdzpz.ylbz.gansu.gov.cn/#/Index | https://ybdzpz.ylbz.gansu.gov.cn/#/Index | ''",
        "访问HTTP://WWW.NHSA.GOV.CN,了解详情 | HTTP://WWW.NHSA.GOV.CN | http://www.nhsa.gov.cn/ | ''",
        "登录www.nhsa.gov.cn查询 | www.nhsa.gov.cn | http://www.nhsa.gov.cn/ | scheme_inferred",
        "官网ylbz.pingliang.gov.cn可查 | ylbz.pingliang.gov.cn | http://ylbz.pingliang.gov.cn/ | scheme_inferred",
        "见https://example.com/a?b=1&c=2)。 | https://example.com/a?b=1&c=2 | https://example.com/a?b=1&c=2 | ''",
        "本地服务http://localhost:8080/#/123 | http://localhost:8080/#/123 | http://localhost:8080/#/123 | ''",
        "五月五.https://t.co/YCUZfuyyHZ | https://t.co/YCUZfuyyHZ | https://t.co/YCUZfuyyHZ | ''",
      })
  void findsUrl(String sentence, String text, String normalized, String flags) {
    assertEquals(List.of(new Found(EntityKind.URL, text, normalized, null, flags)),
        Found.in(sentence, EntityKind.URL));
  }

  @Test
  void urlValueNamesItsRegistrableDomainAndGov() {
    UrlValue value = (UrlValue) new EntityExtractor().find(Text.of("http://ylbz.pingliang.gov.cn/")).get(0).value();
    assertEquals("pingliang.gov.cn", value.registrableDomain());
    assertEquals(true, value.gov());
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "请发送至Service@NHSA.gov.cn,我们将 | Service@NHSA.gov.cn | service@nhsa.gov.cn",
        "邮箱:904632671@qq.com。 | 904632671@qq.com | 904632671@qq.com",
        "j_9@[129.126.118.1] is a valid email address | j_9@[129.126.118.1] | j_9@[129.126.118.1]",
      })
  void findsEmailNotItsDomainAsUrl(String sentence, String text, String normalized) {
    assertEquals(List.of(Found.of(EntityKind.EMAIL, text, normalized)), Found.in(sentence));
  }

  @Test
  void addressCutAtTheEndOfATruncatedSnippetIsFlagged() {
    assertEquals(
        List.of(new Found(EntityKind.EMAIL, "904632671@qq", null, null, "truncated")),
        Found.in("和电子邮箱(904632671@qq", true).stream().filter(f -> f.kind() == EntityKind.EMAIL).toList());
  }

  @Test
  void unknownSchemeIsNoUrl() {
    assertEquals(List.of(), Found.in("httt://abc.com是不合法的", EntityKind.URL));
  }

  @Test
  void addressWithoutDomainInTheMiddleIsNotAnAddress() {
    assertEquals(List.of(), Found.in("关注@qq官方账号", EntityKind.EMAIL));
  }
}
