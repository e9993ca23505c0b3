package dev.pagefeed.bench;

import dev.pagefeed.model.Block;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.Page;
import dev.pagefeed.ingest.PageProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes the main text pagefeed finds in each page of a folder of HTML files ({@code <id>.html},
 * or {@code <id>.html.gz}) as {@code <id>.txt}: the lead, then the article blocks, one per line,
 * as a main-text benchmark scores it. Pages pagefeed refuses get an empty file and are counted by
 * error type on the last line printed.
 *
 * <pre>
 *   java -cp … dev.pagefeed.bench.MainTextBench html/ pred/
 * </pre>
 */
public final class MainTextBench {

  private MainTextBench() {}

  public static void main(String[] args) throws IOException {
    Path in = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    PageProcessor processor = new PageProcessor(8L << 20, null, Duration.ofSeconds(60));
    List<Path> files;
    try (Stream<Path> listed = Files.list(in)) {
      files = listed.filter(p -> p.getFileName().toString().matches(".*\\.html?(\\.gz)?")).sorted().toList();
    }
    Map<String, Integer> refused = new TreeMap<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      String id = name.substring(0, name.indexOf(".htm"));
      byte[] bytes = Files.readAllBytes(file);
      PageProcessor.Outcome outcome = processor.process(file.toString(), name, bytes, Ids.sha256(bytes));
      List<String> lines = new ArrayList<>();
      if (outcome.page() != null) {
        Page page = outcome.page().page();
        if (page.lead() != null) {
          lines.add(page.lead());
        }
        page.blocks().stream().map(Block::text).forEach(lines::add);
      } else {
        refused.merge(outcome.error().errorType().label(), 1, Integer::sum);
      }
      Files.writeString(out.resolve(id + ".txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
    System.out.println("pages " + files.size() + ", refused " + refused.values().stream().mapToInt(Integer::intValue).sum()
        + " " + refused);
  }
}
