package dev.pagefeed.pipeline;

import dev.pagefeed.io.PageDecoder;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.FileIO;
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

/** Reads page files into decoded text; files that are not pages go to {@link #ERRORS}. */
public final class ReadPages extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<RawPage> PAGES = new TupleTag<>() {};
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};

  private final List<String> patterns;
  private final int groups;
  private final long maxPageBytes;
  private final String encoding;
  private final String baseDir;

  /**
   * @param patterns file globs to read
   * @param groups how many groups the files are read in (see {@link #groupsFor})
   * @param maxPageBytes larger pages become errors
   * @param encoding the charset every page is decoded with, or null to detect it
   * @param baseDir paths below this folder are recorded relative to it
   */
  public ReadPages(List<String> patterns, int groups, long maxPageBytes, String encoding, String baseDir) {
    this.patterns = List.copyOf(patterns);
    this.groups = groups;
    this.maxPageBytes = maxPageBytes;
    this.encoding = encoding;
    this.baseDir = baseDir;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    // Files are read in groups, not one element per file: a runner such as the DirectRunner
    // spends tens of milliseconds of bookkeeping per bundle, which dwarfs a page's own work.
    PCollectionTuple read =
        begin
            .apply("ListPatterns", Create.of(patterns).withCoder(StringUtf8Coder.of()))
            .apply("MatchFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply("AssignGroups", ParDo.of(new AssignGroupFn(groups)))
            .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(FileRef.class)))
            .apply("GroupFiles", GroupByKey.create())
            .apply("DecodePages",
                ParDo.of(new ReadGroupFn(maxPageBytes, encoding, baseDir))
                    .withOutputTags(PAGES, TupleTagList.of(ERRORS)));
    read.get(PAGES).setCoder(SerializableCoder.of(RawPage.class));
    read.get(ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class));
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

  /** Keys each file by a hash of its path, so that groups do not depend on listing order. */
  static final class AssignGroupFn extends DoFn<MatchResult.Metadata, KV<Integer, FileRef>> {
    private final int groups;

    AssignGroupFn(int groups) {
      this.groups = groups;
    }

    @ProcessElement
    public void process(@Element MatchResult.Metadata file, OutputReceiver<KV<Integer, FileRef>> out) {
      String path = file.resourceId().toString();
      out.output(KV.of(Math.floorMod(path.hashCode(), groups), new FileRef(path, file.sizeBytes())));
    }
  }

  /** Reads and decodes the files of one group. */
  static final class ReadGroupFn extends DoFn<KV<Integer, Iterable<FileRef>>, RawPage> {

    private final Counter read = Metrics.counter(ReadPages.class, "files_read");
    private final Counter rejected = Metrics.counter(ReadPages.class, "files_rejected");
    private final long maxPageBytes;
    private final String encoding;
    private final String baseDir;
    private transient PageDecoder decoder;

    ReadGroupFn(long maxPageBytes, String encoding, String baseDir) {
      this.maxPageBytes = maxPageBytes;
      this.encoding = encoding;
      this.baseDir = baseDir;
    }

    @Setup
    public void setup() {
      decoder = new PageDecoder(maxPageBytes, encoding == null ? null : Charset.forName(encoding));
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<FileRef>> group, MultiOutputReceiver out) {
      for (FileRef file : group.getValue()) {
        String path = SourcePaths.relative(file.path(), baseDir);
        read.inc();
        try {
          out.get(PAGES).output(decoder.decode(path, readAtMost(file, maxPageBytes)));
        } catch (RejectedInputException e) {
          rejected.inc();
          Progress.pageDone();
          out.get(ERRORS).output(new ErrorRecord(path, "read", e.type(), e.getMessage(), ""));
        } catch (IOException e) {
          rejected.inc();
          Progress.pageDone();
          out.get(ERRORS).output(
              new ErrorRecord(path, "read", ErrorType.UNREADABLE, "cannot read the file: " + e, ""));
        }
      }
    }

    /** The file's bytes; a file over the limit is rejected without reading all of it. */
    private static byte[] readAtMost(FileRef file, long limit) throws IOException, RejectedInputException {
      if (file.bytes() > limit) {
        throw new RejectedInputException(ErrorType.TOO_LARGE,
            "the file has " + file.bytes() + " bytes, over the limit of " + limit
                + " (raise it with --maxPageBytes)");
      }
      try (InputStream in = Channels.newInputStream(
          FileSystems.open(FileSystems.matchNewResource(file.path(), false)))) {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      }
    }
  }
}
