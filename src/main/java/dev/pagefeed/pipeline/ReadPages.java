package dev.pagefeed.pipeline;

import dev.pagefeed.io.PageDecoder;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Reads page files into decoded text; files that are not pages go to {@link #ERRORS}. */
public final class ReadPages extends PTransform<PBegin, PCollectionTuple> {

  public static final TupleTag<RawPage> PAGES = new TupleTag<>() {};
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};

  private final List<String> patterns;
  private final long maxPageBytes;
  private final String encoding;
  private final String baseDir;

  /**
   * @param patterns file globs to read
   * @param maxPageBytes larger pages become errors
   * @param encoding the charset every page is decoded with, or null to detect it
   * @param baseDir paths below this folder are recorded relative to it
   */
  public ReadPages(List<String> patterns, long maxPageBytes, String encoding, String baseDir) {
    this.patterns = List.copyOf(patterns);
    this.maxPageBytes = maxPageBytes;
    this.encoding = encoding;
    this.baseDir = baseDir;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple read =
        begin
            .apply("ListPatterns", Create.of(patterns).withCoder(StringUtf8Coder.of()))
            .apply("MatchFiles", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
            .apply("OpenFiles", FileIO.readMatches())
            .apply("DecodePages",
                ParDo.of(new ReadPageFn(maxPageBytes, encoding, baseDir))
                    .withOutputTags(PAGES, TupleTagList.of(ERRORS)));
    read.get(PAGES).setCoder(SerializableCoder.of(RawPage.class));
    read.get(ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class));
    return read;
  }

  /** Reads and decodes one file. */
  static final class ReadPageFn extends DoFn<FileIO.ReadableFile, RawPage> {

    private final Counter read = Metrics.counter(ReadPages.class, "files_read");
    private final Counter rejected = Metrics.counter(ReadPages.class, "files_rejected");
    private final long maxPageBytes;
    private final String encoding;
    private final String baseDir;
    private transient PageDecoder decoder;

    ReadPageFn(long maxPageBytes, String encoding, String baseDir) {
      this.maxPageBytes = maxPageBytes;
      this.encoding = encoding;
      this.baseDir = baseDir;
    }

    @Setup
    public void setup() {
      decoder = new PageDecoder(maxPageBytes, encoding == null ? null : Charset.forName(encoding));
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
      String path = SourcePaths.relative(file.getMetadata().resourceId().toString(), baseDir);
      read.inc();
      try {
        if (file.getMetadata().sizeBytes() > maxPageBytes) {
          throw new RejectedInputException(ErrorType.TOO_LARGE,
              "the file has " + file.getMetadata().sizeBytes() + " bytes, over the limit of "
                  + maxPageBytes + " (raise it with --maxPageBytes)");
        }
        out.get(PAGES).output(decoder.decode(path, file.readFullyAsBytes()));
      } catch (RejectedInputException e) {
        rejected.inc();
        out.get(ERRORS).output(new ErrorRecord(path, "read", e.type(), e.getMessage(), ""));
      } catch (IOException e) {
        rejected.inc();
        out.get(ERRORS).output(
            new ErrorRecord(path, "read", ErrorType.UNREADABLE, "cannot read the file: " + e, ""));
      }
    }
  }
}
