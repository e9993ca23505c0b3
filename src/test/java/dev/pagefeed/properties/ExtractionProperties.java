package dev.pagefeed.properties;

import dev.pagefeed.files.Location;
import dev.pagefeed.extract.EntityExtractor;
import dev.pagefeed.extract.Match;
import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.extract.Text;
import dev.pagefeed.run.OutputCommitter;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.model.Block;
import dev.pagefeed.model.Card;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.SourceInfo;
import dev.pagefeed.segment.PageSegmenter;
import dev.pagefeed.segment.SegmentedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties that hold for any text, checked on generated pages and sentences: nothing throws,
 * every entity's text is the slice of its block, spans never overlap, and the written files do not
 * depend on the order records arrive in.
 */
class ExtractionProperties {

  private static final EntityExtractor EXTRACTOR = new EntityExtractor();
  private static final PageExtractor PAGES = new PageExtractor();
  private static final SourceInfo SOURCE = new SourceInfo("p.txt", "p.txt", "text", "UTF-8", "none", 1, "0", 0);

  /** Characters the extractors care about, to reach their rules often; plus anything at all. */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> tricky = Arbitraries.strings()
        .withChars("0123456789０１２-–—~～%％.,，:/@#()（）+ 年月日号元万亿千百十点一二两三四五六七八九零〇成折分之电话热线约以上多个人次平方米公里http://www.qq.com公元前￥$美欧港")
        .ofMaxLength(120);
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(60);
    return Arbitraries.oneOf(tricky, anything, Combinators.combine(tricky, anything).as((a, b) -> a + b));
  }

  /** Pages in the text-dump layout, filled with those texts. */
  @Provide
  Arbitrary<String> pages() {
    Arbitrary<String> line = Arbitraries.oneOf(texts(),
        Arbitraries.of("一、基本医疗保险", "  1. 制度架构", "    • 逐步将门诊", "总结", "提示:本内容不能代替面诊。",
            "大家都在搜", "相关推荐", "健康新闻 2025-03-21", "首页 顶部", ""));
    return line.list().ofMaxSize(30).map(lines -> String.join("\n", lines));
  }

  @Property(tries = 400)
  void extractorNeverThrowsAndSpansAreOrderedAndDisjoint(@ForAll("texts") String text) {
    for (boolean truncated : new boolean[] {false, true}) {
      List<Match> matches = EXTRACTOR.find(Text.of(text, truncated));
      int end = 0;
      for (Match m : matches) {
        if (m.start() < end || m.end() > text.length()) {
          throw new AssertionError("span " + m + " in " + text);
        }
        end = m.end();
      }
    }
  }

  @Property(tries = 300)
  void everyEntityIsTheSliceOfItsBlock(@ForAll("pages") String page) {
    SegmentedPage segmented;
    try {
      segmented = PageSegmenter.segmentText(page);
    } catch (RejectedInputException noTitle) {
      return; // a page without a title is an error record, which is fine
    }
    PageRecords records = PAGES.extract(SOURCE, segmented);
    for (Entity entity : records.entities()) {
      String block = blockText(records, segmented, entity.block());
      int[] cps = block.codePoints().toArray();
      String slice = new String(cps, entity.start(), entity.end() - entity.start());
      if (!slice.equals(entity.text())) {
        throw new AssertionError(entity + " is not the slice " + slice + " of " + block);
      }
    }
  }

  @Property(tries = 100)
  void filesDoNotDependOnRecordOrder(@ForAll("texts") String seed, @ForAll long shuffleSeed) throws IOException {
    List<OutputLine> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String text = (seed + i).repeat(1 + i % 3) + "\n";
      lines.add(new OutputLine(Integer.toString(i % 7) + "\u0000" + text, text.getBytes(StandardCharsets.UTF_8), i % 2 == 0 ? "a" : "", "source-" + i % 3));
    }
    List<OutputLine> shuffled = new ArrayList<>(lines);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    Path a = Files.createTempDirectory("order-a");
    Path b = Files.createTempDirectory("order-b");
    var first = OutputCommitter.writeFile(Location.of(a), OutputFile.ERRORS_JSONL, lines, false);
    var second = OutputCommitter.writeFile(Location.of(b), OutputFile.ERRORS_JSONL, shuffled, false);
    if (!first.equals(second)
        || !java.util.Arrays.equals(Files.readAllBytes(a.resolve("errors.jsonl")), Files.readAllBytes(b.resolve("errors.jsonl")))) {
      throw new AssertionError("order changed the file");
    }
    Location.of(a).deleteTree();
    Location.of(b).deleteTree();
  }

  private static String blockText(PageRecords records, SegmentedPage page, String block) {
    if (block.equals("title")) {
      return page.title();
    }
    if (block.equals("lead")) {
      return page.lead();
    }
    if (block.equals("disclaimer")) {
      return page.disclaimer();
    }
    if (block.startsWith("article:")) {
      Block b = page.blocks().get(Integer.parseInt(block.substring(8)));
      return b.text();
    }
    String[] parts = block.split(":");
    Card card = records.cards().get(Integer.parseInt(parts[1]));
    return parts[2].equals("title") ? card.title() : card.snippet();
  }
}
