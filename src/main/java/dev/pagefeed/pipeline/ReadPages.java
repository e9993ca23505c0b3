package dev.pagefeed.pipeline;

import dev.pagefeed.io.PageDecoder;
import dev.pagefeed.io.PreviousRun;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads page files into decoded text; files that are not pages go to {@link #ERRORS}. In an
 * incremental run, a file whose bytes hash as the previous run recorded goes to {@link #REUSED}
 * instead of being decoded: one list of paths per group, not one element per file (elements cost
 * a runner such as the DirectRunner more than hashing a file does).
 */
public final class ReadPages extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<RawPage> PAGES = new TupleTag<>() {};
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};
  public static final TupleTag<List<String>> REUSED = new TupleTag<>() {};

  private final List<String> patterns;
  private final int groups;
  private final Share share;
  private final long maxPageBytes;
  private final String encoding;
  private final String baseDir;
  private final String previousSources;

  /**
   * @param patterns file globs to read
   * @param groups how many groups the files are read in (see {@link #groupsFor})
   * @param share which of the groups this run reads
   * @param maxPageBytes larger pages become errors
   * @param encoding the charset every page is decoded with, or null to detect it
   * @param baseDir paths below this folder are recorded relative to it
   * @param previousSources the previous run's sources.jsonl, whose unchanged files are reused, or
   *     null to process every file
   */
  public ReadPages(List<String> patterns, int groups, Share share, long maxPageBytes, String encoding, String baseDir,
      String previousSources) {
    this.patterns = List.copyOf(patterns);
    this.groups = groups;
    this.share = share;
    this.maxPageBytes = maxPageBytes;
    this.encoding = encoding;
    this.baseDir = baseDir;
    this.previousSources = previousSources;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    // Files are read in groups, not one element per file: a runner such as the DirectRunner
    // spends tens of milliseconds of bookkeeping per bundle, which dwarfs a page's own work.
    PCollectionTuple read =
        begin
            .apply("ListPatterns", Create.of(patterns).withCoder(StringUtf8Coder.of()))
            // Not FileIO.matchAll: it reshuffles the files one key each, and the DirectRunner then
            // sets up a bundle per file before they are grouped.
            .apply("ListFiles", ParDo.of(new ListFilesFn(groups, share)))
            .setCoder(KvCoder.of(VarIntCoder.of(), new FileRefCoder()))
            .apply("GroupFiles", GroupByKey.create())
            .apply("DecodePages",
                ParDo.of(new ReadGroupFn(maxPageBytes, encoding, baseDir, previousSources))
                    .withOutputTags(PAGES, TupleTagList.of(ERRORS).and(REUSED)));
    read.get(PAGES).setCoder(SerializableCoder.of(RawPage.class));
    read.get(ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class));
    read.get(REUSED).setCoder(ListCoder.of(StringUtf8Coder.of()));
    return read;
  }

  /** How many groups to read {@code files} files in: about {@link #FILES_PER_GROUP} each. */
  public static int groupsFor(long files) {
    return (int) Math.max(1, Math.min(MAX_GROUPS, (files + FILES_PER_GROUP - 1) / FILES_PER_GROUP));
  }

  /** Files per group: large enough to amortise a bundle, small enough to bound its memory. */
  static final int FILES_PER_GROUP = 250;

  static final int MAX_GROUPS = 4096;

  /**
   * A listed file: its path and size, as the listing gave them (so that reading needs no second
   * look at the file system).
   *
   * @param path the file's resource id
   * @param bytes its size
   */
  record FileRef(String path, long bytes) implements java.io.Serializable {}

  /** FileRef's coder: the path and the size, not Java serialization (which grouping used to spend most on). */
  static final class FileRefCoder extends AtomicCoder<FileRef> {
    private static final StringUtf8Coder PATH = StringUtf8Coder.of();
    private static final VarLongCoder BYTES = VarLongCoder.of();

    @Override
    public void encode(FileRef file, OutputStream out) throws IOException {
      PATH.encode(file.path(), out);
      BYTES.encode(file.bytes(), out);
    }

    @Override
    public FileRef decode(InputStream in) throws IOException {
      return new FileRef(PATH.decode(in), BYTES.decode(in));
    }
  }

  /**
   * Lists the files a glob matches, each keyed by a hash of its path, so that groups do not
   * depend on listing order.
   */
  static final class ListFilesFn extends DoFn<String, KV<Integer, FileRef>> {
    private final int groups;
    private final Share share;

    ListFilesFn(int groups, Share share) {
      this.groups = groups;
      this.share = share;
    }

    @ProcessElement
    public void process(@Element String pattern, OutputReceiver<KV<Integer, FileRef>> out) throws IOException {
      MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      for (MatchResult.Metadata file : match.metadata()) {
        String path = file.resourceId().toString();
        int group = Math.floorMod(path.hashCode(), groups);
        if (share.holds(group)) {
          out.output(KV.of(group, new FileRef(path, file.sizeBytes())));
        }
      }
    }
  }

  /** Reads and decodes the files of one group. */
  static final class ReadGroupFn extends DoFn<KV<Integer, Iterable<FileRef>>, RawPage> {

    private final Counter read = Metrics.counter(ReadPages.class, "files_read");
    private final Counter rejected = Metrics.counter(ReadPages.class, "files_rejected");
    private final Counter reused = Metrics.counter(ReadPages.class, "files_reused");
    private final long maxPageBytes;
    private final String encoding;
    private final String baseDir;
    private final String previousSources;
    private transient PageDecoder decoder;
    private transient Map<String, String> fingerprints;

    ReadGroupFn(long maxPageBytes, String encoding, String baseDir, String previousSources) {
      this.maxPageBytes = maxPageBytes;
      this.encoding = encoding;
      this.baseDir = baseDir;
      this.previousSources = previousSources;
    }

    @Setup
    public void setup() {
      decoder = new PageDecoder(maxPageBytes, encoding == null ? null : Charset.forName(encoding));
      fingerprints = previousSources == null ? Map.of() : PreviousRun.fingerprints(Path.of(previousSources));
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<FileRef>> group, MultiOutputReceiver out) {
      List<String> unchanged = new ArrayList<>();
      for (FileRef file : group.getValue()) {
        String path = SourcePaths.relative(file.path(), baseDir);
        read.inc();
        byte[] bytes;
        try {
          bytes = readAtMost(file, maxPageBytes);
        } catch (RejectedInputException e) {
          reject(out, new ErrorRecord(path, "read", e.type(), e.getMessage(), "", null, file.bytes()));
          continue;
        } catch (IOException e) {
          reject(out, new ErrorRecord(path, "read", ErrorType.UNREADABLE, "cannot read the file: " + e, "", null,
              file.bytes()));
          continue;
        }
        String sha256 = Ids.sha256(bytes);
        if (sha256.equals(fingerprints.get(path))) {
          reused.inc();
          Progress.pageDone();
          unchanged.add(path);
          continue;
        }
        try {
          out.get(PAGES).output(decoder.decode(path, bytes, sha256));
        } catch (RejectedInputException e) {
          reject(out, new ErrorRecord(path, "read", e.type(), e.getMessage(), "", sha256, bytes.length));
        }
      }
      if (!unchanged.isEmpty()) {
        out.get(REUSED).output(unchanged);
      }
    }

    private void reject(MultiOutputReceiver out, ErrorRecord error) {
      rejected.inc();
      Progress.pageDone();
      out.get(ERRORS).output(error);
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
