package dev.pagefeed.pipeline;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.files.Location;
import dev.pagefeed.run.PreviousRun;
import dev.pagefeed.run.RecordShape;
import dev.pagefeed.run.RunPlan;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.pipeline.GroupFiles.FileRef;
import dev.pagefeed.ingest.PageProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Processes each group of files from reading to written parts: reads a file, decodes, segments and
 * extracts it ({@link PageProcessor}), encodes its records, and buffers the lines, which are written
 * as sorted parts of the output files ({@link #PARTS}) when the buffer fills and when the bundle
 * ends. In an incremental run, a file whose bytes hash as the previous run recorded is not
 * processed: its path goes to {@link #REUSED}, one list per group.
 *
 * <p>One step, not one per stage: the DirectRunner keeps every step's whole output in memory until
 * the next step takes it, and spends its scheduler's time on every bundle between steps; here only
 * part descriptors leave the step, so memory is bounded by the groups in flight. Runners that fuse
 * steps themselves (Flink) lose nothing.
 */
public final class ProcessPages
    extends PTransform<PCollection<KV<Integer, Iterable<FileRef>>>, PCollectionTuple> {

  public static final TupleTag<PartFiles.Part> PARTS = new TupleTag<>() {};
  public static final TupleTag<List<String>> REUSED = new TupleTag<>() {};

  /** The counter of input files done (processed, refused or reused), which the driver's progress reads. */
  static final String FILES_DONE = "files_done";

  private final Settings settings;

  /**
   * What processing needs to know.
   *
   * @param staging the run's staging folder, where parts are written
   * @param shape the options that shape the records
   * @param baseDir local paths below this folder are recorded relative to it
   * @param previousSources the previous run's sources.jsonl, whose unchanged files are reused, or
   *     null to process every file
   */
  public record Settings(Location staging, RecordShape shape, String baseDir, Location previousSources)
      implements java.io.Serializable {

    /** What the workers need of {@code plan}. */
    public static Settings of(RunPlan plan, String baseDir) {
      return new Settings(plan.staging(), plan.options().shape(), baseDir,
          plan.reusable().map(PreviousRun::sourcesFile).orElse(null));
    }
  }

  public ProcessPages(Settings settings) {
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Integer, Iterable<FileRef>>> groups) {
    PCollectionTuple processed = groups.apply("ProcessGroup",
        ParDo.of(new ProcessGroupFn(settings)).withOutputTags(PARTS, TupleTagList.of(REUSED)));
    processed.get(PARTS).setCoder(new PartCoder());
    processed.get(REUSED).setCoder(ListCoder.of(StringUtf8Coder.of()));
    return processed;
  }

  /** A part's descriptor as bytes: its file's name, its path, its counts. */
  static final class PartCoder extends AtomicCoder<PartFiles.Part> {
    private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
    private static final VarLongCoder COUNT = VarLongCoder.of();

    @Override
    public void encode(PartFiles.Part part, OutputStream out) throws IOException {
      TEXT.encode(part.file().name(), out);
      TEXT.encode(part.path(), out);
      COUNT.encode(part.records(), out);
      COUNT.encode(part.bytes(), out);
    }

    @Override
    public PartFiles.Part decode(InputStream in) throws IOException {
      return new PartFiles.Part(OutputFile.valueOf(TEXT.decode(in)), TEXT.decode(in), COUNT.decode(in), COUNT.decode(in));
    }
  }

  /** Processes the files of one group into parts. */
  static final class ProcessGroupFn extends DoFn<KV<Integer, Iterable<FileRef>>, PartFiles.Part> {

    private final Counter filesRead = Metrics.counter(ProcessPages.class, "files_read");
    private final Counter filesDone = Metrics.counter(ProcessPages.class, FILES_DONE);
    private final Counter filesReused = Metrics.counter(ProcessPages.class, "files_reused");
    private final Counter pages = Metrics.counter(ProcessPages.class, "pages");
    private final Counter cards = Metrics.counter(ProcessPages.class, "cards");
    private final Map<EntityKind, Counter> entities = new EnumMap<>(EntityKind.class);
    private final Settings settings;
    private transient PageProcessor processor;
    private transient RecordEncoder encoder;
    private transient Map<String, String> fingerprints;
    private transient PartFiles.Buffer buffer;

    ProcessGroupFn(Settings settings) {
      this.settings = settings;
      for (EntityKind kind : EntityKind.values()) {
        entities.put(kind, Metrics.counter(ProcessPages.class, "entities_" + kind.label()));
      }
    }

    @Setup
    public void setup() {
      RecordShape shape = settings.shape();
      processor = new PageProcessor(shape.maxPageBytes(),
          shape.encoding() == null ? null : Charset.forName(shape.encoding()),
          Duration.ofSeconds(shape.pageTimeoutSeconds()));
      encoder = new RecordEncoder(shape.csvRaw());
      fingerprints = settings.previousSources() == null ? Map.of()
          : PreviousRun.fingerprints(settings.previousSources());
      buffer = new PartFiles.Buffer(settings.staging());
    }

    @StartBundle
    public void startBundle() {
      // A finished bundle leaves it empty (finishBundle flushes it); one that failed may not, and
      // a retry must not write its lines twice. The arrays serve every bundle.
      buffer.clear();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<FileRef>> group, MultiOutputReceiver out) {
      List<String> unchanged = new ArrayList<>();
      for (FileRef file : onceEach(group.getValue())) {
        String path = SourcePaths.relative(file.path(), settings.baseDir());
        filesRead.inc();
        byte[] bytes;
        try {
          bytes = readAtMost(file, settings.shape().maxPageBytes());
        } catch (RejectedInputException e) {
          add(PageProcessor.Outcome.unread(path, e, null, file.bytes()), out);
          continue;
        } catch (IOException e) {
          add(PageProcessor.Outcome.unread(path,
              new RejectedInputException(ErrorType.UNREADABLE, "cannot read the file: " + e), null, file.bytes()), out);
          continue;
        }
        String sha256 = Ids.sha256(bytes);
        if (sha256.equals(fingerprints.get(path))) {
          filesReused.inc();
          filesDone.inc();
          unchanged.add(path);
          continue;
        }
        add(processor.process(path, file.key(), bytes, sha256), out);
      }
      if (!unchanged.isEmpty()) {
        out.get(REUSED).output(unchanged);
      }
    }

    private void add(PageProcessor.Outcome outcome, MultiOutputReceiver out) {
      if (outcome.page() != null) {
        pages.inc();
        cards.inc(outcome.page().cards().size());
        for (Entity entity : outcome.page().entities()) {
          entities.get(entity.kind()).inc();
        }
      } else {
        Metrics.counter(ProcessPages.class, "errors_" + outcome.error().stage()).inc();
      }
      filesDone.inc();
      outcome.lines(encoder).forEach(buffer::add);
      if (buffer.full()) {
        buffer.flush().forEach(out.get(PARTS)::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (PartFiles.Part part : buffer.flush()) {
        context.output(PARTS, part, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    /**
     * The group's files in path order, each once: a file that two overlapping roots list (a folder
     * and a folder inside it) is read once, under the key that sorts first.
     */
    static List<FileRef> onceEach(Iterable<FileRef> group) {
      List<FileRef> files = new ArrayList<>();
      group.forEach(files::add);
      files.sort(java.util.Comparator.comparing(FileRef::path).thenComparing(FileRef::key));
      List<FileRef> once = new ArrayList<>(files.size());
      for (FileRef file : files) {
        if (once.isEmpty() || !once.get(once.size() - 1).path().equals(file.path())) {
          once.add(file);
        }
      }
      return once;
    }

    /** The file's bytes; a file over the limit is rejected without reading all of it. */
    private static byte[] readAtMost(FileRef file, long limit) throws IOException, RejectedInputException {
      if (file.bytes() > limit) {
        throw tooLarge(file.bytes() + " bytes", limit);
      }
      byte[] bytes;
      try (InputStream in = Channels.newInputStream(
          FileSystems.open(FileSystems.matchNewResource(file.path(), false)))) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      }
      if (bytes.length > limit) {
        // It grew after it was listed.
        throw tooLarge("more than " + limit + " bytes", limit);
      }
      return bytes;
    }

    private static RejectedInputException tooLarge(String size, long limit) {
      return new RejectedInputException(ErrorType.TOO_LARGE,
          "the file has " + size + ", over the limit of " + limit + " (raise it with --maxPageBytes)");
    }
  }
}
