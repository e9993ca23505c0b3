package dev.pagefeed.pipeline;

import dev.pagefeed.encode.Json;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.run.StagedWork;

import java.util.ArrayList;
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
 * The pipeline's last step: gathers the parts {@link ProcessPages} wrote and the sources it reused
 * into the staging folder's {@link StagedWork} list, for the driver, which commits the run once
 * the pipeline has finished. Emits the list as JSON. A retry writes the same list again.
 */
public final class StageWork extends PTransform<PCollectionTuple, PCollection<String>> {

  private final Location staging;

  /** @param staging the run's staging folder */
  public StageWork(Location staging) {
    this.staging = staging;
  }

  /** @param processed {@link ProcessPages}' parts and reused sources */
  @Override
  public PCollection<String> expand(PCollectionTuple processed) {
    PCollectionView<Iterable<List<String>>> reused =
        processed.get(ProcessPages.REUSED).apply("ReusedSources", View.asIterable());
    return processed.get(ProcessPages.PARTS)
        .apply("CollectParts", Combine.globally(new CollectPartsFn()))
        .apply("WriteList", ParDo.of(new WriteListFn(staging, reused)).withSideInputs(reused))
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

  /** Writes the staged-work list: the parts, and the reused sources from the side input. */
  static final class WriteListFn extends DoFn<List<PartFiles.Part>, String> {
    private final Location staging;
    private final PCollectionView<Iterable<List<String>>> reused;

    WriteListFn(Location staging, PCollectionView<Iterable<List<String>>> reused) {
      this.staging = staging;
      this.reused = reused;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      List<String> reusedPaths = new ArrayList<>();
      context.sideInput(reused).forEach(reusedPaths::addAll);
      StagedWork work = new StagedWork(context.element(), reusedPaths);
      work.write(staging);
      context.output(Json.line(work));
    }
  }
}
