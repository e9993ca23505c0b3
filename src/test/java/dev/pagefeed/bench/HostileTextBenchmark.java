package dev.pagefeed.bench;

import dev.pagefeed.extract.DateExtractor;
import dev.pagefeed.extract.EmailExtractor;
import dev.pagefeed.extract.EntityExtractor;
import dev.pagefeed.extract.Extractor;
import dev.pagefeed.extract.HostileText;
import dev.pagefeed.extract.MoneyExtractor;
import dev.pagefeed.extract.PercentExtractor;
import dev.pagefeed.extract.PhoneExtractor;
import dev.pagefeed.extract.QuantityExtractor;
import dev.pagefeed.extract.Text;
import dev.pagefeed.extract.UrlExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Times every extractor on each 1 MB hostile text and, for scale, on the seed pages' text; prints
 * MB/s per cell. Run with bench/hostile.sh. A ratio far below the seed rate marks a pattern that
 * backtracks on that text.
 */
public final class HostileTextBenchmark {

  private HostileTextBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<Extractor> extractors = List.of(new EmailExtractor(), new UrlExtractor(), new DateExtractor(),
        new PhoneExtractor(), new PercentExtractor(), new MoneyExtractor(), new QuantityExtractor());
    StringBuilder seeds = new StringBuilder();
    for (String seed : List.of("input/000_3f088403eae75c83.txt", "input/001_896cdf1bdb1f6a7b.txt")) {
      seeds.append(Files.readString(Path.of(seed)));
    }
    String seedText = seeds.toString().repeat(Math.max(1, HostileText.SIZE / seeds.length()));
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    texts.put("seed pages (for scale)", seedText);
    texts.putAll(HostileText.all());
    System.out.printf("%-24s", "text \\ MB/s");
    for (Extractor e : extractors) {
      System.out.printf("%10s", e.getClass().getSimpleName().replace("Extractor", ""));
    }
    System.out.printf("%10s%n", "all");
    for (Map.Entry<String, String> entry : texts.entrySet()) {
      Text text = Text.of(entry.getValue(), true);
      double mb = entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length / 1e6;
      System.out.printf("%-24s", entry.getKey());
      for (Extractor e : extractors) {
        e.find(text); // warm-up
        long t = System.nanoTime();
        e.find(text);
        System.out.printf("%10.1f", mb / ((System.nanoTime() - t) / 1e9));
      }
      EntityExtractor all = new EntityExtractor();
      all.find(text);
      long t = System.nanoTime();
      all.find(text);
      System.out.printf("%10.1f%n", mb / ((System.nanoTime() - t) / 1e9));
    }
  }
}
