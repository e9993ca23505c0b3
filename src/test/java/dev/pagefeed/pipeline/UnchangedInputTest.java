package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.files.Location;
import dev.pagefeed.run.RunPlan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's unchanged-input shortcut compares sums of hashes, not lists: every way a crawl can
 * differ while its listing looks alike (same names, same sizes) must still send the run to the
 * pipeline.
 */
class UnchangedInputTest {

  @TempDir Path temp;
  Path crawl;
  Path output;

  @BeforeEach
  void firstRun() throws IOException {
    crawl = Files.createDirectories(temp.resolve("crawl"));
    // Two pages of the same size in bytes, and a third in a folder.
    write("a.txt", "医保报销问答\n\n报销比例为70%。");
    write("b.txt", "异地就医问答\n\n报销比例为60%。");
    write("deep/c.txt", "生育保险问答\n\n可拨打12393咨询。");
    assertEquals(Files.size(crawl.resolve("a.txt")), Files.size(crawl.resolve("b.txt")));
    output = temp.resolve("out");
    Invariants.run(options());
  }

  @Test
  void theSameFilesAreFoundUnchanged() throws IOException {
    assertEquals(OptionalLong.of(3), unchanged());
  }

  @Test
  void aFileEditedToTheSameSizeIsNot() throws IOException {
    write("a.txt", "医保报销问答\n\n报销比例为80%。");
    assertEquals(OptionalLong.empty(), unchanged());
  }

  @Test
  void twoFilesOfOneSizeThatSwappedTheirContentAreNot() throws IOException {
    String a = Files.readString(crawl.resolve("a.txt"));
    write("a.txt", Files.readString(crawl.resolve("b.txt")));
    write("b.txt", a);
    assertEquals(OptionalLong.empty(), unchanged(), "each content is still there, under the other name");
  }

  @Test
  void aFileRenamedOrAddedOrRemovedIsNot() throws IOException {
    Files.move(crawl.resolve("deep/c.txt"), crawl.resolve("deep/d.txt"));
    assertEquals(OptionalLong.empty(), unchanged(), "renamed");
    Files.move(crawl.resolve("deep/d.txt"), crawl.resolve("deep/c.txt"));
    assertEquals(OptionalLong.of(3), unchanged(), "back as it was");
    write("e.txt", "新页\n\n正文。");
    assertEquals(OptionalLong.empty(), unchanged(), "added");
    Files.delete(crawl.resolve("e.txt"));
    Files.delete(crawl.resolve("b.txt"));
    assertEquals(OptionalLong.empty(), unchanged(), "removed");
  }

  @Test
  void anInputThatCannotBeReadAsAFileIsLookedAtAgain() throws IOException {
    Files.createSymbolicLink(crawl.resolve("gone.txt"), crawl.resolve("nowhere.txt"));
    assertEquals(OptionalLong.empty(), unchanged());
  }

  @Test
  void theWholeRunCommitsWithoutAPipelineAndChangesNothing() throws IOException {
    Path before = output.resolve(Files.readString(output.resolve("CURRENT")).strip()).resolve("pages.jsonl");
    String pages = Files.readString(before);
    var rerun = Invariants.run(options());
    assertEquals(3, rerun.counters().sourcesReused());
    assertEquals(pages, Files.readString(output.resolve("pages.jsonl")));
    assertTrue(Files.readString(output.resolve("changes.jsonl")).isEmpty());
  }

  @Test
  void theDigestSummedOverShardsIsTheListingsToo() throws IOException {
    Path sharded = temp.resolve("sharded");
    Invariants.run(options(sharded, "--shards=4"));
    assertEquals(OptionalLong.of(3), unchanged(options(sharded, "--shards=4")), "four shards' sums add up to the listing's");
    write("a.txt", "医保报销问答\n\n报销比例为80%。");
    assertEquals(OptionalLong.empty(), unchanged(options(sharded, "--shards=4")));
  }

  private OptionalLong unchanged() throws IOException {
    return unchanged(options());
  }

  private OptionalLong unchanged(PagefeedOptions options) throws IOException {
    RunPlan plan = RunPlan.of(Location.of(options.getOutput()), PagefeedPipeline.runOptions(options));
    return UnchangedInput.sameAsBefore(PagefeedPipeline.inputPatterns(options), plan.reusable().orElseThrow());
  }

  private PagefeedOptions options() {
    return options(output);
  }

  private PagefeedOptions options(Path output, String... more) {
    java.util.List<String> args = new java.util.ArrayList<>(
        java.util.List.of("--input=" + crawl, "--output=" + output, "--incremental=true"));
    args.addAll(java.util.List.of(more));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
  }

  private void write(String name, String text) throws IOException {
    Path file = crawl.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
