package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which run is current: what the pointer names, or, in an older layout, what the link names. */
class CurrentRunTest {

  @TempDir Path output;

  @Test
  void thePointerNamesTheCurrentRun() throws Exception {
    Path a = Files.createDirectories(output.resolve(".runs/run-a"));
    Files.createDirectories(output.resolve(".runs/run-b"));
    Files.writeString(output.resolve(OutputCommitter.POINTER), ".runs/run-a\n");
    // A link left naming another run (a commit killed between the two) does not decide.
    Files.createSymbolicLink(output.resolve(OutputCommitter.CURRENT), Path.of(".runs/run-b"));
    assertEquals(a, OutputCommitter.currentRun(output));
  }

  @Test
  void outputOfTheOlderLayoutIsReadThroughItsLink() throws Exception {
    Path b = Files.createDirectories(output.resolve(".runs/run-b"));
    Files.createSymbolicLink(output.resolve(OutputCommitter.CURRENT), Path.of(".runs/run-b"));
    assertEquals(b.toRealPath(), OutputCommitter.currentRun(output));
  }

  @Test
  void aPointerOutsideTheRunsOrToNothingNamesNoRun() throws Exception {
    Files.writeString(output.resolve(OutputCommitter.POINTER), "../elsewhere\n");
    assertNull(OutputCommitter.currentRun(output));
    Files.writeString(output.resolve(OutputCommitter.POINTER), ".runs/gone\n");
    assertNull(OutputCommitter.currentRun(output));
  }

  @Test
  void anEmptyFolderHasNoCurrentRun() {
    assertNull(OutputCommitter.currentRun(output));
  }
}
