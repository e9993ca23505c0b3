package dev.pagefeed.pipeline;

import dev.pagefeed.encode.Json;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.run.OutputCommitter;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.run.PreviousRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Commits the parts {@link ProcessPages} wrote as the output files, sorted by record id, with the
 * manifest last. Emits the manifest as JSON.
 *
 * <p>Steps: 1) CollectParts, and the reused sources as a side input; 2) Commit: merge each file's
 * parts in order with the previous run's records of reused sources, write changes.jsonl and the
 * manifest, switch the current run.
 */
public final class WriteOutputs extends PTransform<PCollectionTuple, PCollection<String>> {

  private final String output;
  private final String staging;
  private final Manifest.RunOptions options;
  private final String previous;

  /**
   * @param output the output folder
   * @param staging the folder files are written to before the commit
   * @param options recorded in the manifest; csv options also shape the files
   * @param previous the folder of the run that was current when this one started, or null
   */
  public WriteOutputs(String output, String staging, Manifest.RunOptions options, String previous) {
    this.output = output;
    this.staging = staging;
    this.options = options;
    this.previous = previous;
  }

  /** @param processed {@link ProcessPages}' parts and reused sources */
  @Override
  public PCollection<String> expand(PCollectionTuple processed) {
    PCollectionView<Iterable<List<String>>> reused =
        processed.get(ProcessPages.REUSED).apply("ReusedSources", View.asIterable());
    return processed.get(ProcessPages.PARTS)
        .apply("CollectParts", Combine.globally(new CollectPartsFn()))
        .apply("Commit", ParDo.of(new CommitFn(output, staging, options, previous, reused)).withSideInputs(reused))
        .setCoder(StringUtf8Coder.of());
  }

  /** Gathers the parts into one list (an empty list when nothing was written). */
  static final class CollectPartsFn
      extends Combine.CombineFn<PartFiles.Part, ArrayList<PartFiles.Part>, List<PartFiles.Part>> {

    @Override
    public ArrayList<PartFiles.Part> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public ArrayList<PartFiles.Part> addInput(ArrayList<PartFiles.Part> acc, PartFiles.Part input) {
      acc.add(input);
      return acc;
    }

    @Override
    public ArrayList<PartFiles.Part> mergeAccumulators(Iterable<ArrayList<PartFiles.Part>> accs) {
      ArrayList<PartFiles.Part> all = new ArrayList<>();
      accs.forEach(all::addAll);
      return all;
    }

    @Override
    public List<PartFiles.Part> extractOutput(ArrayList<PartFiles.Part> acc) {
      return acc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Coder<ArrayList<PartFiles.Part>> getAccumulatorCoder(
        CoderRegistry registry, Coder<PartFiles.Part> inputCoder) {
      return (Coder<ArrayList<PartFiles.Part>>) (Coder<?>) ListCoder.of(inputCoder);
    }

    @Override
    public Coder<List<PartFiles.Part>> getDefaultOutputCoder(
        CoderRegistry registry, Coder<PartFiles.Part> inputCoder) {
      return ListCoder.of(inputCoder);
    }
  }

  /**
   * Merges the parts with the previous run's records of reused sources, writes changes.jsonl and
   * the manifest, and makes the run current.
   */
  static final class CommitFn extends DoFn<List<PartFiles.Part>, String> {
    private final String output;
    private final String staging;
    private final Manifest.RunOptions options;
    private final String previous;
    private final PCollectionView<Iterable<List<String>>> reused;

    CommitFn(String output, String staging, Manifest.RunOptions options, String previous,
        PCollectionView<Iterable<List<String>>> reused) {
      this.output = output;
      this.staging = staging;
      this.options = options;
      this.previous = previous;
      this.reused = reused;
    }

    @ProcessElement
    public void process(ProcessContext context) throws IOException {
      List<PartFiles.Part> parts = new ArrayList<>(context.element());
      List<String> reusedPaths = new ArrayList<>();
      context.sideInput(reused).forEach(reusedPaths::addAll);
      PreviousRun run = previous == null ? null : PreviousRun.in(Path.of(output))
          .filter(p -> p.folder().toString().equals(previous))
          .orElseThrow(() -> new IllegalStateException(
              "the previous run " + previous + " is no longer current in " + output + " (did another run commit?)"));
      Manifest manifest = OutputCommitter.commit(Path.of(output), Path.of(staging), options, parts, run,
          new HashSet<>(reusedPaths), options.csvBom());
      context.output(Json.line(manifest));
    }
  }
}
