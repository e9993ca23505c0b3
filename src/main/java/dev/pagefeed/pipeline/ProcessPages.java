package dev.pagefeed.pipeline;

import dev.pagefeed.decode.WarcRecords;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.files.Location;
import dev.pagefeed.ingest.PageProcessor;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.pipeline.GroupFiles.FileRef;
import dev.pagefeed.run.Fingerprints;
import dev.pagefeed.run.RecordShape;
import dev.pagefeed.run.ReusedSources;
import dev.pagefeed.run.RunPlan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Processes each group of files from reading to written parts: reads a file, decodes, segments and
 * extracts it ({@link PageProcessor}), encodes its records, and buffers the lines, which are written
 * as sorted parts of the output files ({@link #PARTS}) when the buffer fills and when the bundle
 * ends. In an incremental run, a file whose bytes hash as the previous run recorded is not
 * processed: its path goes into a table of the group's reused files ({@link ReusedSources}), whose
 * name and count go to {@link #REUSED}.
 *
 * <p>A WARC file (by its content: {@code WARC/1.} at its start, after gzip) holds many pages: its
 * records are read one at a time, each response a page. One larger than {@code --warcRangeBytes}
 * whose records can be found from anywhere in it (uncompressed, or a gzip member per record) is
 * cut into ranges of that size, spread over the workers ({@code SpreadRanges}) and read there
 * ({@code ProcessWarcRange}); memory stays bounded by the records in flight.
 *
 * <p>One step, not one per stage: the DirectRunner keeps every step's whole output in memory until
 * the next step takes it, and spends its scheduler's time on every bundle between steps; here only
 * part descriptors (and WARC ranges) leave the step, so memory is bounded by the groups in flight.
 * Runners that fuse steps themselves (Flink) lose nothing.
 */
public final class ProcessPages
    extends PTransform<PCollection<KV<Integer, Iterable<List<FileRef>>>>, PCollectionTuple> {

  public static final TupleTag<PartFiles.Part> PARTS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> REUSED = new TupleTag<>() {};
  private static final TupleTag<WarcRange> RANGES = new TupleTag<>() {};

  /** The counter of input files done (processed, refused or reused), which the driver's progress reads. */
  static final String FILES_DONE = "files_done";

  /** How much of a file is read to tell a WARC file from a page. */
  private static final int HEAD_BYTES = 512;

  private final Settings settings;

  /**
   * What processing needs to know.
   *
   * @param staging the run's staging folder, where parts are written
   * @param shape the options that shape the records
   * @param previousFingerprints the previous run's fingerprints ({@link Fingerprints}, one table per
   *     shard of its sources.jsonl), whose unchanged files are reused; empty to process every file
   * @param warcRangeBytes a WARC file larger than this is read in ranges of this size (where it can be cut)
   */
  public record Settings(Location staging, RecordShape shape, List<Location> previousFingerprints,
      long warcRangeBytes) implements java.io.Serializable {

    public Settings {
      previousFingerprints = List.copyOf(previousFingerprints);
    }

    /** What the workers need of {@code plan}. */
    public static Settings of(RunPlan plan, long warcRangeBytes) {
      return new Settings(plan.staging(), plan.options().shape(),
          plan.reusable().map(previous -> previous.shards(dev.pagefeed.encode.OutputFile.SOURCES_JSONL).stream()
              .map(shard -> Fingerprints.of(previous.folder(), shard)).toList()).orElse(List.of()), warcRangeBytes);
    }
  }

  /**
   * The records of a WARC file that start in {@code [start, end)}.
   *
   * @param path the file's path as records name it
   * @param resource where it is, for the file system
   * @param key its source key
   */
  record WarcRange(String path, String resource, String key, long start, long end) implements java.io.Serializable {}

  public ProcessPages(Settings settings) {
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<Integer, Iterable<List<FileRef>>>> groups) {
    PCollectionTuple processed = groups.apply("ProcessGroup",
        ParDo.of(new ProcessGroupFn(settings)).withOutputTags(PARTS, TupleTagList.of(REUSED).and(RANGES)));
    processed.get(PARTS).setCoder(new PartCoder());
    processed.get(REUSED).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    processed.get(RANGES).setCoder(SerializableCoder.of(WarcRange.class));
    PCollection<PartFiles.Part> rangeParts = processed.get(RANGES)
        .apply("SpreadRanges", Reshuffle.viaRandomKey())
        .apply("ProcessWarcRange", ParDo.of(new ProcessRangeFn(settings)))
        .setCoder(new PartCoder());
    PCollection<PartFiles.Part> parts = PCollectionList.of(processed.get(PARTS)).and(rangeParts)
        .apply("AllParts", Flatten.pCollections());
    return PCollectionTuple.of(PARTS, parts).and(REUSED, processed.get(REUSED));
  }

  /** A part's descriptor as bytes: its file's name, its path, its counts. */
  static final class PartCoder extends AtomicCoder<PartFiles.Part> {
    private static final StringUtf8Coder TEXT = StringUtf8Coder.of();
    private static final VarLongCoder COUNT = VarLongCoder.of();

    @Override
    public void encode(PartFiles.Part part, OutputStream out) throws IOException {
      TEXT.encode(part.shard().fileName(), out);
      COUNT.encode((long) part.shard().index(), out);
      COUNT.encode((long) part.shard().count(), out);
      TEXT.encode(part.path(), out);
      COUNT.encode(part.records(), out);
      COUNT.encode(part.bytes(), out);
    }

    @Override
    public PartFiles.Part decode(InputStream in) throws IOException {
      OutputShard shard = new OutputShard(TEXT.decode(in), (int) (long) COUNT.decode(in), (int) (long) COUNT.decode(in));
      return new PartFiles.Part(shard, TEXT.decode(in), COUNT.decode(in), COUNT.decode(in));
    }
  }

  /**
   * Where a DoFn's outcomes go: counted in the run's metrics, encoded, and buffered; the buffer is
   * written as parts when it is full and when the bundle ends. Made in a DoFn's setup.
   */
  static final class Sink {
    private final Counter filesDone = Metrics.counter(ProcessPages.class, FILES_DONE);
    private final Counter pages = Metrics.counter(ProcessPages.class, "pages");
    private final Counter cards = Metrics.counter(ProcessPages.class, "cards");
    private final Map<EntityKind, Counter> entities = new EnumMap<>(EntityKind.class);
    final PageProcessor processor;
    final long maxPageBytes;
    private final RecordEncoder encoder;
    private final PartFiles.Buffer buffer;

    Sink(Settings settings) {
      RecordShape shape = settings.shape();
      processor = new PageProcessor(shape.maxPageBytes(),
          shape.encoding() == null ? null : Charset.forName(shape.encoding()),
          Duration.ofSeconds(shape.pageTimeoutSeconds()));
      maxPageBytes = shape.maxPageBytes();
      encoder = new RecordEncoder(shape.csvRaw(), shape.csv());
      buffer = new PartFiles.Buffer(settings.staging(), shape.shards());
      for (EntityKind kind : EntityKind.values()) {
        entities.put(kind, Metrics.counter(ProcessPages.class, "entities_" + kind.label()));
      }
    }

    /** One outcome's lines; full parts go to {@code out}. */
    void add(PageProcessor.Outcome outcome, java.util.function.Consumer<PartFiles.Part> out) {
      if (outcome.page() != null) {
        pages.inc();
        cards.inc(outcome.page().cards().size());
        for (Entity entity : outcome.page().entities()) {
          entities.get(entity.kind()).inc();
        }
      } else if (outcome.error() != null) {
        Metrics.counter(ProcessPages.class, "errors_" + outcome.error().stage()).inc();
      }
      try {
        outcome.lines(encoder).forEach(buffer::add);
        if (buffer.full()) {
          buffer.flush().forEach(out);
        }
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException("cannot write the records of " + outcome.sourceId() + " (" + e.getMessage() + ")",
            e.getCause());
      }
    }

    /** One input file (or WARC range) done, for the progress line. */
    void fileDone() {
      filesDone.inc();
    }

    /** A bundle starts: whatever a failed bundle left buffered is dropped (a retry must not write it twice). */
    void clear() {
      buffer.clear();
    }

    /** Writes what is buffered as parts. */
    List<PartFiles.Part> flush() {
      return buffer.flush();
    }

    /**
     * Reads the records of a WARC file that start in {@code [start, end)} into outcomes.
     *
     * @throws UncheckedIOException when the file cannot be read (not a broken record: the storage)
     */
    void readWarc(String path, String resource, String key, long start, long end,
        java.util.function.Consumer<PartFiles.Part> out) {
      try (SeekableByteChannel channel = seekable(resource)) {
        WarcRecords.read(channel, start, end, maxPageBytes, record -> add(processor.process(path, key, record), out));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the WARC file " + path + " (bytes " + start + " to " + end + ")", e);
      }
    }
  }

  private static SeekableByteChannel seekable(String resource) throws IOException {
    ReadableByteChannel channel = FileSystems.open(FileSystems.matchNewResource(resource, false));
    if (channel instanceof SeekableByteChannel seekable) {
      return seekable;
    }
    channel.close();
    throw new IOException("the file system of " + resource + " cannot seek, which reading a WARC file needs");
  }

  /** Processes the files of one group into parts (and large WARC files into ranges). */
  static final class ProcessGroupFn extends DoFn<KV<Integer, Iterable<List<FileRef>>>, PartFiles.Part> {

    private final Counter filesRead = Metrics.counter(ProcessPages.class, "files_read");
    private final Counter filesReused = Metrics.counter(ProcessPages.class, "files_reused");
    private final Settings settings;
    private transient Sink sink;
    private transient Fingerprints fingerprints;

    ProcessGroupFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      sink = new Sink(settings);
      fingerprints = settings.previousFingerprints().isEmpty() ? Fingerprints.none()
          : fingerprintsOf(settings.previousFingerprints());
    }

    @StartBundle
    public void startBundle() {
      sink.clear();
    }

    /**
     * The cached fingerprints go when the step is done: on the DirectRunner the workers are the
     * driver's JVM, which must not keep them through the commit.
     */
    @Teardown
    public void teardown() {
      fingerprints = null;
      synchronized (FINGERPRINTS) {
        FINGERPRINTS.clear();
      }
    }

    /** The previous run's fingerprints this JVM read last, by the tables they were read from. */
    private static final Map<List<String>, Fingerprints> FINGERPRINTS = new java.util.HashMap<>();

    /**
     * The previous run's fingerprints, read once per worker JVM (a runner makes many instances of
     * this DoFn, each of which would read the tables again): 32 bytes per file.
     */
    private static Fingerprints fingerprintsOf(List<Location> tables) {
      List<String> key = tables.stream().map(Location::toString).toList();
      synchronized (FINGERPRINTS) {
        Fingerprints known = FINGERPRINTS.get(key);
        if (known == null) {
          known = Fingerprints.read(tables);
          FINGERPRINTS.clear(); // only the run in progress: an earlier run's are not kept
          FINGERPRINTS.put(key, known);
        }
        return known;
      }
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<List<FileRef>>> group, MultiOutputReceiver out) {
      List<String> unchanged = new ArrayList<>();
      java.util.function.Consumer<PartFiles.Part> parts = out.get(PARTS)::output;
      for (FileRef file : onceEach(group.getValue())) {
        String path = file.source();
        filesRead.inc();
        if (file.problem() != null) {
          ErrorType type = file.problem() == Location.Problem.UNREADABLE ? ErrorType.UNREADABLE : ErrorType.NOT_A_FILE;
          sink.add(PageProcessor.Outcome.unread(path, new RejectedInputException(type, file.why()), null, 0), parts);
          sink.fileDone();
          continue;
        }
        Read read;
        try {
          read = read(file, sink.maxPageBytes);
        } catch (RejectedInputException e) {
          sink.add(PageProcessor.Outcome.unread(path, e, null, file.bytes()), parts);
          sink.fileDone();
          continue;
        } catch (IOException e) {
          sink.add(PageProcessor.Outcome.unread(path,
              new RejectedInputException(ErrorType.UNREADABLE, "cannot read the file: " + Location.reason(e)), null, file.bytes()), parts);
          sink.fileDone();
          continue;
        }
        String sha256 = read.warc() ? hashWhole(file) : Ids.sha256(read.bytes());
        if (fingerprints.unchanged(path, sha256)) {
          filesReused.inc();
          sink.fileDone();
          unchanged.add(path);
          continue;
        }
        if (read.warc()) {
          warc(file, path, sha256, parts, out.get(RANGES)::output);
        } else {
          sink.add(sink.processor.process(path, file.key(), read.bytes(), sha256), parts);
        }
        sink.fileDone();
      }
      if (!unchanged.isEmpty()) {
        out.get(REUSED).output(KV.of(ReusedSources.write(settings.staging(), unchanged), (long) unchanged.size()));
      }
    }

    /**
     * A WARC file: its own line of sources.jsonl (its sha256 is the fingerprint), then its records,
     * here, or in ranges for other workers when it is large and can be cut.
     */
    private void warc(FileRef file, String path, String sha256, java.util.function.Consumer<PartFiles.Part> parts,
        java.util.function.Consumer<WarcRange> ranges) {
      sink.add(PageProcessor.Outcome.skipped(new SourceRecord(path, sha256, file.bytes(), null, null, null, null,
          SourceRecord.WARC_FILE)), parts);
      boolean cut;
      try (SeekableByteChannel channel = seekable(file.path())) {
        cut = file.bytes() > settings.warcRangeBytes() && WarcRecords.splittable(channel);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the WARC file " + path, e);
      }
      if (!cut) {
        sink.readWarc(path, file.path(), file.key(), 0, Long.MAX_VALUE, parts);
        return;
      }
      long size = settings.warcRangeBytes();
      for (long start = 0; start < file.bytes(); start += size) {
        ranges.accept(new WarcRange(path, file.path(), file.key(), start,
            start + size >= file.bytes() ? Long.MAX_VALUE : start + size));
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (PartFiles.Part part : sink.flush()) {
        context.output(PARTS, part, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    /**
     * The group's files in path order, each once: a file that two overlapping roots list (a folder
     * and a folder inside it) is read once, under the key that sorts first.
     */
    static List<FileRef> onceEach(Iterable<List<FileRef>> group) {
      List<FileRef> files = new ArrayList<>();
      group.forEach(files::addAll);
      files.sort(java.util.Comparator.comparing(FileRef::path).thenComparing(FileRef::key));
      List<FileRef> once = new ArrayList<>(files.size());
      for (FileRef file : files) {
        if (once.isEmpty() || !once.get(once.size() - 1).path().equals(file.path())) {
          once.add(file);
        }
      }
      return once;
    }

    /** A file as first read: a WARC file (read later, record by record), or a page file's bytes. */
    private record Read(boolean warc, byte[] bytes) {}

    /**
     * Reads a file's start to tell a WARC file, and a page file whole; a page file over the limit is
     * rejected without reading all of it (a WARC file has no limit: its records do).
     */
    private static Read read(FileRef file, long limit) throws IOException, RejectedInputException {
      try (InputStream in = new Location(file.path()).open()) {
        byte[] head = in.readNBytes(HEAD_BYTES);
        if (WarcRecords.isWarc(head)) {
          return new Read(true, null);
        }
        if (file.bytes() > limit) {
          throw tooLarge(file.bytes() + " bytes", limit);
        }
        byte[] rest = in.readNBytes((int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, limit + 1 - head.length)));
        byte[] bytes = java.util.Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, bytes, head.length, rest.length);
        if (bytes.length > limit) {
          // It grew after it was listed.
          throw tooLarge("more than " + limit + " bytes", limit);
        }
        return new Read(false, bytes);
      }
    }

    /** The sha256 of a whole file, read as a stream (a WARC file can be larger than memory). */
    private static String hashWhole(FileRef file) {
      try {
        return Ids.sha256(new Location(file.path()).open());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the WARC file " + file.path(), e);
      }
    }

    private static RejectedInputException tooLarge(String size, long limit) {
      return new RejectedInputException(ErrorType.TOO_LARGE,
          "the file has " + size + ", over the limit of " + limit + " (raise it with --maxPageBytes)");
    }
  }

  /** Reads one range of a large WARC file into parts. */
  static final class ProcessRangeFn extends DoFn<WarcRange, PartFiles.Part> {
    private final Settings settings;
    private transient Sink sink;

    ProcessRangeFn(Settings settings) {
      this.settings = settings;
    }

    @Setup
    public void setup() {
      sink = new Sink(settings);
    }

    @StartBundle
    public void startBundle() {
      sink.clear();
    }

    @ProcessElement
    public void process(@Element WarcRange range, OutputReceiver<PartFiles.Part> out) {
      sink.readWarc(range.path(), range.resource(), range.key(), range.start(), range.end(), out::output);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      for (PartFiles.Part part : sink.flush()) {
        context.output(part, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }
  }
}
