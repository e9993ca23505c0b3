package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.files.Location;
import dev.pagefeed.parts.FileSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline's last step, the summary it leaves for the driver, is idempotent: written twice (a
 * runner's retry), in another order, it is the same file, and it reads back as written.
 */
class StagedWorkTest {

  @TempDir Path staging;

  private static final FileSummary PAGES = new FileSummary("pages.jsonl", 2, 300, "ab", Map.of("error_page", 1L));
  private static final FileSummary CARDS = new FileSummary("cards.csv", 40, 9000, "cd", Map.of());
  private static final Manifest.WarcFile A = new Manifest.WarcFile("a.warc.gz", 3, 1, 1, 1);
  private static final Manifest.WarcFile B = new Manifest.WarcFile("b.warc.gz", 1, 1, 0, 0);
  private static final ChangeFeed.Removed X = new ChangeFeed.Removed("00000000000000aa", "a.txt");
  private static final ChangeFeed.Removed Y = new ChangeFeed.Removed("00000000000000bb", "b.txt");
  private static final PreviousRun.Mismatch M1 = new PreviousRun.Mismatch("pages.jsonl", false, "pages.jsonl does not match");
  private static final PreviousRun.Mismatch M2 = new PreviousRun.Mismatch("sources.jsonl", true, "sources.jsonl has 3 bytes");

  @Test
  void writingItTwiceLeavesTheSameFile() throws Exception {
    Location folder = Location.of(staging);
    new StagedWork(List.of(PAGES, CARDS), List.of(B, A), 1, 2, 3, List.of(Y, X), List.of(M2, M1)).write(folder);
    byte[] once = Files.readAllBytes(staging.resolve(StagedWork.FILE));
    new StagedWork(List.of(CARDS, PAGES), List.of(A, B), 1, 2, 3, List.of(X, Y), List.of(M1, M2)).write(folder);
    assertArrayEquals(once, Files.readAllBytes(staging.resolve(StagedWork.FILE)));
    try (Stream<Path> files = Files.list(staging)) {
      assertEquals(List.of(StagedWork.FILE), files.map(f -> f.getFileName().toString()).toList(),
          "no temporary file is left beside it");
    }
    StagedWork read = StagedWork.read(folder);
    assertEquals(new StagedWork(List.of(CARDS, PAGES), List.of(A, B), 1, 2, 3, List.of(X, Y), List.of(M1, M2)), read);
    assertEquals(List.of(CARDS, PAGES), read.files(), "in name order");
  }
}
