package dev.pagefeed.pipeline;

import dev.pagefeed.io.FileSummary;
import dev.pagefeed.io.Json;
import dev.pagefeed.io.Manifest;
import dev.pagefeed.io.OutputCommitter;
import dev.pagefeed.io.OutputFile;
import dev.pagefeed.io.OutputLine;
import dev.pagefeed.io.RecordEncoder;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.PageRecords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes every output file, each sorted by record id, into a staging folder, then commits them
 * into the output folder with the manifest last. Emits the manifest as JSON.
 *
 * <p>Steps: 1) EncodePages / EncodeErrors: records to lines, keyed by file name; 2) GroupByFile;
 * 3) WriteFiles: sort and write each file; 4) CollectSummaries; 5) Commit.
 */
public final class WriteOutputs extends PTransform<PCollectionTuple, PCollection<String>> {

  public static final TupleTag<PageRecords> PAGES = new TupleTag<>() {};
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};

  private final String output;
  private final String staging;
  private final Manifest.RunOptions options;

  /**
   * @param output the output folder
   * @param staging the folder files are written to before the commit
   * @param options recorded in the manifest; csv options also shape the files
   */
  public WriteOutputs(String output, String staging, Manifest.RunOptions options) {
    this.output = output;
    this.staging = staging;
    this.options = options;
  }

  @Override
  public PCollection<String> expand(PCollectionTuple records) {
    Coder<KV<String, OutputLine>> lineCoder =
        KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(OutputLine.class));
    PCollection<KV<String, OutputLine>> pageLines =
        records.get(PAGES).apply("EncodePages", ParDo.of(new EncodePageFn(options.csvRaw()))).setCoder(lineCoder);
    PCollection<KV<String, OutputLine>> errorLines =
        records.get(ERRORS).apply("EncodeErrors", ParDo.of(new EncodeErrorFn())).setCoder(lineCoder);
    return PCollectionList.of(pageLines)
        .and(errorLines)
        .apply("FlattenLines", Flatten.pCollections())
        .apply("GroupByFile", GroupByKey.create())
        .apply("WriteFiles", ParDo.of(new WriteFileFn(staging, options.csvBom())))
        .setCoder(SerializableCoder.of(FileSummary.class))
        .apply("CollectSummaries", Combine.globally(new CollectSummariesFn()))
        .apply("Commit", ParDo.of(new CommitFn(output, staging, options)))
        .setCoder(StringUtf8Coder.of());
  }

  /** A page's records as lines of the page, card and entity files. */
  static final class EncodePageFn extends DoFn<PageRecords, KV<String, OutputLine>> {
    private final RecordEncoder encoder;

    EncodePageFn(boolean csvRaw) {
      this.encoder = new RecordEncoder(csvRaw);
    }

    @ProcessElement
    public void process(@Element PageRecords page, OutputReceiver<KV<String, OutputLine>> out) {
      for (RecordEncoder.Encoded line : encoder.encode(page)) {
        out.output(KV.of(line.file().name(), line.line()));
      }
    }
  }

  /** An error record as a line of errors.jsonl. */
  static final class EncodeErrorFn extends DoFn<ErrorRecord, KV<String, OutputLine>> {
    private final RecordEncoder encoder = new RecordEncoder(false);

    @ProcessElement
    public void process(@Element ErrorRecord error, OutputReceiver<KV<String, OutputLine>> out) {
      RecordEncoder.Encoded line = encoder.encode(error);
      out.output(KV.of(line.file().name(), line.line()));
    }
  }

  /** Sorts and writes one file into the staging folder. */
  static final class WriteFileFn extends DoFn<KV<String, Iterable<OutputLine>>, FileSummary> {
    private final String staging;
    private final boolean bom;

    WriteFileFn(String staging, boolean bom) {
      this.staging = staging;
      this.bom = bom;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<OutputLine>> file, OutputReceiver<FileSummary> out) {
      out.output(OutputCommitter.writeFile(
          Path.of(staging), OutputFile.valueOf(file.getKey()), file.getValue(), bom));
    }
  }

  /** Gathers the file summaries into one list (an empty list when nothing was written). */
  static final class CollectSummariesFn
      extends Combine.CombineFn<FileSummary, ArrayList<FileSummary>, List<FileSummary>> {

    @Override
    public ArrayList<FileSummary> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<FileSummary> addInput(ArrayList<FileSummary> acc, FileSummary input) {
      acc.add(input);
      return acc;
    }

    @Override
    public ArrayList<FileSummary> mergeAccumulators(Iterable<ArrayList<FileSummary>> accs) {
      ArrayList<FileSummary> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public List<FileSummary> extractOutput(ArrayList<FileSummary> acc) {
      return acc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Coder<ArrayList<FileSummary>> getAccumulatorCoder(
        CoderRegistry registry, Coder<FileSummary> inputCoder) {
      return (Coder<ArrayList<FileSummary>>) (Coder<?>) ListCoder.of(inputCoder);
    }

    @Override
    public Coder<List<FileSummary>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<FileSummary> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  /** Writes the manifest and swaps the staged files into the output folder. */
  static final class CommitFn extends DoFn<List<FileSummary>, String> {
    private final String output;
    private final String staging;
    private final Manifest.RunOptions options;

    CommitFn(String output, String staging, Manifest.RunOptions options) {
      this.output = output;
      this.staging = staging;
      this.options = options;
    }

    @ProcessElement
    public void process(@Element List<FileSummary> summaries, OutputReceiver<String> out) {
      Manifest manifest =
          OutputCommitter.commit(Path.of(output), Path.of(staging), options, summaries, options.csvBom());
      out.output(Json.line(manifest));
    }
  }
}
