package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad command line gives one line saying what is wrong and how to fix it, and exit status 2. */
class CommandLineTest {

  @TempDir Path temp;

  /** The exit status, standard output and standard error of pagefeed run in a child JVM. */
  record Run(int status, String out, String err) {}

  static Run pagefeed(String... args) throws IOException, InterruptedException {
    return pagefeedIn(Path.of("").toAbsolutePath(), args);
  }

  /** pagefeed run in a child JVM whose environment has {@code env}'s variables (a null value: none of that name). */
  static Run pagefeedWith(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
    return pagefeed(Path.of("").toAbsolutePath(), env, args);
  }

  /** pagefeed run in a child JVM whose working folder is {@code folder}. */
  static Run pagefeedIn(Path folder, String... args) throws IOException, InterruptedException {
    return pagefeed(folder, java.util.Map.of(), args);
  }

  private static Run pagefeed(Path folder, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), PagefeedPipeline.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
    env.forEach((name, value) -> {
      if (value == null) {
        builder.environment().remove(name);
      } else {
        builder.environment().put(name, value);
      }
    });
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "pagefeed did not finish");
    return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  private static void assertUsageError(Run run, String expected) {
    assertEquals(2, run.status(), run.err());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("pagefeed: "), lines.get(0));
    assertTrue(lines.get(0).contains(expected), lines.get(0));
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void missingInput() throws Exception {
    Path missing = temp.resolve("nothing-here");
    assertUsageError(pagefeed("--input=" + missing, "--output=" + temp.resolve("out")),
        "pagefeed: input " + missing + " matches no file; pass an existing file, folder or glob with --input");
  }

  @Test
  void anHdfsPathWithoutItsHost() throws Exception {
    assertUsageError(pagefeed("--input=hdfs:///data/crawl", "--output=" + temp.resolve("out")),
        "input hdfs:///data/crawl names no host; pass it with its host and port, e.g. --input=hdfs://namenode:8020/data/crawl");
    assertUsageError(pagefeed("--input=input", "--output=hdfs:///data/out"), "output folder hdfs:///data/out names no host");
  }

  @Test
  void aFileSystemThisJarDoesNotHave() throws Exception {
    assertUsageError(pagefeed("--input=input", "--output=gs://bucket/out"),
        "output folder gs://bucket/out cannot be written (No filesystem found for scheme gs (pagefeed reads and writes"
            + " local folders, and with the cluster jar hdfs:// and s3://)");
  }

  @Test
  void aParquetCompressionWithoutParquet() throws Exception {
    assertUsageError(pagefeed("--input=input", "--output=" + temp.resolve("out"), "--parquetCompression=snappy"),
        "--parquetCompression=snappy has no effect without Parquet; pass --formats=jsonl,csv,parquet too, or leave it out");
  }

  @Test
  void anObjectStoreWithoutItsRegion() throws Exception {
    // No AWS settings in the child's environment: the client finds no region before it reaches any store.
    java.util.Map<String, String> env = new java.util.HashMap<>();
    for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE")) {
      env.put(name, null);
    }
    env.put("AWS_CONFIG_FILE", temp.resolve("no-aws-config").toString());
    Run run = pagefeedWith(env, "--input=input", "--output=s3://bucket/out");
    assertUsageError(run, "output folder s3://bucket/out cannot be written (no AWS region is set; pass"
        + " --awsRegion=REGION or set AWS_REGION); pass a writable folder with --output");
  }

  @Test
  void globMatchingNothing() throws Exception {
    assertUsageError(pagefeed("--input=" + temp + "/*.html", "--output=" + temp.resolve("out")),
        "matches no file");
  }

  @Test
  void unwritableOutput() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "x");
    assertUsageError(pagefeed("--input=input", "--output=" + file.resolve("out")), "pass a writable folder with --output");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "--inptu=input | pagefeed: unknown option --inptu; did you mean --input? (see --help)",
    "--bogus=1 | pagefeed: unknown option --bogus (see --help)",
    "--maxPageBytes=lots | pagefeed: --maxPageBytes=lots is not a whole number (see --help)",
    "--shards=abc | pagefeed: --shards=abc is not a whole number (see --help)",
    "--shards=99999999999 | pagefeed: --shards=99999999999 is out of range; pass a whole number from 1 to 1024 (see --help)",
    "--incremental=maybe | pagefeed: --incremental=maybe is not true or false (a flag alone, --name, means true) (see --help)",
    "--shards | pagefeed: --shards (given without a value) is not a whole number (see --help)",
  })
  void badOptionSaysWhichAndWhatItTakes(String option, String expected) throws Exception {
    Run run = pagefeed("--input=input", "--output=" + temp.resolve("out"), option);
    assertEquals(2, run.status(), run.err());
    assertEquals(List.of(expected), run.err().lines().toList());
  }

  @Test
  void anEmptyInputValueNamesNothingInTheManifest() {
    PagefeedOptions options = org.apache.beam.sdk.options.PipelineOptionsFactory
        .fromArgs("--input=crawl, ,news", "--input=").as(PagefeedOptions.class);
    assertEquals(List.of("crawl", "news"), PagefeedPipeline.runOptions(options).input());
  }

  @Test
  void anOptionGivenTwiceIsNamed() throws Exception {
    // --input may be repeated (it takes a list): the option named is the one that may not.
    Run run = pagefeed("--input=input", "--input=input", "--output=" + temp.resolve("a"), "--output=" + temp.resolve("b"));
    assertEquals(2, run.status(), run.err());
    assertEquals(List.of("pagefeed: --output is given 2 times (--output=" + temp.resolve("a") + " --output="
        + temp.resolve("b") + "); pass it once"), run.err().lines().toList());
  }

  @Test
  void formatsPagefeedDoesNotWriteAreRefusedWithTheChoices() throws Exception {
    Path out = temp.resolve("out");
    assertUsageError(pagefeed("--input=input", "--output=" + out, "--formats=jsonl,xml"),
        "--formats=jsonl,xml names 'xml', which pagefeed does not write; pass any of jsonl, csv, parquet");
    assertUsageError(pagefeed("--input=input", "--output=" + out, "--formats=parquet"),
        "--formats=parquet leaves out jsonl, which pagefeed always writes");
    assertUsageError(pagefeed("--input=input", "--output=" + out, "--formats=csv"),
        "--formats=csv leaves out jsonl, which pagefeed always writes (the other formats are made from it, and"
            + " incremental runs reuse records from it); pass e.g. --formats=jsonl,parquet");
    assertUsageError(pagefeed("--input=input", "--output=" + out, "--formats=jsonl,csv,parquet", "--parquetCompression=lz4"),
        "--parquetCompression=lz4 is no compression pagefeed writes; pass zstd or snappy");
    assertFalse(Files.exists(out.resolve("CURRENT")), "nothing was run");
  }

  @Test
  void unknownEncoding() throws Exception {
    assertUsageError(pagefeed("--input=input", "--output=" + temp.resolve("out"), "--encoding=klingon"),
        "pass a charset name");
  }

  @Test
  void helpListsPagefeedOptions() throws Exception {
    Run run = pagefeed("--help");
    assertEquals(0, run.status(), run.err());
    for (String option : List.of("--input", "--output", "--maxPageBytes", "--csvRaw", "--csvBom", "--encoding")) {
      assertTrue(run.out().contains(option), option);
    }
  }
}
