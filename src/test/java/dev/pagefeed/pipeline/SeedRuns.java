package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.files.Location;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.run.OutputCommitter;
import dev.pagefeed.run.RunPlan;
import dev.pagefeed.run.StagedWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.values.PCollection;

/**
 * Two pipeline runs over the seed pages plus two files that are not pages, shared by the test
 * classes that read their output (a DirectRunner run costs seconds before any data).
 */
final class SeedRuns {

  static final List<String> SEEDS = List.of("000_3f088403eae75c83.txt", "001_896cdf1bdb1f6a7b.txt");

  private static Path first;
  private static Path second;

  private SeedRuns() {}

  /** The output of the first run (which also checks its steps, with PAssert on the pipeline's). */
  static synchronized Path first() {
    runOnce();
    return first;
  }

  /** The output of a second run over the same input. */
  static synchronized Path second() {
    runOnce();
    return second;
  }

  private static void runOnce() {
    if (first != null) {
      return;
    }
    try {
      Path temp = Files.createTempDirectory("pagefeed-seed-runs");
      Path in = temp.resolve("in");
      Files.createDirectories(in.resolve("nested"));
      for (String seed : SEEDS) {
        Files.copy(Path.of("input", seed), in.resolve(seed));
      }
      Files.write(in.resolve("empty.txt"), new byte[0]);
      Files.write(in.resolve("nested/logo.png"),
          new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
      run(in, temp.resolve("out1"), true);
      run(in, temp.resolve("out2"), false);
      Invariants.check(temp.resolve("out1"));
      Invariants.check(temp.resolve("out2"));
      first = temp.resolve("out1");
      second = temp.resolve("out2");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }


  /**
   * A folder of mixed input in {@code dir}: {@code pages} generated pages (seeded), the seed pages,
   * a Heritrix WARC file (pages with fetch times and offsets) and an empty file (an error).
   */
  static void mixedCorpus(Path dir, int pages, long seed) throws IOException {
    dev.pagefeed.bench.CorpusGenerator.write(dir, pages, seed);
    for (String page : SEEDS) {
      Files.copy(Path.of("input", page), dir.resolve(page));
    }
    dev.pagefeed.bench.CrawlFiles.File heritrix = dev.pagefeed.bench.CrawlFiles.all().get(0);
    Files.write(dir.resolve(heritrix.name()), heritrix.bytes());
    Files.writeString(dir.resolve("empty.txt"), "");
  }
  /**
   * The crawl the file-system tests (HDFS, S3) copy to their store, in {@code crawl}: 24 generated
   * pages, the two seed pages (one in a sub-folder), an empty file (an error), and a gzipped WARC
   * file of four text pages of another crawl (written in {@code other}), two of them chunked or
   * gzip-encoded; 30 pages and one error in all.
   */
  static void storeCrawl(Path crawl, Path other) throws IOException {
    dev.pagefeed.bench.CorpusGenerator.write(crawl, 24, 11);
    Files.copy(Path.of("input", SEEDS.get(0)), crawl.resolve("seed.txt"));
    Files.createDirectories(crawl.resolve("faq"));
    Files.copy(Path.of("input", SEEDS.get(1)), crawl.resolve("faq/seed.txt"));
    Files.writeString(crawl.resolve("empty.txt"), "");
    dev.pagefeed.bench.CorpusGenerator.write(other, 8, 99);
    try (dev.pagefeed.bench.TestWarc warc = new dev.pagefeed.bench.TestWarc(crawl.resolve("night.warc.gz"),
        org.netpreserve.jwarc.WarcCompression.GZIP)) {
      warc.warcinfo("night.warc.gz");
      for (int i = 0; i < 8; i += 2) {
        String name = String.format("%06d.txt", i);
        warc.fetch("https://night.example.cn/" + name, "text/plain; charset=utf-8", Files.readAllBytes(other.resolve(name)),
            i == 2, i == 4);
      }
    }
  }

  /** The names of a run's output files with one shard: each record file, changes.jsonl, the manifest. */
  static List<String> outputNames() {
    List<String> names = new java.util.ArrayList<>();
    for (dev.pagefeed.encode.OutputFile file : dev.pagefeed.encode.OutputFile.values()) {
      names.add(file.fileName());
    }
    names.add(dev.pagefeed.encode.OutputFile.CHANGES);
    names.add(dev.pagefeed.encode.OutputFile.MANIFEST);
    return names;
  }

  /**
   * A run, step by step as the driver takes it: the plan, the pipeline (the first run checks with
   * PAssert the list of work it stages), then the commit; the second run through the driver itself.
   */
  private static void run(Path in, Path out, boolean checkSteps) {
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(
        "--input=" + in, "--output=" + out).as(PagefeedOptions.class);
    PagefeedPipeline.Inputs inputs = PagefeedPipeline.inputPatterns(options);
    if (!checkSteps) {
      PagefeedPipeline.run(options, inputs);
      return;
    }
    RunPlan plan = RunPlan.of(Location.of(out), PagefeedPipeline.runOptions(options));
    Pipeline pipeline = Pipeline.create(options);
    PCollection<String> work = PagefeedPipeline.build(pipeline, plan, inputs);
    PAssert.thatSingleton(work).satisfies(json -> {
      JsonNode staged = read(json);
      assertEquals(0, staged.get("sources_reused").asLong(), "a full run reuses nothing");
      java.util.Map<String, Long> records = new java.util.TreeMap<>();
      staged.get("files").forEach(file -> records.put(file.get("file").asText(), file.get("records").asLong()));
      // The workers merged every file: the summary lists each, with what it holds.
      assertEquals(java.util.Set.of("pages.jsonl", "pages.csv", "cards.jsonl", "cards.csv", "entities.jsonl",
          "entities.csv", "errors.jsonl", "sources.jsonl", "changes.jsonl"), records.keySet());
      assertEquals(2L, records.get("pages.jsonl"));
      assertEquals(2L, records.get("changes.jsonl"));
      return null;
    });
    pipeline.run().waitUntilFinish();
    assertTrue(Files.exists(out.resolve(".runs/" + plan.staging().name() + "/" + StagedWork.FILE)),
        "the pipeline stages its work, and commits nothing");
    assertTrue(Files.exists(out.resolve(".runs/" + plan.staging().name() + "/pages.jsonl")),
        "the pipeline's workers wrote the record files");
    assertFalse(Files.exists(out.resolve(OutputCommitter.POINTER)));
    Manifest.Counters counters = OutputCommitter.commit(plan, StagedWork.read(plan.staging())).counters();
    assertEquals(2, counters.pages());
    assertEquals(40, counters.cards());
    assertEquals(2, counters.errors());
  }

  static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
