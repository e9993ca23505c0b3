package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.bench.CorpusGenerator;
import dev.pagefeed.bench.LocalS3;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.run.OutputCommitter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * pagefeed on an object store for real: an S3 API server in this JVM (S3Proxy over an in-memory
 * store, buckets by path as MinIO serves them), the same crawl in a local folder and in a bucket,
 * and a full run then an {@code --incremental} run after the crawl changed, local to local and S3
 * to S3. The crawl holds a WARC file too, read in 4 KB ranges (seeking in S3 objects). The S3
 * output equals the local output byte for byte, but for the source paths, which name where each
 * file was read; the commit leaves one run and the pointer, replaced in one PUT.
 */
class S3RunTest {

  @TempDir static Path temp;
  static LocalS3 store;
  static S3Client s3;

  @BeforeAll
  static void startStore() throws Exception {
    store = new LocalS3(0, List.of("crawls", "tables"));
    s3 = store.client();
  }

  @AfterAll
  static void stopStore() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  /** The options a user gives for the store: its endpoint and the credentials (here as options). */
  static List<String> storeOptions() {
    return store.options();
  }

  private static Manifest run(String input, String output, boolean incremental) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--warcRangeBytes=4096"));
    args.addAll(storeOptions());
    if (incremental) {
      args.add("--incremental");
    }
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(PagefeedPipeline.withRunDefaults(args.toArray(String[]::new)))
        .as(PagefeedOptions.class);
    dev.pagefeed.files.Location.useOptions(options); // s3:// for the listing, as the command line does
    return PagefeedPipeline.run(options, PagefeedPipeline.inputPatterns(options));
  }

  private static void upload(Path local, String bucket, String prefix) throws IOException {
    try (Stream<Path> files = Files.walk(local)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        s3.putObject(b -> b.bucket(bucket).key(prefix + "/" + local.relativize(file)), RequestBody.fromFile(file));
      }
    }
  }

  private static List<String> keys(String bucket, String prefix) {
    return s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build()).contents()
        .stream().map(S3Object::key).sorted().toList();
  }

  private static byte[] object(String bucket, String key) {
    return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
  }

  /** The output files but the manifest (whose inputs and hashes differ by store). */
  private static List<String> names() {
    return SeedRuns.outputNames().stream().filter(name -> !name.equals(OutputFile.MANIFEST)).toList();
  }

  /** The crawl changed: one page edited, one added, one removed; in both copies. */
  private static void changeCrawl(Path local) throws IOException {
    Path edited = local.resolve("000002.txt");
    Files.writeString(edited, "\n新增段落：参保人员可拨打12393咨询，报销比例提高到75%。\n", StandardOpenOption.APPEND);
    Files.copy(local.resolve("000004.txt"), local.resolve("added.txt"));
    Files.delete(local.resolve("000005.html"));
    s3.putObject(b -> b.bucket("crawls").key("night/000002.txt"), RequestBody.fromFile(edited));
    s3.putObject(b -> b.bucket("crawls").key("night/added.txt"), RequestBody.fromFile(local.resolve("added.txt")));
    s3.deleteObject(b -> b.bucket("crawls").key("night/000005.html"));
  }

  @Test
  void s3InAndOutGiveTheLocalRunsRecordsFullAndIncremental() throws Exception {
    Path crawl = temp.resolve("night");
    SeedRuns.storeCrawl(crawl, temp.resolve("other"));
    upload(crawl, "crawls", "night");
    String remoteCrawl = "s3://crawls/night";
    String remoteOut = "s3://tables/pagefeed";

    for (boolean incremental : new boolean[] {false, true}) {
      if (incremental) {
        changeCrawl(crawl);
      }
      String step = incremental ? "incremental" : "full";
      Manifest local = run(crawl.toString(), temp.resolve("local-out").toString(), incremental);
      Manifest onS3 = run(remoteCrawl, remoteOut, incremental);
      assertEquals(local.counters(), onS3.counters(), step);

      String run = new String(object("tables", "pagefeed/" + OutputCommitter.POINTER), StandardCharsets.UTF_8).strip();
      for (String name : names()) {
        String want = Files.readString(temp.resolve("local-out").resolve(name), StandardCharsets.UTF_8)
            .replace(crawl + "/", remoteCrawl + "/").replace(local.runId(), onS3.runId());
        assertEquals(want, new String(object("tables", "pagefeed/" + run + "/" + name), StandardCharsets.UTF_8),
            step + ": " + name + " differs");
      }
      assertEquals(onS3.runId(), dev.pagefeed.run.PreviousRun.of(new dev.pagefeed.files.Location(remoteOut + "/" + run))
          .manifest().runId(), step + ": the committed manifest, read back through the store");
      if (incremental) {
        assertEquals(26, onS3.counters().sourcesReused(), "every unchanged object reused, the WARC file too");
        assertEquals(1L, onS3.counters().changes().get("added"));
        assertEquals(2L, onS3.counters().changes().get("updated"));
        assertEquals(1L, onS3.counters().changes().get("removed"));
      } else {
        assertEquals(30, onS3.counters().pages());
        assertEquals(1, onS3.counters().errors());
        assertEquals(4L, onS3.counters().warcRecords().get("response"));
      }
    }
    // The bucket holds the pointer and one run: nothing of the run before, no staging, no pending pointer.
    List<String> left = keys("tables", "pagefeed/");
    String run = new String(object("tables", "pagefeed/" + OutputCommitter.POINTER), StandardCharsets.UTF_8).strip();
    for (String key : left) {
      assertTrue(key.equals("pagefeed/" + OutputCommitter.POINTER) || key.startsWith("pagefeed/" + run + "/"), key);
    }
    for (String name : names()) {
      assertTrue(left.contains("pagefeed/" + run + "/" + name), name + " in " + left);
    }
    assertTrue(left.contains("pagefeed/" + run + "/" + OutputFile.MANIFEST), left.toString());
  }

  @Test
  void aSecondRunOverTheSameObjectsChangesNothing() throws Exception {
    Path crawl = temp.resolve("small");
    CorpusGenerator.write(crawl, 6, 5);
    upload(crawl, "crawls", "small");
    Manifest first = run("s3://crawls/small", "s3://tables/small", false);
    byte[] pages = object("tables", "small/" + new String(object("tables", "small/" + OutputCommitter.POINTER),
        StandardCharsets.UTF_8).strip() + "/" + OutputFile.PAGES_JSONL.fileName());
    Manifest again = run("s3://crawls/small", "s3://tables/small", true);
    assertEquals(first.counters().pages(), again.counters().pages());
    assertEquals(6, again.counters().sourcesReused());
    assertTrue(again.counters().changes().values().stream().allMatch(n -> n == 0), again.counters().changes().toString());
    assertArrayEquals(pages, object("tables", "small/" + new String(object("tables", "small/" + OutputCommitter.POINTER),
        StandardCharsets.UTF_8).strip() + "/" + OutputFile.PAGES_JSONL.fileName()));
  }

  @Test
  void aMissingBucketOrAnUnreachableStoreIsOneLineAndExitTwo() throws Exception {
    Path crawl = temp.resolve("few");
    CorpusGenerator.write(crawl, 2, 3);
    List<String> store = storeOptions();
    CommandLineTest.Run noBucket = CommandLineTest.pagefeed(Stream.concat(store.stream(),
        Stream.of("--input=" + crawl, "--output=s3://no-such-bucket/out")).toArray(String[]::new));
    assertOneLine(noBucket, "output folder s3://no-such-bucket/out cannot be written");
    CommandLineTest.Run noInput = CommandLineTest.pagefeed(Stream.concat(store.stream(),
        Stream.of("--input=s3://no-such-bucket/crawl", "--output=" + temp.resolve("few-out"))).toArray(String[]::new));
    assertOneLine(noInput, "input s3://no-such-bucket/crawl");
    // Nothing listens on port 1.
    CommandLineTest.Run unreachable = CommandLineTest.pagefeed("--endpoint=http://127.0.0.1:1", store.get(1),
        "--input=" + crawl, "--output=s3://tables/unreachable");
    assertOneLine(unreachable, "output folder s3://tables/unreachable cannot be written");
    // Another service at the endpoint (a web server answering 404 to everything).
    com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext("/", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    web.start();
    try {
      CommandLineTest.Run notAStore = CommandLineTest.pagefeed("--endpoint=http://127.0.0.1:" + web.getAddress().getPort(),
          store.get(1), "--input=s3://crawls/night", "--output=" + temp.resolve("web-out"));
      assertOneLine(notAStore, "input s3://crawls/night cannot be listed: the endpoint answered HTTP 404 without an S3"
          + " error; check that --endpoint is the store's address; pass a file, folder or glob pagefeed can list");
    } finally {
      web.stop(0);
    }
  }

  private static void assertOneLine(CommandLineTest.Run run, String expected) {
    assertEquals(2, run.status(), run.err());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("pagefeed: ") && lines.get(0).contains(expected), lines.get(0));
    assertFalse(run.err().contains("Exception"), run.err());
  }
}
