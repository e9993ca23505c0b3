package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagefeed.model.Ids;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs pagefeed in child JVMs and kills them ({@code kill -9}) at every step of the commit, and an
 * incremental run midway: the output folder then always holds one complete run, the previous or
 * the new as the step says, matching its manifest. Two runs into one folder at once: the second
 * refuses.
 */
class AtomicOutputTest {

  @TempDir static Path temp;
  static Path corpusA;
  static Path corpusB;

  @BeforeAll
  static void corpora() throws IOException {
    corpusA = corpus("a", 40);
    corpusB = corpus("b", 60);
  }

  /** {@code pages} variants of a seed page, each with its own title. */
  static Path corpus(String name, int pages) throws IOException {
    Path dir = Files.createDirectories(temp.resolve(name));
    String seed = Files.readString(Path.of("input", SeedRuns.SEEDS.get(0)));
    for (int i = 0; i < pages; i++) {
      Files.writeString(dir.resolve(String.format("%s-%03d.txt", name, i)),
          seed.replaceFirst("医疗保障政策有哪些", "医疗保障政策有哪些(" + name + i + ")"));
    }
    return dir;
  }

  private static Process start(Path input, Path output, String... more) throws IOException {
    return start(List.of(), input, output, more);
  }

  /** A pagefeed run in a child JVM, with {@code jvm} options (system properties) before its class. */
  private static Process start(List<String> jvm, Path input, Path output, String... more) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), PagefeedPipeline.class.getName(),
        "--input=" + input, "--output=" + output));
    // The runs switch between two corpora, so each removes every page of the one before.
    command.add("--maxRemovedPercent=100");
    command.addAll(List.of(more));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(temp.resolve("child-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  /**
   * The run id of the complete run the pointer {@code output/CURRENT} names, after checking every
   * file against its manifest.
   */
  static String completeRun(Path output) throws IOException {
    Invariants.check(output);
    return completeRunIn(output.resolve(Files.readString(output.resolve("CURRENT")).strip()));
  }

  /** The same through the convenience links ({@code output/manifest.json} and so on). */
  static String completeRunThroughLinks(Path output) throws IOException {
    return completeRunIn(output);
  }

  private static String completeRunIn(Path folder) throws IOException {
    JsonNode manifest = SeedRuns.read(Files.readString(folder.resolve("manifest.json")));
    for (JsonNode file : manifest.get("files")) {
      byte[] bytes = Files.readAllBytes(folder.resolve(file.get("name").asText()));
      assertEquals(file.get("sha256").asText(), Ids.sha256(bytes), file.get("name").asText());
      if (file.get("name").asText().endsWith(".jsonl")) {
        long lines = new String(bytes, StandardCharsets.UTF_8).lines().count();
        assertEquals(file.get("records").asLong(), lines, file.get("name").asText());
      }
    }
    return manifest.get("run_id").asText();
  }

  /**
   * A run killed ({@code kill -9}) at each step of its commit, for certain: the commit pauses at
   * the step (a test-only hook, {@link dev.pagefeed.run.CommitStep}) and says so, and only then is
   * the run killed. Before the switch the output is still the previous run; from it on, the new
   * one; always complete and matching its manifest. Each run writes the other corpus than the
   * one the output holds, so either outcome shows.
   */
  @Test
  void aRunKilledAtAnyStepOfItsCommitLeavesOneCompleteRun() throws Exception {
    Path output = temp.resolve("out");
    Process first = start(corpusA, output);
    assertTrue(first.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue());
    String runA = completeRun(output);
    Process full = start(corpusB, temp.resolve("reference"));
    assertTrue(full.waitFor(180, TimeUnit.SECONDS));
    String runB = completeRun(temp.resolve("reference"));

    String held = runA;
    List<String> seen = new ArrayList<>();
    for (dev.pagefeed.run.CommitStep step : dev.pagefeed.run.CommitStep.values()) {
      boolean writesB = held.equals(runA);
      Path signal = temp.resolve("paused-" + step);
      Process run = start(List.of("-Dpagefeed.pauseAt=" + step, "-Dpagefeed.pauseSignal=" + signal),
          writesB ? corpusB : corpusA, output);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (!Files.exists(signal) && run.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(Files.exists(signal), "the run never reached " + step);
      run.destroyForcibly();
      assertTrue(run.waitFor(60, TimeUnit.SECONDS));

      String left = completeRun(output);
      String written = writesB ? runB : runA;
      boolean switched = step.compareTo(dev.pagefeed.run.CommitStep.SWITCHED) >= 0;
      assertEquals(switched ? written : held, left,
          "killed at " + step + ": " + (switched ? "after the switch the new run" : "before it the previous run") + " is the output");
      // The links follow the pointer: the previous run until they are made, then the new one.
      boolean linked = step.compareTo(dev.pagefeed.run.CommitStep.LINKED) >= 0;
      assertEquals(linked || !switched ? left : held, completeRunThroughLinks(output), "the links at " + step);
      seen.add(step + ":" + (left.equals(held) ? "previous" : "new"));
      held = left;
    }
    // A run after all that ends as a clean one would.
    boolean writesB = held.equals(runA);
    Process again = start(writesB ? corpusB : corpusA, output);
    assertTrue(again.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, again.exitValue());
    assertEquals(writesB ? runB : runA, completeRun(output));
    System.out.println("kill -9 at each commit step (what the output held afterwards): " + seen);
  }

  /**
   * A nightly incremental run killed midway and started again ends as one clean incremental run
   * would have: same record files, same change feed.
   */
  @Test
  void killedIncrementalRunRetriedEndsAsACleanRun() throws Exception {
    Path crawl = corpus("nightly", 40);
    Path output = temp.resolve("nightly-out");
    Process first = start(crawl, output, "--incremental");
    assertTrue(first.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, first.exitValue());
    String yesterday = completeRun(output);
    Path clean = temp.resolve("nightly-clean");
    copyTree(output, clean);

    // The night's changes: one page edited, one removed, one added.
    Path edited = crawl.resolve("nightly-003.txt");
    Files.writeString(edited, Files.readString(edited).replaceFirst("。", "。今日更新。"));
    Files.delete(crawl.resolve("nightly-007.txt"));
    Files.copy(crawl.resolve("nightly-010.txt"), crawl.resolve("nightly-new.txt"));
    Files.writeString(crawl.resolve("nightly-new.txt"),
        Files.readString(crawl.resolve("nightly-new.txt")).replace("(nightly10)", "(nightly-new)"));

    long started = System.nanoTime();
    Process reference = start(crawl, clean, "--incremental");
    assertTrue(reference.waitFor(180, TimeUnit.SECONDS));
    long wholeRunMillis = (System.nanoTime() - started) / 1_000_000;
    String tonight = completeRun(clean);

    Process killed = start(crawl, output, "--incremental");
    boolean finished = killed.waitFor(wholeRunMillis / 2, TimeUnit.MILLISECONDS);
    killed.destroyForcibly();
    assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
    if (!finished) {
      assertEquals(yesterday, completeRun(output), "a killed run leaves the previous one in place");
    }
    Process retry = start(crawl, output, "--incremental");
    assertTrue(retry.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, retry.exitValue());
    assertEquals(tonight, completeRun(output));
    List<String> compared = new ArrayList<>(List.of("changes.jsonl"));
    for (dev.pagefeed.encode.OutputFile file : dev.pagefeed.encode.OutputFile.values()) {
      compared.add(file.fileName());
    }
    for (String file : finished ? compared.subList(1, compared.size()) : compared) {
      assertEquals(Files.readString(clean.resolve(file)), Files.readString(output.resolve(file)), file);
    }
    assertEquals(3, Files.readAllLines(clean.resolve("changes.jsonl")).size());
  }

  /** Copies a folder, symbolic links as links (the output's links are relative). */
  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isSymbolicLink(path)) {
          Files.createSymbolicLink(target, Files.readSymbolicLink(path));
        } else if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  @Test
  void secondRunIntoTheSameOutputRefuses() throws Exception {
    Path output = Files.createDirectories(temp.resolve("shared-out"));
    Process first = start(corpusB, output);
    try {
      waitUntilLocked(output.resolve(".lock"), first);
      CommandLineTest.Run second = CommandLineTest.pagefeed("--input=" + corpusA, "--output=" + output);
      assertEquals(2, second.status(), second.err());
      assertTrue(second.err().contains("another pagefeed run is writing into"), second.err());
    } finally {
      assertTrue(first.waitFor(180, TimeUnit.SECONDS));
    }
    assertEquals(0, first.exitValue());
    completeRun(output);
  }

  /** Waits until another process holds the lock file's lock. */
  private static void waitUntilLocked(Path lockFile, Process holder) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && holder.isAlive()) {
      if (Files.exists(lockFile)) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
          FileLock probe = channel.tryLock();
          if (probe == null) {
            return;
          }
          probe.release();
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the first run never took the lock");
  }
}
