package dev.pagefeed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.model.Ids;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.ingest.PageProcessor;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A crawler's wrapper around a dumped page is read as the page's URL, title and charset, not rendered. */
class DumpWrapperTest {

  private static final String PAGE = "<html><head><meta charset=\"gb2312\"><title></title></head><body>"
      + "<div class=\"content\"><p>参保人员应按照规定到定点医疗机构就医，并妥善保管好相关的票据和病历资料。</p></div></body></html>";

  @Test
  void aTextWrapperGivesTheUrlTitleAndCharset() throws Exception {
    String wrapped = "<text id=\"http://www.example.gov.cn/yb/1.html\" title=\"医保就医须知\" encoding=\"gb2312\">\n"
        + PAGE + "\n</text>\n";
    byte[] bytes = wrapped.getBytes(Charset.forName("GBK"));
    RawPage raw = new PageDecoder(1 << 20).decode("crawl/1.txt", bytes);
    assertEquals("html", raw.source().format(), "the wrapped page is HTML, whatever the file is called");
    assertEquals("GB18030", raw.source().encoding(), "gb2312 is read as GB18030");
    assertEquals("http://www.example.gov.cn/yb/1.html", raw.wrapperUrl());
    assertEquals("医保就医须知", raw.wrapperTitle());
    assertTrue(raw.text().startsWith("<html>") && raw.text().endsWith("</html>"), raw.text());

    var page = new PageProcessor(1 << 20, null, Duration.ofSeconds(10))
        .process("crawl/1.txt", "1.txt", bytes, Ids.sha256(bytes)).page().page();
    assertEquals("医保就医须知", page.title(), "the page's own title is empty");
    assertEquals("http://www.example.gov.cn/yb/1.html", page.url());
    assertEquals(Ids.pageId("http://www.example.gov.cn/yb/1.html", "1.txt"), page.pageId());
  }

  @Test
  void aDocWrapperGivesTheUrl() throws Exception {
    String wrapped = "<doc>\n<docno>42</docno>\n<url>http://news.example.cn/a/2.html</url>\n" + PAGE + "\n</doc>";
    RawPage raw = new PageDecoder(1 << 20).decode("crawl/2.txt", wrapped.getBytes(StandardCharsets.UTF_8));
    assertEquals("http://news.example.cn/a/2.html", raw.wrapperUrl());
    assertNull(raw.wrapperTitle());
    assertTrue(raw.text().strip().startsWith("<html>") && raw.text().strip().endsWith("</html>"), raw.text());
  }

  @Test
  void aPageWithoutAWrapperIsAsItWas() throws Exception {
    RawPage raw = new PageDecoder(1 << 20).decode("a.html", PAGE.getBytes(StandardCharsets.UTF_8));
    assertNull(raw.wrapperUrl());
    assertEquals(PAGE, raw.text());
  }
}
