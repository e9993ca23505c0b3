package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.encode.OutputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same inputs give byte-identical files whatever the DirectRunner's parallelism and whatever
 * order the inputs are listed in.
 */
class DeterminismTest {

  @TempDir Path temp;

  private static void run(List<String> inputs, Path out, int parallelism) {
    List<String> args = new ArrayList<>();
    inputs.forEach(i -> args.add("--input=" + i));
    args.add("--output=" + out);
    args.add("--targetParallelism=" + parallelism);
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
    Invariants.run(options);
  }

  @Test
  void parallelismAndInputOrderDoNotChangeTheFiles() throws Exception {
    Path in = temp.resolve("in");
    Files.createDirectories(in);
    List<String> files = new ArrayList<>();
    for (String seed : SeedRuns.SEEDS) {
      files.add(Files.copy(Path.of("input", seed), in.resolve(seed)).toString());
    }
    // The same page under a second name, so that two records share their ids.
    files.add(Files.copy(Path.of("input", SeedRuns.SEEDS.get(0)), in.resolve("copy.txt")).toString());
    Files.writeString(in.resolve("blank.txt"), "  \n");
    files.add(in.resolve("blank.txt").toString());

    run(files, temp.resolve("one"), 1);
    List<String> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);
    run(reversed, temp.resolve("four"), 4);

    for (OutputFile file : OutputFile.values()) {
      assertArrayEquals(Files.readAllBytes(temp.resolve("one").resolve(file.fileName())),
          Files.readAllBytes(temp.resolve("four").resolve(file.fileName())), file.fileName());
    }
    var one = SeedRuns.read(Files.readString(temp.resolve("one").resolve(OutputFile.MANIFEST)));
    var four = SeedRuns.read(Files.readString(temp.resolve("four").resolve(OutputFile.MANIFEST)));
    assertEquals(one.get("files"), four.get("files"));
    assertEquals(one.get("counters"), four.get("counters"));
    assertEquals(3, one.get("counters").get("pages").asInt());
  }
}
