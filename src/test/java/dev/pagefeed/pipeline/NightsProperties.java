package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.bench.CorpusGenerator;
import dev.pagefeed.bench.TestWarc;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.netpreserve.jwarc.WarcCompression;

/**
 * Whole nights, generated: a random crawl of text, HTML and WARC files (a gzip member per record,
 * gzipped as a whole, uncompressed), then several incremental runs after random edits, copies,
 * renames, removals and broken records. After each run the {@link Invariants} hold, the record
 * files equal a full run's over the same files byte for byte (the full run reads WARC files in
 * small ranges, the incremental one whole), and the change feed applied to the previous run's
 * tables gives the new tables.
 */
class NightsProperties {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The record files a run's tables are loaded from, compared with a full run's. */
  private static final List<String> RECORD_FILES = List.of("pages.jsonl", "cards.jsonl", "entities.jsonl",
      "errors.jsonl", "sources.jsonl", "pages.csv", "cards.csv", "entities.csv");

  @Property(tries = 4)
  void everyNightIsWhatAFullRunWouldGive(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    Path temp = Files.createTempDirectory("pagefeed-nights");
    try {
      Path pages = temp.resolve("pages");
      CorpusGenerator.write(pages, 24, random.nextInt(1000));
      Path crawl = Files.createDirectories(temp.resolve("crawl"));
      List<Path> pool = list(pages);
      for (int i = 0; i < 8; i++) {
        Path page = pool.get(random.nextInt(pool.size()));
        Files.copy(page, crawl.resolve("p" + i + "-" + page.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      for (int i = 0; i < 2; i++) {
        writeWarc(crawl.resolve("crawl-" + i + (random.nextBoolean() ? ".warc.gz" : ".warc")), pool, random);
      }
      Path output = temp.resolve("out");
      Tables tables = Tables.of(runs(crawl, output, temp.resolve("full-0"), false));
      for (int night = 1; night <= 3; night++) {
        change(crawl, pool, random);
        Tables before = tables;
        tables = Tables.of(runs(crawl, output, temp.resolve("full-" + night), true));
        Map<String, List<JsonNode>> changes = new TreeMap<>();
        for (String line : Files.readAllLines(output.resolve("changes.jsonl"), StandardCharsets.UTF_8)) {
          JsonNode change = JSON.readTree(line);
          changes.computeIfAbsent(change.get("change").asText(), k -> new ArrayList<>()).add(change);
        }
        assertEquals(tables, before.apply(changes, tables), "night " + night + " of seed " + seed);
      }
    } finally {
      try (Stream<Path> all = Files.walk(temp)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A night's incremental run, checked against a full run over the same files; the output folder. */
  private static Path runs(Path crawl, Path output, Path full, boolean incremental) throws IOException {
    Invariants.run(options(crawl, output, incremental ? "--incremental" : "--incremental=false",
        "--maxRemovedPercent=100"));
    Invariants.run(options(crawl, full, "--warcRangeBytes=4096"));
    for (String file : RECORD_FILES) {
      assertArrayEquals(Files.readAllBytes(full.resolve(file)), Files.readAllBytes(output.resolve(file)), file);
    }
    return output;
  }

  private static PagefeedOptions options(Path input, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--targetParallelism=2"));
    args.addAll(List.of(more));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
  }

  /** A WARC file of a few pages, with requests; one of three compressions; sometimes a torn record in it. */
  private static void writeWarc(Path file, List<Path> pool, Random random) throws IOException {
    int compression = file.toString().endsWith(".gz") ? random.nextInt(2) : 2; // 0 per record, 1 whole, 2 none
    Path plain = compression == 1 ? file.resolveSibling(file.getFileName() + ".plain") : file;
    try (TestWarc warc = new TestWarc(plain, compression == 0 ? WarcCompression.GZIP : WarcCompression.NONE)) {
      warc.warcinfo(file.getFileName().toString());
      int n = 2 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        Path page = pool.get(random.nextInt(pool.size()));
        String name = page.getFileName().toString();
        warc.fetch("https://" + file.getFileName().toString().replace('.', '-') + ".example.cn/" + i + "/" + name,
            name.endsWith(".txt") ? "text/plain; charset=utf-8" : "text/html; charset=utf-8",
            Files.readAllBytes(page), random.nextBoolean(), random.nextBoolean());
        if (random.nextInt(6) == 0) {
          warc.junk("\r\n\r\ntorn write, no record\r\n");
        }
      }
      if (random.nextInt(4) == 0) {
        warc.truncated("https://cut.example.cn/", Files.readAllBytes(pool.get(0)), 0.5);
      }
    }
    if (compression == 1) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(Files.readAllBytes(plain));
      }
      Files.delete(plain);
    }
  }

  /** A night's changes to the crawl: edits, copies, renames, removals, new and rewritten WARC files. */
  private static void change(Path crawl, List<Path> pool, Random random) throws IOException {
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      List<Path> files = list(crawl);
      if (files.isEmpty()) {
        break;
      }
      Path file = files.get(random.nextInt(files.size()));
      String name = file.getFileName().toString();
      switch (random.nextInt(6)) {
        case 0 -> Files.delete(file);
        case 1 -> Files.move(file, crawl.resolve("renamed-" + random.nextInt(100) + "-" + name));
        case 2 -> Files.copy(file, crawl.resolve("copy-" + random.nextInt(100) + "-" + name),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        case 3 -> {
          if (name.contains(".warc")) {
            writeWarc(file, pool, random);
          } else {
            Files.writeString(file, Files.readString(file).replaceFirst("。", "。今晚已更新" + random.nextInt(1000) + "。"));
          }
        }
        case 4 -> writeWarc(crawl.resolve("new-" + random.nextInt(100) + (random.nextBoolean() ? ".warc.gz" : ".warc")),
            pool, random);
        default -> Files.copy(pool.get(random.nextInt(pool.size())), crawl.resolve("new-" + random.nextInt(100) + ".txt"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * A run's tables as a warehouse holds them: per page id, its page line and its cards' and
   * entities' lines.
   */
  record Tables(Map<String, List<String>> byPage) {

    static Tables of(Path output) throws IOException {
      Map<String, List<String>> byPage = new TreeMap<>();
      for (String file : List.of("pages.jsonl", "cards.jsonl", "entities.jsonl")) {
        for (String line : Files.readAllLines(output.resolve(file), StandardCharsets.UTF_8)) {
          String id = JSON.readTree(line).get("page_id").asText();
          byPage.computeIfAbsent(id, k -> new ArrayList<>()).add(line.replaceAll("\"run_id\":\"[0-9a-f]+\"", ""));
        }
      }
      return new Tables(byPage);
    }

    /** These tables with the change feed applied, each added or updated page's rows taken from {@code now}'s files. */
    Tables apply(Map<String, List<JsonNode>> changes, Tables now) {
      Map<String, List<String>> next = new TreeMap<>(byPage);
      for (JsonNode change : changes.getOrDefault("removed", List.of())) {
        next.remove(change.get("page_id").asText());
      }
      for (String kind : List.of("added", "updated")) {
        for (JsonNode change : changes.getOrDefault(kind, List.of())) {
          String id = change.get("page_id").asText();
          next.put(id, now.byPage().get(id));
        }
      }
      return new Tables(next);
    }
  }
}
