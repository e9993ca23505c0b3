package dev.pagefeed.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The steps of a commit, in order. Before {@link #SWITCHED} the pointer {@code output/CURRENT}
 * names the previous run; from it on, the new one (and from {@link #LINKED} on, the convenience
 * links too). Tests stop a run for certain between two steps: with the system property
 * {@code pagefeed.pauseAt} naming a step (and {@code pagefeed.pauseSignal} a file to create), the
 * commit creates the file when it reaches that step and waits there to be killed. Unset, as in
 * every real run, {@link #reached} does nothing.
 */
public enum CommitStep {
  /** sources.jsonl merged (and its page ids claimed). */
  SOURCES_MERGED,
  /** Every record file merged into the staging folder. */
  FILES_MERGED,
  /** changes.jsonl written. */
  CHANGES_WRITTEN,
  /** The manifest written: the staging folder is a complete run, not yet the output. */
  MANIFEST_WRITTEN,
  /** {@code CURRENT} names the new run: from here the output is the new run. */
  SWITCHED,
  /** The {@code current} link names it too, and the output's files link through it. */
  LINKED,
  /** Earlier runs' folders removed. */
  CLEANED;

  private static final String PAUSE_AT = System.getProperty("pagefeed.pauseAt");

  /** Called by the commit at each step; pauses there for good when a test asked for it. */
  void reached() {
    if (!name().equals(PAUSE_AT)) {
      return;
    }
    try {
      String signal = System.getProperty("pagefeed.pauseSignal");
      if (signal != null) {
        Files.writeString(Path.of(signal), name());
      }
      Thread.sleep(Long.MAX_VALUE); // until the test kills the process
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal the pause at " + name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
