package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.PartFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one step of a run's end that stays in the pipeline, the list of staged work, is idempotent:
 * written twice (a runner's retry), in another order, it is the same file, and it reads back as
 * written.
 */
class StagedWorkTest {

  @TempDir Path staging;

  private static final PartFiles.Part PAGES = new PartFiles.Part(new OutputShard(OutputFile.PAGES_JSONL, 0, 1), "/s/parts/pages.jsonl/b.part", 2, 300);
  private static final PartFiles.Part CARDS = new PartFiles.Part(new OutputShard(OutputFile.CARDS_CSV, 0, 1), "/s/parts/cards.csv/a.part", 40, 9000);

  @Test
  void writingItTwiceLeavesTheSameFile() throws Exception {
    Location folder = Location.of(staging);
    new StagedWork(List.of(PAGES, CARDS), List.of("in/b.txt", "in/a.txt")).write(folder);
    byte[] once = Files.readAllBytes(staging.resolve(StagedWork.FILE));
    new StagedWork(List.of(CARDS, PAGES), List.of("in/a.txt", "in/b.txt", "in/a.txt")).write(folder);
    assertArrayEquals(once, Files.readAllBytes(staging.resolve(StagedWork.FILE)));
    try (Stream<Path> files = Files.list(staging)) {
      assertEquals(List.of(StagedWork.FILE), files.map(f -> f.getFileName().toString()).toList(),
          "no temporary file is left beside it");
    }
    StagedWork read = StagedWork.read(folder);
    assertEquals(List.of(CARDS, PAGES), read.parts());
    assertEquals(List.of("in/a.txt", "in/b.txt"), read.reused());
  }
}
