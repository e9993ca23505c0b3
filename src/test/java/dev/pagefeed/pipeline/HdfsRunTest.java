package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pagefeed on HDFS for real: a {@link MiniDFSCluster} in this JVM, the same crawl in a local
 * folder and in HDFS, and three runs of each kind (full, then {@code --incremental} after the crawl
 * changed): local to local, HDFS to HDFS, HDFS to local. The crawl holds a WARC file too, read in
 * 4 KB ranges (seeking in the HDFS file). The HDFS output equals the local output of
 * the same input byte for byte, every file; the local input's output equals it too, but for the
 * source paths, which name where each file was read ({@code hdfs://…} or a local path).
 */
class HdfsRunTest {

  @TempDir static Path temp;
  static MiniDFSCluster cluster;
  static FileSystem hdfs;
  static Configuration conf;
  static String hdfsUri;

  @BeforeAll
  static void startCluster() throws IOException {
    conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("dfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = cluster.getFileSystem();
    hdfsUri = "hdfs://localhost:" + cluster.getNameNodePort();
    conf.set("fs.defaultFS", hdfsUri);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  private static Manifest run(String input, String output, boolean incremental) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--warcRangeBytes=4096"));
    if (incremental) {
      args.add("--incremental");
    }
    PagefeedOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(PagefeedOptions.class);
    options.as(HadoopFileSystemOptions.class).setHdfsConfiguration(List.of(conf));
    org.apache.beam.sdk.io.FileSystems.setDefaultPipelineOptions(options); // hdfs:// for the listing below
    return PagefeedPipeline.run(options, PagefeedPipeline.inputPatterns(options));
  }

  /** The current run's files of an output folder on HDFS, copied into {@code local}. */
  private static Path copyDown(String output, Path local) throws IOException {
    org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(output);
    String run;
    try (var in = hdfs.open(new org.apache.hadoop.fs.Path(out, OutputCommitter.POINTER))) {
      run = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    for (String name : names()) {
      hdfs.copyToLocalFile(new org.apache.hadoop.fs.Path(out, run + "/" + name), new org.apache.hadoop.fs.Path(local.resolve(name).toString()));
    }
    return local;
  }

  private static List<String> names() {
    return SeedRuns.outputNames();
  }

  /** The crawl changed: one page edited, one added, one removed; in both copies. */
  private static void changeCrawl(Path local, String remote) throws IOException {
    Path edited = local.resolve("000002.txt");
    Files.writeString(edited, "\n新增段落：参保人员可拨打12393咨询，报销比例提高到75%。\n", StandardOpenOption.APPEND);
    Files.copy(local.resolve("000004.txt"), local.resolve("added.txt"));
    Files.delete(local.resolve("000005.html"));
    hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(edited.toString()),
        new org.apache.hadoop.fs.Path(remote + "/000002.txt"));
    hdfs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(local.resolve("added.txt").toString()),
        new org.apache.hadoop.fs.Path(remote + "/added.txt"));
    hdfs.delete(new org.apache.hadoop.fs.Path(remote + "/000005.html"), false);
  }

  /** Every output file of {@code actual} equals {@code expected}'s, byte for byte. */
  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    for (String name : names()) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(name)), Files.readAllBytes(actual.resolve(name)), name + " differs");
    }
  }

  /**
   * The records of a run over the local copy of the crawl equal those of a run over the HDFS copy
   * once the source paths are mapped (they name where each file was read), and with them the run
   * ids of changes.jsonl (a run's id hashes its files). The manifests differ in their inputs and
   * hashes; their counters are compared by the caller.
   */
  private static void assertSameRecords(Path local, Manifest localRun, Path fromHdfs, Manifest hdfsRun,
      String localInput, String hdfsInput) throws IOException {
    for (String name : names()) {
      if (name.equals(OutputFile.MANIFEST)) {
        continue;
      }
      String want = Files.readString(local.resolve(name), StandardCharsets.UTF_8).replace(localInput, hdfsInput)
          .replace(localRun.runId(), hdfsRun.runId());
      assertEquals(want, Files.readString(fromHdfs.resolve(name), StandardCharsets.UTF_8), name + " differs");
    }
  }

  @Test
  void hdfsInAndOutGiveTheLocalRunsFilesFullAndIncremental() throws Exception {
    Path crawl = temp.resolve("crawl");
    SeedRuns.storeCrawl(crawl, temp.resolve("other"));
    String remoteCrawl = hdfsUri + "/data/crawl";
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(crawl.toString()), new org.apache.hadoop.fs.Path("/data/crawl"));

    for (boolean incremental : new boolean[] {false, true}) {
      if (incremental) {
        changeCrawl(crawl, remoteCrawl);
      }
      String step = incremental ? "incremental" : "full";
      Manifest local = run(crawl.toString(), temp.resolve("local-out").toString(), incremental);
      Manifest onHdfs = run(remoteCrawl, hdfsUri + "/data/out", incremental);
      Manifest hdfsToLocal = run(remoteCrawl, temp.resolve("hdfs-in-local-out").toString(), incremental);

      assertEquals(hdfsToLocal.runId(), onHdfs.runId(), step);
      assertEquals(local.counters(), onHdfs.counters(), step);
      Path fromHdfs = copyDown(hdfsUri + "/data/out", Files.createDirectories(temp.resolve("copied-" + step)));
      assertSameFiles(temp.resolve("hdfs-in-local-out"), fromHdfs);
      assertSameRecords(temp.resolve("local-out"), local, fromHdfs, onHdfs, crawl + "/", remoteCrawl + "/");
      if (incremental) {
        assertEquals(26, onHdfs.counters().sourcesReused(), "every unchanged file reused from HDFS, the WARC file too");
        assertEquals(1L, onHdfs.counters().changes().get("added"));
        // The edited page, and 000004's page or its new copy, one of which now has duplicate_of.
        assertEquals(2L, onHdfs.counters().changes().get("updated"));
        assertEquals(1L, onHdfs.counters().changes().get("removed"));
      } else {
        assertEquals(30, onHdfs.counters().pages());
        assertEquals(1, onHdfs.counters().errors());
        assertEquals(1, onHdfs.counters().warcFiles());
        assertEquals(4L, onHdfs.counters().warcRecords().get("response"));
      }
    }
    // One run folder is left on HDFS, and nothing of the runs before.
    List<String> left = new ArrayList<>();
    var files = hdfs.listFiles(new org.apache.hadoop.fs.Path("/data/out"), true);
    while (files.hasNext()) {
      left.add(files.next().getPath().toUri().getPath());
    }
    org.apache.hadoop.fs.FileStatus[] runs = hdfs.listStatus(new org.apache.hadoop.fs.Path("/data/out/" + OutputCommitter.RUNS));
    assertEquals(1, runs.length, java.util.Arrays.toString(runs) + " " + left);
    assertTrue(hdfs.exists(new org.apache.hadoop.fs.Path("/data/out/" + OutputCommitter.POINTER)));
  }
}
