package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.bench.CorpusGenerator;
import dev.pagefeed.bench.TestWarc;
import dev.pagefeed.run.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netpreserve.jwarc.WarcCompression;

/**
 * The nights that broke the feed, one test per kind, each making its own data and asserting the
 * exact outcome (exit status, the line said, and that {@code CURRENT} names a complete run that
 * satisfies {@link Invariants}).
 */
class FeedTrustTest {

  @TempDir Path temp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static PagefeedOptions options(Path input, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output));
    args.addAll(List.of(more));
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
  }

  private static List<JsonNode> records(Path output, String file) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(output.resolve(file), StandardCharsets.UTF_8)) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  private static String currentRun(Path output) throws IOException {
    return Files.readString(output.resolve("CURRENT")).strip();
  }

  /** 1. A WARC file gzipped as a whole: every record its own source id, and an honest feed night after night. */
  @Test
  void aWarcFileGzippedWholeGivesEveryRecordItsOwnId() throws IOException {
    Path pages = temp.resolve("pages");
    CorpusGenerator.write(pages, 12, 3);
    Path plain = temp.resolve("crawl.warc");
    try (TestWarc warc = new TestWarc(plain, WarcCompression.NONE)) {
      warc.warcinfo("crawl.warc");
      try (Stream<Path> files = Files.list(pages)) {
        for (Path page : files.sorted().toList()) {
          warc.fetch("https://whole.example.cn/" + page.getFileName(), "text/html; charset=utf-8",
              Files.readAllBytes(page), false, false);
        }
      }
    }
    Path crawl = Files.createDirectories(temp.resolve("crawl"));
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(crawl.resolve("crawl.warc.gz")))) {
      out.write(Files.readAllBytes(plain));
    }
    Path output = temp.resolve("out");
    Manifest first = Invariants.run(options(crawl, output));
    assertEquals(12, first.counters().pages());
    assertEquals(12L, first.counters().changes().get("added"), "every page is added by the first run");
    List<JsonNode> sources = records(output, "sources.jsonl");
    assertEquals(26, sources.size(), "the file's own line, its warcinfo, 12 requests and 12 responses");
    assertTrue(sources.stream().filter(s -> s.has("offset")).allMatch(s -> s.get("offset_in").asText().equals("uncompressed")));
    // The same page read from the uncompressed file has the same offsets.
    Path plainOut = temp.resolve("plain-out");
    Path plainIn = Files.createDirectories(temp.resolve("plain-in"));
    Files.copy(plain, plainIn.resolve("crawl.warc"));
    Invariants.run(options(plainIn, plainOut));
    assertEquals(offsets(records(plainOut, "sources.jsonl")), offsets(sources));

    // Another night: one more page in another file; nothing is removed, and a rerun changes nothing.
    Files.copy(pages.resolve("000000.txt"), crawl.resolve("extra.txt"));
    Manifest second = Invariants.run(options(crawl, output, "--incremental"));
    assertEquals(0L, second.counters().changes().get("removed"));
    assertEquals(1L, second.counters().changes().get("added"));
    Manifest third = Invariants.run(options(crawl, output, "--incremental"));
    assertEquals(0, third.counters().changes().values().stream().mapToLong(Long::longValue).sum());
  }

  private static List<Long> offsets(List<JsonNode> sources) {
    return sources.stream().filter(s -> s.has("offset")).map(s -> s.get("offset").asLong()).toList();
  }

  /** 2. Every numeric option out of its range: exit 2, one line with the range, nothing written. */
  @ParameterizedTest
  @CsvSource({
      "--pageTimeoutSeconds=0, 1 to 86400",
      "--maxPageBytes=0, 1024 to 2147483639",
      "--maxPageBytes=-5, 1024 to 2147483639",
      "--warcRangeBytes=0, 4096 to",
      "--targetParallelism=0, 1 to 1024",
      "--maxRemovedPercent=101, 0 to 100",
      "--maxRemovedPercent=-1, 0 to 100"})
  void aNumericOptionOutOfItsRangeIsRefused(String option, String range) throws Exception {
    Path output = temp.resolve("out");
    CommandLineTest.Run run = CommandLineTest.pagefeed("--input=input", "--output=" + output, option);
    assertEquals(2, run.status(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("pagefeed: " + option + " is out of range; pass a whole number from " + range),
        run.err());
    assertFalse(Files.exists(output.resolve("CURRENT")));
  }

  /**
   * 3. A night whose input lost most of its pages (a half-mounted folder): the run is not committed,
   * says what it would remove and how to allow it, exits 3; allowed, it commits.
   */
  @Test
  void aRunThatWouldRemoveMostPagesKeepsThePreviousRun() throws Exception {
    Path crawl = temp.resolve("crawl");
    CorpusGenerator.write(crawl, 10, 4);
    Path output = temp.resolve("out");
    CommandLineTest.Run first = CommandLineTest.pagefeed("--input=" + crawl, "--output=" + output, "--quiet");
    assertEquals(0, first.status(), first.err());
    String before = currentRun(output);
    try (Stream<Path> files = Files.list(crawl)) {
      for (Path file : files.sorted().toList().subList(0, 7)) {
        Files.delete(file);
      }
    }
    CommandLineTest.Run shrunk = CommandLineTest.pagefeed("--input=" + crawl, "--output=" + output, "--quiet",
        "--incremental");
    assertEquals(3, shrunk.status(), shrunk.err());
    assertTrue(shrunk.err().startsWith("pagefeed: this run would remove 7 of the previous run's 10 pages (70%), more than"
        + " --maxRemovedPercent=50 allows"), shrunk.err());
    assertTrue(shrunk.err().contains("--maxRemovedPercent=100"), shrunk.err());
    assertTrue(shrunk.err().contains("000000.txt"), "names the pages it would remove: " + shrunk.err());
    assertEquals(before, currentRun(output), "the previous run stays current");
    Invariants.check(output);
    try (Stream<Path> runs = Files.list(output.resolve(".runs"))) {
      assertEquals(1, runs.count(), "the refused run removed its own folder");
    }
    CommandLineTest.Run allowed = CommandLineTest.pagefeed("--input=" + crawl, "--output=" + output, "--quiet",
        "--incremental", "--maxRemovedPercent=100");
    assertEquals(0, allowed.status(), allowed.err());
    assertEquals(7, records(output, "changes.jsonl").stream().filter(c -> c.get("change").asText().equals("removed")).count());
    Invariants.check(output);
  }

  /**
   * 4. A WARC record whose Content-Length claims more than the file holds: the records after it are
   * read, the same whole and in ranges, and every record has its line.
   */
  @Test
  void aLyingContentLengthLosesNoRecord() throws IOException {
    Path crawl = Files.createDirectories(temp.resolve("crawl"));
    StringBuilder file = new StringBuilder();
    String html = "<html><head><title>门诊报销</title></head><body><p>门诊费用报销比例为50%,年度限额为2000元,请咨询12393。</p></body></html>";
    file.append(record("https://liar.example.cn/liar.html", http(html), 1L << 40));
    for (int i = 0; i < 20; i++) {
      file.append(record("https://liar.example.cn/" + i + ".html", http(html.replace("50%", i + "%")), -1));
    }
    Files.writeString(crawl.resolve("liar.warc"), file.toString(), StandardCharsets.UTF_8);
    Path whole = temp.resolve("whole");
    Path ranges = temp.resolve("ranges");
    Manifest wholeRun = Invariants.run(options(crawl, whole));
    Invariants.run(options(crawl, ranges, "--warcRangeBytes=4096"));
    assertEquals(20, wholeRun.counters().pages());
    assertEquals(List.of(new Manifest.WarcFile("liar.warc", 21, 20, 0, 1)),
        wholeRun.warc().stream().map(w -> new Manifest.WarcFile(Path.of(w.path()).getFileName().toString(), w.records(),
            w.pages(), w.skipped(), w.errors())).toList());
    JsonNode error = records(whole, "errors.jsonl").get(0);
    assertEquals("broken_record", error.get("error_type").asText());
    assertEquals(0, error.get("offset").asLong());
    for (String name : List.of("pages.jsonl", "errors.jsonl", "sources.jsonl", "entities.jsonl")) {
      assertArrayEquals(Files.readAllBytes(whole.resolve(name)), Files.readAllBytes(ranges.resolve(name)), name);
    }
  }

  private static String record(String url, String http, long claimed) {
    int length = http.getBytes(StandardCharsets.UTF_8).length;
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8))
        + ">\r\nWARC-Date: 2025-03-01T08:00:00Z\r\nWARC-Target-URI: " + url
        + "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + (claimed < 0 ? length : claimed)
        + "\r\n\r\n" + http + "\r\n\r\n";
  }

  private static String http(String html) {
    return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
        + html.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + html;
  }

  /**
   * 5. Damaged previous output is never reused: one byte edited in pages.jsonl, a sha256 edited in the
   * manifest, a manifest cut short, a line of sources.jsonl broken at the same size (which makes the
   * steps that read it fail before the workers' check of it is in). Each next run processes every
   * file and says why; its output equals a full run's.
   */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"byte", "sha256", "truncated", "json"})
  void damagedPreviousOutputIsNeverReused(String damage) throws IOException {
    Path crawl = temp.resolve("crawl");
    CorpusGenerator.write(crawl, 8, 6);
    Path output = temp.resolve("out");
    Invariants.run(options(crawl, output));
    Path run = output.resolve(currentRun(output));
    switch (damage) {
      case "byte" -> {
        byte[] pages = Files.readAllBytes(run.resolve("pages.jsonl"));
        int at = new String(pages, StandardCharsets.ISO_8859_1).indexOf("\"title\":\"") + 9;
        pages[at] = (byte) 'X';
        Files.write(run.resolve("pages.jsonl"), pages);
      }
      case "sha256" -> {
        String manifest = Files.readString(run.resolve("manifest.json"));
        // The sha256 the manifest lists for sources.jsonl, which the change feed is computed from.
        java.util.regex.Matcher sha = java.util.regex.Pattern.compile(
            "\"name\":\"sources.jsonl\",[^}]*\"sha256\":\"([0-9a-f]{64})\"").matcher(manifest);
        assertTrue(sha.find());
        String other = sha.group(1).charAt(0) == 'a' ? "b" + sha.group(1).substring(1) : "a" + sha.group(1).substring(1);
        Files.writeString(run.resolve("manifest.json"), manifest.replace(sha.group(1), other));
      }
      case "json" -> {
        byte[] sources = Files.readAllBytes(run.resolve("sources.jsonl"));
        int at = new String(sources, StandardCharsets.ISO_8859_1).indexOf("\n{") + 1;
        sources[at] = (byte) '[';
        Files.write(run.resolve("sources.jsonl"), sources);
      }
      default -> {
        byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
        Files.write(run.resolve("manifest.json"), java.util.Arrays.copyOf(manifest, manifest.length / 2));
      }
    }
    Files.writeString(crawl.resolve("000002.txt"), Files.readString(crawl.resolve("000002.txt")) + "\n本文已更新。\n");
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = System.out;
    Manifest next;
    System.setOut(new java.io.PrintStream(said, true, StandardCharsets.UTF_8));
    try {
      next = Invariants.run(options(crawl, output, "--incremental"));
    } finally {
      System.setOut(out);
    }
    String line = said.toString(StandardCharsets.UTF_8);
    assertTrue(line.contains(damage.equals("byte") ? "processing every file, reusing nothing" : "is not built on"), line);
    assertEquals(1, line.lines().filter(l -> l.contains("reusing nothing") || l.contains("not built on")).count(),
        "the reason is said once: " + line);
    assertEquals(0, next.counters().sourcesReused());
    Path full = temp.resolve("full");
    Invariants.run(options(crawl, full));
    for (String name : List.of("pages.jsonl", "cards.jsonl", "entities.jsonl", "errors.jsonl", "sources.jsonl", "pages.csv")) {
      assertArrayEquals(Files.readAllBytes(full.resolve(name)), Files.readAllBytes(output.resolve(name)), name);
    }
    if (damage.equals("byte")) {
      assertTrue(line.contains("pages.jsonl does not match the sha256 its manifest lists"), line);
      assertEquals(1, next.counters().changes().get("updated"), "the feed is still relative to the sources, which match");
    } else {
      // What the feed is computed from cannot be trusted: every page is added, and no previous run is named.
      assertTrue(line.contains("is not built on"), line);
      assertNull(next.previousRunId());
      assertEquals(8L, next.counters().changes().get("added"));
    }
    if (damage.equals("truncated")) {
      assertTrue(line.contains("its manifest.json cannot be read (it is cut short: its JSON ends after "), line);
      assertFalse(line.contains("Unexpected end-of-input"), "in pagefeed's words, not the JSON parser's: " + line);
    }
  }

  /** 6. The output folder inside the input folder: its files are never read as pages, night after night. */
  @Test
  void theOutputFolderIsNeverInput() throws IOException {
    Path crawl = temp.resolve("crawl");
    CorpusGenerator.write(crawl, 6, 8);
    Path output = crawl.resolve("out");
    List<Long> entities = new ArrayList<>();
    for (int night = 0; night < 3; night++) {
      Manifest manifest = Invariants.run(options(crawl, output, night == 0 ? "--incremental=false" : "--incremental"));
      assertEquals(6, manifest.counters().pages());
      assertEquals(0, manifest.counters().errors());
      entities.add(manifest.counters().entities().values().stream().mapToLong(Long::longValue).sum());
    }
    assertEquals(1, new TreeSet<>(entities).size(), "the same entities every night: " + entities);
    // The same folder as input and output, night after night.
    Path both = temp.resolve("both");
    CorpusGenerator.write(both, 5, 8);
    for (int night = 0; night < 2; night++) {
      Manifest same = Invariants.run(options(both, both, "--incremental"));
      assertEquals(5, same.counters().pages(), "the crawl's pages and nothing of the run's own files");
      assertEquals(0, same.counters().errors());
    }
  }

  /**
   * 7. Links and files that are not plain files: a linked sub-folder is read once, a link loop and a
   * link to nothing each get a line, a FIFO gets a line and is never opened, an --input that is a
   * link to a folder reads the folder.
   */
  @Test
  void linksFifosAndLoopsEachGetALineOrAreRead() throws Exception {
    Path real = temp.resolve("real");
    CorpusGenerator.write(real, 3, 9);
    Path crawl = temp.resolve("crawl");
    CorpusGenerator.write(crawl, 2, 10);
    Files.createSymbolicLink(crawl.resolve("linked"), real);
    Files.createSymbolicLink(crawl.resolve("loop"), crawl);
    Files.createSymbolicLink(crawl.resolve("gone.txt"), temp.resolve("nothing-there.txt"));
    Path fifo = crawl.resolve("pipe.txt");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path output = temp.resolve("out");
    CommandLineTest.Run run = CommandLineTest.pagefeed("--input=" + crawl, "--output=" + output, "--quiet");
    assertEquals(0, run.status(), run.err());
    Invariants.check(output);
    List<JsonNode> errors = records(output, "errors.jsonl");
    Set<String> lines = new TreeSet<>();
    errors.forEach(e -> lines.add(Path.of(e.get("source").asText()).getFileName() + " " + e.get("error_type").asText()));
    lines.removeIf(line -> line.endsWith(" duplicate_id")); // the two folders' generated pages share canonical URLs
    assertEquals(Set.of("gone.txt not_a_file", "loop not_a_file", "pipe.txt not_a_file"), lines);
    assertTrue(errors.stream().anyMatch(e -> e.get("message").asText().contains("a FIFO")), errors.toString());
    long duplicates = errors.stream().filter(e -> e.get("error_type").asText().equals("duplicate_id")).count();
    assertEquals(5, records(output, "pages.jsonl").size() + duplicates, "the crawl's 2 pages and the linked folder's 3");
    assertTrue(records(output, "sources.jsonl").stream().anyMatch(s -> s.get("path").asText().contains("/linked/")),
        "the linked folder is read under its link");

    // A FIFO named in --input: a line, no hang; a link to a folder named in --input: the folder.
    Path fifoOut = temp.resolve("fifo-out");
    CommandLineTest.Run named = CommandLineTest.pagefeed("--input=" + fifo, "--output=" + fifoOut, "--quiet");
    assertEquals(0, named.status(), named.err());
    assertEquals("not_a_file", records(fifoOut, "errors.jsonl").get(0).get("error_type").asText());
    Path viaLink = temp.resolve("via-link");
    Files.createSymbolicLink(viaLink, real);
    Manifest linked = Invariants.run(options(viaLink, temp.resolve("link-out")));
    assertEquals(3, linked.counters().pages());
  }

  /** 8. An --input that does not exist, also beside a link loop: exit 2 within seconds, never a spin. */
  @Test
  void aMissingInputExitsAtOnce() throws Exception {
    Path crawl = Files.createDirectories(temp.resolve("crawl"));
    Files.createSymbolicLink(crawl.resolve("loop"), crawl);
    for (String missing : List.of(temp.resolve("nothing").toString(), crawl.resolve("nothing.txt").toString(),
        crawl.resolve("missing/*.html").toString())) {
      long started = System.nanoTime();
      CommandLineTest.Run run = CommandLineTest.pagefeed("--input=" + missing, "--output=" + temp.resolve("out"));
      assertEquals(2, run.status(), run.err());
      assertTrue(run.err().contains("matches no file"), run.err());
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "took too long");
    }
  }

  /**
   * 9. A disk that fills up: the run fails (exit 1) naming where it was, removes its own folder, and the
   * previous run stays current; the next, smaller run succeeds without a person. Needs a small file
   * system, mounted here (tmpfs, as root: CI runs as root).
   */
  @Test
  void aRunThatFillsTheDiskLeavesNoDebris() throws Exception {
    Path disk = Files.createDirectories(temp.resolve("small-disk"));
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", disk.toString())
        .redirectErrorStream(true).start();
    String mountSaid = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a small file system: " + mountSaid);
    try {
      Path small = temp.resolve("small");
      CorpusGenerator.write(small, 4, 11);
      Path big = temp.resolve("big");
      CorpusGenerator.write(big, 600, 12, true);
      Path output = disk.resolve("out");
      assertEquals(0, CommandLineTest.pagefeed("--input=" + small, "--output=" + output, "--quiet").status());
      String before = currentRun(output);
      CommandLineTest.Run full = CommandLineTest.pagefeed("--input=" + big, "--output=" + output, "--quiet",
          "--maxRemovedPercent=100");
      assertEquals(1, full.status(), full.out() + full.err());
      assertTrue(full.err().contains("the previous output is unchanged"), full.err());
      assertTrue(full.err().contains("No space left on device"), full.err());
      assertEquals(before, currentRun(output));
      Invariants.check(output);
      try (Stream<Path> runs = Files.list(output.resolve(".runs"))) {
        assertEquals(List.of(before.substring(".runs/".length())),
            runs.map(r -> r.getFileName().toString()).toList(), "the failed run removed its own folder");
      }
      Files.writeString(small.resolve("extra.txt"), Files.readString(small.resolve("000000.txt")).replace("医", "醫"));
      CommandLineTest.Run after = CommandLineTest.pagefeed("--input=" + small, "--output=" + output, "--quiet",
          "--incremental");
      assertEquals(0, after.status(), after.err());
      Invariants.check(output);
    } finally {
      new ProcessBuilder("umount", disk.toString()).start().waitFor();
    }
  }

  /**
   * 10. An unchanged crawl holding a WARC file larger than the driver's heap: the check that finds
   * it unchanged hashes it streamed (a child JVM with a 64 MB heap and a 150 MB file).
   */
  @Test
  void anUnchangedCrawlLargerThanTheHeapIsHashedStreamed() throws Exception {
    Path crawl = Files.createDirectories(temp.resolve("crawl"));
    Path warc = crawl.resolve("big.warc");
    byte[] html = ("<html><head><title>大文件</title></head><body><p>" + "医保报销比例说明。".repeat(30)
        + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
    try (TestWarc writer = new TestWarc(warc, WarcCompression.NONE)) {
      writer.warcinfo("big.warc");
      writer.fetch("https://big.example.cn/", "text/html; charset=utf-8", html, false, false);
      // One large image a crawler fetched: skipped, but its bytes are the file's.
      writer.response("https://big.example.cn/scan.png", 200, "image/png", new byte[150 << 20], false, false);
    }
    Path output = temp.resolve("out");
    CommandLineTest.Run first = CommandLineTest.pagefeed("--input=" + crawl, "--output=" + output, "--quiet",
        "--maxPageBytes=1048576");
    assertEquals(0, first.status(), first.err());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), PagefeedPipeline.class.getName(),
        "--input=" + crawl, "--output=" + output, "--quiet", "--incremental", "--maxPageBytes=1048576"));
    Process again = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(again.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, again.exitValue(), said);
    assertTrue(said.contains("1 file reused unchanged"), said);
    Invariants.check(output);
  }

  /**
   * 11. Text and links no consumer should receive: control characters past the first 8 KiB are
   * removed with a warning; javascript:, data:, vbscript: and file: links never become url fields,
   * and a javascript: canonical never becomes a page's id.
   */
  @Test
  void controlCharactersAndUnsafeLinksNeverReachTheFiles() throws IOException {
    Path crawl = Files.createDirectories(temp.resolve("crawl"));
    String filler = "<p>" + "参保人员住院费用按规定比例报销,个人负担部分可申请医疗救助。".repeat(300) + "</p>";
    Files.writeString(crawl.resolve("controls.html"), "<html><head><title>医保政策</title></head><body><article>"
        + filler + "<p>报销比例为\u000070%,\u0007年度限额\u001b为5万元。</p></article></body></html>");
    String links = "<ul class=\"related\"><li><a href=\"JavaScript:alert(1)\">医保报销比例查询</a></li>"
        + "<li><a href=\"java&#09;script:alert(2)\">门诊报销流程详解</a></li>"
        + "<li><a href=\" data:text/html,hi\">住院报销需要材料</a></li>"
        + "<li><a href=\"VBScript:msgbox\">异地就医备案办理</a></li>"
        + "<li><a href=\"file:///etc/passwd\">医保卡丢失补办</a></li>"
        + "<li><a href=\"/real/page.html\">生育保险报销标准</a></li></ul>";
    for (int i = 0; i < 2; i++) {
      Files.writeString(crawl.resolve("page-" + i + ".html"), "<html><head><title>医保问答" + i + "</title>"
          + "<link rel=\"canonical\" href=\" javascript:void(0)\"></head><body><article><p>"
          + "职工医保住院报销比例一般为70%至90%,退休人员比在职职工高约5个百分点。第" + i + "篇。</p></article>"
          + "<div>相关推荐" + links + "</div></body></html>");
    }
    Path output = temp.resolve("out");
    Manifest manifest = Invariants.run(options(crawl, output));
    assertEquals(3, manifest.counters().pages(), "two pages with a javascript: canonical keep two ids");
    for (String name : List.of("pages.jsonl", "cards.jsonl", "entities.jsonl", "pages.csv", "cards.csv", "entities.csv")) {
      String text = Files.readString(output.resolve(name));
      assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t'), name + " holds a control character");
      assertFalse(text.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\"(javascript|data|vbscript|file):.*"),
          name + " holds an unsafe link");
    }
    for (JsonNode page : records(output, "pages.jsonl")) {
      assertTrue(page.get("url").isNull(), page.get("url").toString());
      boolean controls = page.get("source").get("path").asText().endsWith("controls.html");
      assertEquals(controls, page.get("warnings").toString().contains("control_chars_removed"), page.get("warnings").toString());
    }
    for (JsonNode card : records(output, "cards.jsonl")) {
      assertTrue(card.get("url").isNull(), "a page without a URL of its own resolves no relative link: " + card);
    }
    assertEquals(12, records(output, "cards.jsonl").size(), "the links' cards are kept, without a url");
  }
}
