package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

  /** The output of the first run (which also checks its manifest with PAssert). */
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
      first = temp.resolve("out1");
      second = temp.resolve("out2");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Path in, Path out, boolean assertManifest) {
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(
        "--input=" + in, "--output=" + out).as(PagefeedOptions.class);
    Pipeline pipeline = Pipeline.create(options);
    PCollection<String> manifest =
        PagefeedPipeline.build(pipeline, options, PagefeedPipeline.inputPatterns(options.getInput()));
    if (assertManifest) {
      PAssert.thatSingleton(manifest).satisfies(json -> {
        JsonNode counters = read(json).get("counters");
        assertEquals(2, counters.get("pages").asInt());
        assertEquals(40, counters.get("cards").asInt());
        assertEquals(2, counters.get("errors").asInt());
        return null;
      });
    }
    pipeline.run().waitUntilFinish();
  }

  static JsonNode read(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
