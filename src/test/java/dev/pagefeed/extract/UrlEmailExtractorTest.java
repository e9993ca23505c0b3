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
        "资料在ftp://files.example.org/pub/医保.pdf下载 | ftp://files.example.org/pub/ | ftp://files.example.org/pub/ | ''",
        "内网地址https://intranet/x,外网不可用 | https://intranet/x | https://intranet/x | ''",
        "短链bit.ly/3xYz可以打开 | bit.ly/3xYz | http://bit.ly/3xYz | scheme_inferred",
        "文档在go.dev查看 | go.dev | http://go.dev/ | scheme_inferred",
        "报名网站example.academy已开放 | example.academy | http://example.academy/ | scheme_inferred",
        "英国网店shop.co.uk上有卖 | shop.co.uk | http://shop.co.uk/ | scheme_inferred",
        "官网是ExAmple.COM/Path | ExAmple.COM/Path | http://example.com/Path | scheme_inferred",
        "本机localhost:3000/api可调试 | localhost:3000/api | http://localhost:3000/api | scheme_inferred",
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

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
    "版本号是3.5.2，请升级", "剂量为2.5mg每日", "报告见co.uk", "单标签主机intranet不算", "文件a.b打不开", "e.g.如此",
  })
  void notAUrl(String sentence) {
    assertEquals(List.of(), Found.in(sentence, EntityKind.URL));
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
