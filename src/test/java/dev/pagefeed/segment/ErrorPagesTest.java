package dev.pagefeed.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error pages served as pages, and the pages that only talk about errors. */
class ErrorPagesTest {

  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      // error pages: status banners, server signatures, Chinese wordings
      "404 Not Found | 404 Not Found\\nnginx/1.20.1 | true",
      "403 Forbidden | You don't have permission to access this resource.\\nApache/2.4.41 (Ubuntu) Server at www.example.cn Port 443 | true",
      "Error | HTTP 502 Bad Gateway | true",
      "提示信息 | 抱歉，您访问的页面不存在或已被删除！\\n返回首页 | true",
      "访问被拒绝 | 您没有权限访问该页面，请联系管理员。 | true",
      "系统提示 | 404错误，请检查网址是否正确 | true",
      "出错了 | openresty | true",
      "Service Unavailable | The server is temporarily unable to service your request. | true",
      // pages that are no error pages
      "医保报销比例是多少 | 职工医保住院报销比例一般在80%以上，退休人员更高。 | false",
      "404页面怎么设计 | 404页面是网站的一部分，好的404页面应当告诉用户页面不存在的原因，并给出返回首页的链接。 | false",
      "nginx配置教程 | 本文介绍nginx的安装与配置方法，包括反向代理和负载均衡。 | false",
      "门诊报销 | 500元以下的门诊费用按60%报销。 | false",
  })
  void tellsErrorPages(String title, String text, boolean errorPage) {
    assertEquals(errorPage, ErrorPages.isOne(title, null, List.of(text.split("\\\\n"))));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"404 Not Found", "页面不存在", "nginx"})
  void aLongPageIsNeverOne(String title) {
    String article = "医疗保障是减轻群众就医负担、增进民生福祉的重大制度安排。".repeat(20);
    assertEquals(false, ErrorPages.isOne(title, article, List.of()));
  }
}
