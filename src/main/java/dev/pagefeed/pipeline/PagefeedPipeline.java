package dev.pagefeed.pipeline;

import dev.pagefeed.files.Location;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.run.OutputCommitter;
import dev.pagefeed.run.PreviousRun;
import dev.pagefeed.run.RecordShape;
import dev.pagefeed.run.RunPlan;
import dev.pagefeed.run.RunRefused;
import dev.pagefeed.run.SourceKeys;
import dev.pagefeed.run.StagedWork;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.PCollection;

/**
 * pagefeed's driver: read page files → segment → extract → write JSONL, CSV, errors and the
 * manifest.
 *
 * <p>A run: 1) the plan ({@link RunPlan}: the previous run, whether its records may be reused);
 * 2) the pipeline: GroupFiles lists the files, in groups by a hash of their path; ProcessPages
 * reads, decodes, segments and extracts each group's files ({@code PageProcessor}; bad files to
 * error records) and writes their records as sorted parts; StageWork lists the parts in the
 * staging folder; 3) once the pipeline has finished, the commit ({@link OutputCommitter}): the
 * parts merged into sorted files, the manifest written last, the pointer to the current run
 * switched.
 */
public final class PagefeedPipeline {

  /** What a bad command line exits with. */
  static final int USAGE_ERROR = 2;

  /** What a run that failed (a bug, or out of memory) exits with. */
  static final int RUN_FAILED = 1;

  /**
   * What a run exits with when it stopped before its commit because it could not vouch for it (see
   * {@link RunRefused}): the previous run stays current.
   */
  static final int NOT_COMMITTED = 3;

  private PagefeedPipeline() {}

  public static void main(String[] args) {
    HeapReport.start();
    PipelineOptionsFactory.register(PagefeedOptions.class);
    if (Arrays.asList(args).contains("--help")) {
      // pagefeed's own options first, then the Beam options every pipeline has.
      PipelineOptionsFactory.printHelp(System.out, PagefeedOptions.class);
      return;
    }
    PagefeedOptions options;
    try {
      String[] all = withRunDefaults(args);
      options = PipelineOptionsFactory.fromArgs(all).withValidation().as(PagefeedOptions.class);
      regionForWorkersInThisJvm(all);
      Location.useOptions(options); // hdfs://, s3:// and other schemes, for the checks below
    } catch (IllegalArgumentException e) {
      exitWithUsageError(OptionErrors.explain(e, args));
      return;
    }
    Inputs inputs;
    Location output;
    try {
      OptionRanges.check(options);
      checkFormats(options);
      if (!formats(options.getFormats()).contains("parquet")
          && Arrays.stream(args).anyMatch(arg -> arg.startsWith("--parquetCompression"))) {
        throw new IllegalArgumentException("--parquetCompression=" + options.getParquetCompression()
            + " has no effect without Parquet; pass --formats=jsonl,csv,parquet too, or leave it out");
      }
      inputs = inputPatterns(options);
      output = checkOutputWritable(options.getOutput());
      checkEncoding(options.getEncoding());
    } catch (IllegalArgumentException e) {
      exitWithUsageError(e.getMessage());
      return;
    }
    long started = System.nanoTime();
    try (OutputLock lock = OutputLock.acquire(output)) {
      Manifest manifest;
      try {
        manifest = run(options, inputs, options.getQuiet() ? null : System.out);
      } catch (RunRefused refused) {
        System.err.println("pagefeed: " + refused.getMessage());
        System.exit(NOT_COMMITTED);
        return;
      } catch (RuntimeException | Error failure) {
        // A bug, or the JVM out of memory: fail loudly, and exit even though the runner's worker
        // threads are still alive (they would keep the JVM running). The output is not committed.
        failure.printStackTrace();
        System.err.println("pagefeed: the run failed (" + failure + "); the previous output is unchanged");
        System.exit(RUN_FAILED);
        return;
      }
      printSummary(manifest, (System.nanoTime() - started) / 1e9);
    } catch (OutputLock.HeldElsewhere e) {
      exitWithUsageError(e.getMessage());
    }
  }

  /** Runs the pipeline to the end, quietly, commits it and returns its manifest. */
  public static Manifest run(PagefeedOptions options, Inputs inputs) {
    return run(options, inputs, null);
  }

  /**
   * A run's lifecycle, all in the driver: the plan (made once: the previous run, whether its
   * records may be reused and why not), the pipeline when there is anything to process, then the
   * commit of what the pipeline staged. The pipeline only writes into the run's staging folder.
   *
   * @param progress where progress lines go while the pipeline runs, or null for none
   * @return the manifest of the committed run
   */
  static Manifest run(PagefeedOptions options, Inputs inputs, PrintStream progress) {
    Location.useOptions(options);
    RunPlan plan = RunPlan.of(Location.of(options.getOutput()), runOptions(options));
    while (true) {
      Attempt attempt;
      try {
        attempt = attempt(options, plan, inputs, progress);
      } catch (RuntimeException | Error failure) {
        removeStaging(plan, failure);
        throw failure;
      }
      if (attempt.manifest() != null) {
        return attempt.manifest();
      }
      // Built on a previous file that is not what its manifest says: nothing of it is committed, and the
      // run starts again without that file (each time with fewer files to check, so at most twice more).
      removeStaging(plan, null);
      plan = plan.after(attempt.mismatches());
    }
  }

  /**
   * What one attempt at a run gave: the manifest it committed, or else the previous run's files that
   * were found not to be what their manifest says, which kept it from committing.
   */
  private record Attempt(Manifest manifest, List<PreviousRun.Mismatch> mismatches) {
    static Attempt committed(Manifest manifest) {
      return new Attempt(manifest, List.of());
    }

    static Attempt refused(List<PreviousRun.Mismatch> mismatches) {
      return new Attempt(null, mismatches);
    }
  }

  /** The previous run's files the plan builds on that are not what their manifest says, hashed here, by the driver. */
  private static List<PreviousRun.Mismatch> mismatchesOf(RunPlan plan) {
    return plan.checks().stream().map(PreviousRun.Checked::check).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * A failed, refused or restarted run removes its own staging folder, so that the next run starts
   * with the room it had (a run that failed on a full disk must not make the next one fail too).
   *
   * @param failure what failed, which a failure to remove is added to, or null
   */
  private static void removeStaging(RunPlan plan, Throwable failure) {
    try {
      // A worker of the cancelled pipeline still finishing its element may write a last part: removed
      // again until the folder has stayed away for a while (at most about ten seconds).
      for (int quiet = 0, round = 0; quiet < 2 && round < 20; round++) {
        boolean there = !plan.staging().isLocal() || Files.exists(plan.staging().path());
        if (there) {
          plan.staging().deleteTree();
        }
        quiet = there ? 0 : quiet + 1;
        Thread.sleep(500);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
      System.err.println("pagefeed: cannot remove this run's folder " + plan.staging() + " (" + e.getMessage()
          + "); the next run removes it");
    }
  }

  private static void cancel(PipelineResult result, Throwable failure) {
    try {
      result.cancel();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static Attempt attempt(PagefeedOptions options, RunPlan plan, Inputs inputs, PrintStream progress) {
    if (plan.refusal() != null && (plan.previous() != null || plan.distrust() == null)) {
      System.out.println("pagefeed: processing every file, reusing nothing: " + plan.refusal());
    }
    if (plan.previous() == null && plan.distrust() != null) {
      System.out.println("pagefeed: the current run " + plan.current().name() + " is not built on (" + plan.distrust()
          + "): changes.jsonl lists every page as added and the manifest names no previous run, so reload the"
          + " warehouse from this run's files");
    }
    java.util.OptionalLong unchanged = unchangedSources(plan, inputs);
    if (unchanged.isPresent()) {
      // No pipeline, and so no worker to check the previous files this run is made of: checked here.
      List<PreviousRun.Mismatch> found = mismatchesOf(plan);
      return found.isEmpty() ? Attempt.committed(OutputCommitter.commitUnchanged(plan, unchanged.getAsLong()))
          : Attempt.refused(found);
    }
    StagedWork work;
    try {
      work = runPipeline(options, plan, inputs, progress);
    } catch (RuntimeException failed) {
      // A previous file that is not what its manifest says may make a step fail before its check is in.
      List<PreviousRun.Mismatch> found = mismatchesOf(plan);
      if (found.isEmpty()) {
        throw failed;
      }
      return Attempt.refused(found);
    }
    if (!work.previousMismatches().isEmpty()) {
      return Attempt.refused(work.previousMismatches());
    }
    HeapReport.atCommit();
    return Attempt.committed(OutputCommitter.commit(plan, work));
  }

  /** Runs the pipeline to its end and reads the summary it staged. */
  private static StagedWork runPipeline(PagefeedOptions options, RunPlan plan, Inputs inputs, PrintStream progress) {
    Pipeline pipeline = Pipeline.create(options);
    build(pipeline, plan, inputs);
    Thread waiting = Progress.whileBlocked(inputs.files(), progress);
    PipelineResult result;
    try {
      result = pipeline.run();
    } finally {
      waiting.interrupt();
    }
    PipelineResult.State state;
    try {
      state = Progress.follow(result, inputs.files(), progress);
    } catch (RuntimeException | Error failed) {
      cancel(result, failed); // the runner's other workers must stop writing into the staging folder
      try {
        result.waitUntilFinish(org.joda.time.Duration.standardSeconds(10));
      } catch (RuntimeException stillFailing) {
        failed.addSuppressed(stillFailing);
      }
      throw failed;
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended " + state + " (the runner's log says why)");
    }
    return StagedWork.read(plan.staging());
  }

  /**
   * In an incremental run whose input is exactly the previous run's, how many sources there are, all
   * to be committed as the previous run's records (an empty change feed) without a pipeline; empty
   * when there is something to process.
   */
  private static java.util.OptionalLong unchangedSources(RunPlan plan, Inputs inputs) {
    Optional<PreviousRun> previous = plan.reusable();
    try {
      return previous.isEmpty() ? java.util.OptionalLong.empty() : UnchangedInput.sameAsBefore(inputs, previous.get());
    } catch (IOException e) {
      return java.util.OptionalLong.empty(); // the pipeline reads the files again and reports what cannot be read
    }
  }

  /** What the run was asked to do; every option that shapes records goes into the {@link RecordShape}. */
  static Manifest.RunOptions runOptions(PagefeedOptions options) {
    // The inputs as read: an empty value among them ("--input=a,") names nothing.
    List<String> inputs = options.getInput().stream().map(String::strip).filter(input -> !input.isEmpty()).toList();
    return new Manifest.RunOptions(inputs,
        new RecordShape(options.getMaxPageBytes(), options.getEncoding(), options.getPageTimeoutSeconds(),
            options.getCsvRaw(), options.getCsvBom(), options.getShards(), formats(options.getFormats()),
            options.getParquetCompression().strip().toLowerCase(java.util.Locale.ROOT)),
        options.getIncremental(), options.getMaxRemovedPercent());
  }

  /** The formats written. */
  enum Format {
    JSONL,
    CSV,
    PARQUET
  }

  /**
   * {@code --formats} as the run's shape records it, in format order ({@code jsonl,csv},
   * {@code jsonl}, {@code jsonl,parquet}, {@code jsonl,csv,parquet}).
   *
   * @throws IllegalArgumentException naming a format pagefeed does not write, or a set it cannot
   */
  static String formats(String option) {
    java.util.EnumSet<Format> formats = java.util.EnumSet.noneOf(Format.class);
    for (String name : option.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      try {
        formats.add(Format.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--formats=" + option + " names '" + name.strip()
            + "', which pagefeed does not write; pass any of jsonl, csv, parquet");
      }
    }
    if (!formats.contains(Format.JSONL)) {
      throw new IllegalArgumentException("--formats=" + option + " leaves out jsonl, which pagefeed always writes (the"
          + " other formats are made from it, and incremental runs reuse records from it); pass e.g. --formats=jsonl,parquet");
    }
    return formats.stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
        .collect(java.util.stream.Collectors.joining(","));
  }

  /** Checks {@code --formats} and {@code --parquetCompression}. */
  static void checkFormats(PagefeedOptions options) {
    formats(options.getFormats());
    try {
      dev.pagefeed.encode.ParquetTable.Codec.named(options.getParquetCompression());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--parquetCompression=" + options.getParquetCompression()
          + " is no compression pagefeed writes; pass zstd or snappy");
    }
  }

  /**
   * Adds pagefeed's steps to {@code pipeline}: they read the inputs and leave the run's parts and
   * the list of them in {@code plan}'s staging folder, for {@link OutputCommitter#commit}.
   *
   * @param inputs the file globs to read and how many files they matched (see {@link #inputPatterns})
   * @return the staged-work list the run writes, one element
   */
  public static PCollection<String> build(Pipeline pipeline, RunPlan plan, Inputs inputs) {
    return pipeline
        .apply("GroupFiles", new GroupFiles(inputs.roots(), inputs.output(), GroupFiles.groupsFor(inputs.files(), inputs.bytes())))
        .apply("ProcessPages", new ProcessPages(ProcessPages.Settings.of(plan,
            pipeline.getOptions().as(PagefeedOptions.class).getWarcRangeBytes())))
        .apply("StageWork", new StageWork(new StageWork.Settings(plan.staging(), plan.options().shape().shards(),
            plan.options().shape().csvBom(), plan.options().shape().parquet(), dev.pagefeed.run.PreviousFiles.of(plan),
            plan.options().shape().files(), plan.checks())));
  }

  /**
   * What a run reads.
   *
   * @param roots the file globs, each with the root its files' source keys are taken below
   * @param files how many files they matched when listed (sizes the read groups and the progress)
   * @param output the output folder, whose own files are never read as input
   * @param listing what the count saw, for the unchanged-input shortcut
   */
  public record Inputs(List<SourceKeys.Root> roots, long files, Location output, UnchangedInput.Listing listing) {
    public Inputs {
      roots = List.copyOf(roots);
    }

    /** The file globs. */
    public List<String> patterns() {
      return roots.stream().map(SourceKeys.Root::pattern).toList();
    }

    /** The listed files' bytes in all. */
    public long bytes() {
      return listing.files.bytes();
    }
  }

  /** The inputs {@code options} names, listed (see {@link #inputPatterns(List, Location)}). */
  public static Inputs inputPatterns(PagefeedOptions options) {
    return inputPatterns(options.getInput(), Location.of(options.getOutput()));
  }

  /**
   * The globs to read for the {@code --input} values (a folder stands for every file below it),
   * listed once to check each matches a file and to count them.
   *
   * @throws IllegalArgumentException naming an input that matches no file
   */
  public static Inputs inputPatterns(List<String> inputs, Location output) {
    List<String> given = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (String input : inputs) {
      String trimmed = input.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      requireAuthority(trimmed, "input", "--input");
      try {
        String pattern = pattern(trimmed);
        patterns.add(pattern);
        shown.add(shownAs(trimmed, pattern));
        given.add(trimmed);
      } catch (IOException e) {
        throw new IllegalArgumentException("input " + trimmed + " cannot be listed: " + storeMessage(e) + INPUT_FIX);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("input " + trimmed + " cannot be listed: " + withHint(storeMessage(badInput(e)))
            + INPUT_FIX);
      }
    }
    if (patterns.isEmpty()) {
      throw new IllegalArgumentException("no input given; pass files, folders or globs with --input");
    }
    List<SourceKeys.Root> roots = SourceKeys.roots(patterns, shown);
    UnchangedInput.Listing listing = new UnchangedInput.Listing();
    long files = 0;
    for (int i = 0; i < roots.size(); i++) {
      SourceKeys.Root root = roots.get(i);
      long[] matched = {0};
      try {
        Location.forEach(root.pattern(), OutputCommitter.ownFiles(output), file -> { // counted, not held
          matched[0]++;
          listing.add(root, file);
        });
      } catch (IOException e) {
        throw new IllegalArgumentException("input " + given.get(i) + " cannot be listed: " + storeMessage(e) + INPUT_FIX);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("input " + given.get(i) + " cannot be listed: "
            + withHint(storeMessage(badInput(e))) + INPUT_FIX);
      }
      if (matched[0] == 0) {
        throw new IllegalArgumentException(
            "input " + given.get(i) + " matches no file; pass an existing file, folder or glob with --input");
      }
      files += matched[0];
    }
    return new Inputs(roots, files, output, listing);
  }

  /**
   * The glob that reads {@code input}: a folder stands for every file below it. Local paths are
   * made absolute, so that a file's source key does not depend on the working folder.
   */
  private static String pattern(String input) throws IOException {
    Location location = Location.of(input);
    if (location.isLocal()) {
      Path path = location.path();
      return Files.isDirectory(path) ? path + "/**" : path.toString();
    }
    boolean glob = input.contains("*") || input.contains("?") || input.contains("[") || input.contains("{");
    if (!glob) {
      // Beam's file systems list files, not folders: a folder is a path with files below it.
      if (!location.files().isEmpty()) {
        return location.spec() + "/**";
      }
    }
    return input;
  }

  /**
   * {@code pattern} as {@code input} wrote it: a local path relative or absolute as given (only
   * normalized), so that files are recorded as the user named them, whatever the working folder.
   */
  private static String shownAs(String input, String pattern) {
    if (!Location.of(input).isLocal() || input.startsWith("file:")) {
      return pattern;
    }
    String written = Path.of(input).normalize().toString();
    if (!pattern.endsWith("/**") || pattern.equals(Location.of(input).spec())) {
      return written; // a file or a glob
    }
    return written.isEmpty() ? "**" : written + "/**"; // a folder
  }

  /**
   * A path of another file system must name its host ({@code hdfs://namenode:8020/data}, not
   * {@code hdfs:///data}): the file system lists files with it, and source keys and the run folders
   * are found below the path as given.
   */
  private static void requireAuthority(String path, String what, String option) {
    java.util.regex.Matcher noHost = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):///(.*)").matcher(path);
    if (noHost.matches() && !noHost.group(1).equalsIgnoreCase("file")) {
      throw new IllegalArgumentException(what + " " + path + " names no host; pass it with its host and port, e.g. "
          + option + "=" + noHost.group(1) + "://namenode:8020/" + noHost.group(2));
    }
  }

  /** A file system's message, with what to do when this jar has no file system for a scheme. */
  private static String withHint(String message) {
    if (message == null || !message.startsWith("No filesystem found for scheme")) {
      return message;
    }
    if (message.endsWith(" s3")) {
      return message + " (s3:// needs the cluster jar, mvn -Pflink package; credentials come from the AWS default"
          + " chain, an S3-compatible store's address from --endpoint=http://HOST:PORT)";
    }
    if (message.endsWith(" hdfs")) {
      return message + " (hdfs:// needs the cluster jar, mvn -Pflink package, and the name node's address:"
          + " --hdfsConfiguration='[{\"fs.defaultFS\":\"hdfs://HOST:PORT\"}]' or HADOOP_CONF_DIR)";
    }
    return message + " (pagefeed reads and writes local folders, and with the cluster jar hdfs:// and s3://)";
  }

  /** An S3 client's message for an answer that held no S3 error: a server at the endpoint that is no store. */
  private static final java.util.regex.Pattern NOT_AN_S3_ANSWER =
      java.util.regex.Pattern.compile("null \\(Service: S3, Status Code: (\\d+)");

  /** What to do when an object store's client found no region or no credentials, by its message's start. */
  private static final Map<String, String> STORE_SETTINGS = Map.of(
      "Unable to load region", "no AWS region is set; pass --awsRegion=REGION or set AWS_REGION",
      "Unable to load credentials", "no AWS credentials were found; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
          + " AWS_PROFILE, or pass --awsCredentialsProvider");

  /** What a listing failure's message ends with. */
  private static final String INPUT_FIX = "; pass a file, folder or glob pagefeed can list with --input";

  /**
   * {@code failure} when it is about the input (a file system refusing a path, an object store's
   * client failing); anything else is a bug, thrown on.
   */
  private static RuntimeException badInput(RuntimeException failure) {
    if (failure instanceof IllegalArgumentException) {
      return failure;
    }
    if (storeCause(failure) != null) {
      return failure;
    }
    throw failure;
  }

  /** The first of {@code failure}'s causes (itself included) that an object store's client threw, or null. */
  private static Throwable storeCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause.getClass().getName().startsWith("software.amazon.awssdk.") && cause.getMessage() != null) {
        return cause;
      }
    }
    return null;
  }

  /**
   * A file system's failure in one line. An object store's client wraps its reason (an unknown
   * host, a refused connection, a missing bucket) in layers of its own: there, the client's own
   * message with the innermost reason, or what to set when it found no region or credentials.
   */
  static String storeMessage(Throwable failure) {
    Throwable cause = storeCause(failure);
    if (cause == null) {
      return failure.getMessage() == null ? failure.toString() : firstLine(failure.getMessage());
    }
    Throwable inner = cause;
    while (inner.getCause() != null && inner.getCause() != inner && inner.getCause().getMessage() != null) {
      inner = inner.getCause();
    }
    for (Map.Entry<String, String> setting : STORE_SETTINGS.entrySet()) {
      if (inner.getMessage().startsWith(setting.getKey()) || cause.getMessage().startsWith(setting.getKey())) {
        return setting.getValue();
      }
    }
    java.util.regex.Matcher notS3 = NOT_AN_S3_ANSWER.matcher(cause.getMessage());
    if (notS3.lookingAt()) {
      return "the endpoint answered HTTP " + notS3.group(1) + " without an S3 error; check that --endpoint is the"
          + " store's address";
    }
    return firstLine(inner == cause ? cause.getMessage() : cause.getMessage() + " (" + inner.getMessage() + ")");
  }

  private static void checkEncoding(String encoding) {
    boolean known;
    try {
      known = encoding == null || java.nio.charset.Charset.isSupported(encoding);
    } catch (java.nio.charset.IllegalCharsetNameException e) {
      known = false;
    }
    if (!known) {
      throw new IllegalArgumentException(
          "encoding " + encoding + " is not known; pass a charset name such as GB18030, UTF-8 or UTF-16LE with --encoding");
    }
  }

  /** The output folder, checked: created where needed and writable; a folder elsewhere, written to once. */
  private static Location checkOutputWritable(String output) {
    requireAuthority(output, "output folder", "--output");
    Location location = Location.of(output);
    if (!location.isLocal()) {
      Location probe = location.resolve(".pagefeed-probe-" + UUID.randomUUID());
      try {
        probe.writeString("");
        probe.delete();
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("output folder " + output + " cannot be written ("
            + withHint(storeMessage(e)) + "); pass a writable folder with --output");
      }
      return location;
    }
    Path path = location.path();
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("output folder " + output + " cannot be created (" + Location.reason(e)
          + "); pass a writable folder with --output");
    }
    if (!Files.isWritable(path)) {
      throw new IllegalArgumentException(
          "output folder " + output + " is not writable; pass a writable folder with --output");
    }
    return location;
  }

  /**
   * Runner options pagefeed sets unless given: the DirectRunner's immutability and encodability
   * checks (about 2.5x time and 2.2x memory) stay off for real runs (tests keep them on); Flink
   * gets {@code --fasterCopy} (pagefeed's records are immutable, so Flink need not deep-copy them
   * between operators) and {@code --useDataStreamForBatch}: Flink's DataStream translation chains
   * the steps into one task, where its DataSet translation breaks the chain at every step with
   * two outputs (pages and errors) and serializes each page between tasks. Without a Flink
   * configuration of the user's, Flink also gets pagefeed's {@code flink-conf.yaml}. The
   * DirectRunner does not block in {@code run()} ({@code --blockOnRun=false}), nor does Flink on a
   * session cluster ({@code --attachedMode=false}), so that the driver can poll the run's metrics
   * for its progress line while the run goes on; an embedded Flink cluster stops with its job, so
   * there the run is attached, and the progress line says only how long it has run. With
   * {@code --endpoint} (an S3-compatible store), S3 clients address buckets by path and the region
   * is {@code us-east-1}, which such stores accept.
   */
  static String[] withRunDefaults(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    boolean flink = all.stream().anyMatch(a -> a.startsWith("--runner=") && a.contains("Flink"));
    Map<String, Object> defaults = new java.util.TreeMap<>(flink
        ? Map.of("fasterCopy", true, "useDataStreamForBatch", true)
        : Map.of("enforceImmutability", false, "enforceEncodability", false, "blockOnRun", false));
    if (flink && onSessionCluster(all)) {
      defaults.put("attachedMode", false);
    }
    if (flink && System.getenv("FLINK_CONF_DIR") == null) {
      defaults.put("flinkConfDir", FlinkConf.folder());
    }
    if (all.stream().anyMatch(a -> a.startsWith("--endpoint=")) && hasS3()) {
      // An S3-compatible store at an address of its own (MinIO, Ceph): buckets by path, any region.
      defaults.put("s3ClientFactoryClass", "dev.pagefeed.files.S3Objects$PathStyle");
      defaults.put("awsRegion", "us-east-1");
    }
    for (Map.Entry<String, Object> option : defaults.entrySet()) {
      if (all.stream().noneMatch(a -> a.startsWith("--" + option.getKey()))) {
        all.add("--" + option.getKey() + "=" + option.getValue());
      }
    }
    return all.toArray(String[]::new);
  }

  /**
   * The AWS region the command line names ({@code --awsRegion}, or the one {@code --endpoint}
   * implies), also as the AWS client's system property, unless one is set: Beam 2.62's Flink
   * runner hands its workers the options without it, and an embedded Flink's workers run in this
   * JVM, where their clients find it there. (A session cluster's TaskManagers need {@code AWS_REGION}
   * in their own environment; see the README.)
   */
  private static void regionForWorkersInThisJvm(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("--awsRegion=") && System.getProperty("aws.region") == null) {
        System.setProperty("aws.region", arg.substring("--awsRegion=".length()));
      }
    }
  }

  /** Whether this jar has Beam's S3 file system (the cluster jar does). */
  private static boolean hasS3() {
    return new StoreOptionsRegistrar().getPipelineOptions().iterator().hasNext();
  }

  /** Whether a Flink run goes to a cluster of its own processes ({@code --flinkMaster=host:port}). */
  private static boolean onSessionCluster(List<String> args) {
    return args.stream().filter(a -> a.startsWith("--flinkMaster=")).map(a -> a.substring("--flinkMaster=".length()))
        .anyMatch(master -> !master.isEmpty() && !master.startsWith("["));
  }

  /** pagefeed's Flink settings ({@code dev/pagefeed/flink-conf.yaml}) in a folder Flink can read. */
  static final class FlinkConf {
    private FlinkConf() {}

    static String folder() {
      try (java.io.InputStream in = PagefeedPipeline.class.getResourceAsStream("/dev/pagefeed/flink-conf.yaml")) {
        Path folder = Files.createTempDirectory("pagefeed-flink-conf");
        folder.toFile().deleteOnExit(); // (removed at exit in reverse order: the file, then the folder)
        Path file = folder.resolve("flink-conf.yaml");
        Files.write(file, in.readAllBytes());
        file.toFile().deleteOnExit();
        return folder.toString();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot write pagefeed's Flink settings to a temporary folder", e);
      }
    }
  }

  private static void printSummary(Manifest manifest, double seconds) {
    Manifest.Counters counters = manifest.counters();
    StringBuilder kinds = new StringBuilder();
    for (Map.Entry<String, Long> kind : counters.entities().entrySet()) {
      kinds.append(kinds.length() == 0 ? "" : ", ").append(kind.getKey()).append(' ').append(kind.getValue());
    }
    long entities = counters.entities().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf("pagefeed: %s (%s%s), %s, %s%s, %s in %.1f s%n",
        count(counters.pages(), "page"), count(counters.duplicates(), "duplicate"),
        counters.errorPages() == 0 ? "" : ", " + count(counters.errorPages(), "error page"),
        count(counters.cards(), "card"), count(entities, "entity", "entities"), kinds.length() == 0 ? "" : " (" + kinds + ")",
        count(counters.errors(), "error"), seconds);
    if (counters.warcFiles() > 0) {
      Map<String, Long> records = new java.util.TreeMap<>(counters.warcRecords());
      long responses = records.getOrDefault("response", 0L);
      long conversions = records.getOrDefault("conversion", 0L);
      long broken = records.getOrDefault("broken", 0L);
      long unsupported = records.getOrDefault("unsupported", 0L);
      for (String kind : List.of("response", "conversion", "broken", "unsupported")) {
        records.remove(kind);
      }
      StringBuilder skipped = new StringBuilder();
      records.forEach((kind, n) -> skipped.append(skipped.length() == 0 ? "" : ", ").append(kind).append(' ').append(n));
      System.out.printf("pagefeed: %s: %s%s read, %s skipped%s, %d broken%s%n",
          count(counters.warcFiles(), "WARC file"), count(responses, "response"),
          conversions == 0 ? "" : " and " + count(conversions, "conversion"),
          count(records.values().stream().mapToLong(Long::longValue).sum(), "record"),
          skipped.length() == 0 ? "" : " (" + skipped + ")",
          broken, unsupported == 0 ? "" : ", " + unsupported + " unsupported");
    }
    Map<String, Long> changes = counters.changes();
    System.out.printf("pagefeed: %s added, %d updated, %d removed since %s%s%n",
        count(changes.getOrDefault("added", 0L), "page"), changes.getOrDefault("updated", 0L),
        changes.getOrDefault("removed", 0L),
        manifest.previousRunId() == null ? "no previous run" : "run " + manifest.previousRunId(),
        manifest.options().incremental() ? "; " + count(counters.sourcesReused(), "file") + " reused unchanged" : "");
  }

  /** "1 page", "2 pages". */
  static String count(long n, String one) {
    return count(n, one, one + "s");
  }

  static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  private static void exitWithUsageError(String message) {
    System.err.println("pagefeed: " + message);
    System.exit(USAGE_ERROR);
  }

  private static String firstLine(String message) {
    return message == null ? "invalid options" : message.lines().findFirst().orElse(message);
  }
}
