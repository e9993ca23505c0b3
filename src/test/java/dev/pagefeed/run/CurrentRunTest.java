package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.pagefeed.files.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which run is current: what the pointer names; with no pointer, what a pending pointer names (a
 * switch cut between removing the old pointer and renaming the new one); in an older layout, what
 * the link names. A pointer names only a complete run: one with its manifest.
 */
class CurrentRunTest {

  @TempDir Path output;

  private Path completeRun(String name) throws Exception {
    Path run = Files.createDirectories(output.resolve(".runs/" + name));
    Files.writeString(run.resolve("manifest.json"), "{}\n");
    return run;
  }

  private Location current() {
    return OutputCommitter.currentRun(Location.of(output));
  }

  @Test
  void thePointerNamesTheCurrentRun() throws Exception {
    Path a = completeRun("run-a");
    completeRun("run-b");
    Files.writeString(output.resolve(OutputCommitter.POINTER), ".runs/run-a\n");
    // A link left naming another run (a commit killed between the two) does not decide.
    Files.createSymbolicLink(output.resolve(OutputCommitter.CURRENT), Path.of(".runs/run-b"));
    // Nor does a pointer a killed run wrote and never renamed.
    Files.writeString(output.resolve(".CURRENT-run-b"), ".runs/run-b\n");
    assertEquals(Location.of(a), current());
  }

  @Test
  void withoutAPointerThePendingOneOfACompleteRunDecides() throws Exception {
    Path b = completeRun("run-b");
    Files.createDirectories(output.resolve(".runs/run-c")); // staged, never completed
    Files.writeString(output.resolve(".CURRENT-run-c"), ".runs/run-c\n");
    Files.writeString(output.resolve(".CURRENT-run-b"), ".runs/run-b\n");
    assertEquals(Location.of(b), current());
  }

  @Test
  void outputOfTheOlderLayoutIsReadThroughItsLink() throws Exception {
    Path b = completeRun("run-b");
    Files.createSymbolicLink(output.resolve(OutputCommitter.CURRENT), Path.of(".runs/run-b"));
    assertEquals(Location.of(b.toRealPath()), current());
  }

  @Test
  void aPointerOutsideTheRunsToNothingOrToAnIncompleteRunNamesNoRun() throws Exception {
    Files.writeString(output.resolve(OutputCommitter.POINTER), "../elsewhere\n");
    assertNull(current());
    Files.writeString(output.resolve(OutputCommitter.POINTER), ".runs/gone\n");
    assertNull(current());
    Files.createDirectories(output.resolve(".runs/half"));
    Files.writeString(output.resolve(OutputCommitter.POINTER), ".runs/half\n");
    assertNull(current());
  }

  @Test
  void anEmptyFolderHasNoCurrentRun() {
    assertNull(current());
  }
}
