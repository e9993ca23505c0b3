package dev.pagefeed.pipeline;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.parts.RecordIndex;
import dev.pagefeed.run.ChangeFeed;
import dev.pagefeed.run.DuplicatePages;
import dev.pagefeed.run.Manifest;
import dev.pagefeed.run.ParquetShards;
import dev.pagefeed.run.PreviousFiles;
import dev.pagefeed.run.PreviousRun;
import dev.pagefeed.run.ReusedSources;
import dev.pagefeed.run.ShardMerge;
import dev.pagefeed.run.ShardSources;
import dev.pagefeed.run.StagedWork;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Values;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The pipeline's commit work, on the workers, shard by shard: every file of the run is merged
 * here, and the driver only checks the summary this leaves ({@link StagedWork}) and switches.
 *
 * <ol>
 *   <li>{@code DecideShards}, one worker per shard of sources.jsonl ({@link ShardSources}): which
 *       source keeps each page id, the shard's sources.jsonl, and its tables;
 *   <li>{@code FindCopies}, grouped by shard of content hash ({@link DuplicatePages}): the pages
 *       with the same content, and their {@code duplicate_of};
 *   <li>{@code MergeShards}, one worker per shard of each other record file ({@link ShardMerge}):
 *       this run's parts with the previous run's kept records;
 *   <li>{@code WriteChanges}, one worker per shard of changes.jsonl, once the run's id is known
 *       (it hashes the record files);
 *   <li>{@code WriteSummary}: the summaries of every file and the few run-wide numbers, into the
 *       staging folder, for the driver.
 * </ol>
 *
 * <p>Beside them, {@code CheckPrevious} hashes each of the previous run's files this run builds on
 * ({@link dev.pagefeed.run.RunPlan#checks}), one worker per file, and the summary says which do not
 * match the previous manifest: the driver then commits nothing of this run and plans it again.
 *
 * <p>Only descriptors pass between the steps (parts, tables' file names, summaries): what is per
 * page stays in files of the staging folder, written and read by the workers.
 */
public final class StageWork extends PTransform<PCollectionTuple, PCollection<String>> {

  /**
   * What the commit's workers need to know.
   *
   * @param staging the run's staging folder
   * @param shards how many shards each file has
   * @param bom whether CSV files start with a byte-order mark
   * @param parquet the codec Parquet files are written with, or null when none are
   * @param previous the previous run to build on, or null
   * @param files the record files written, in file order (CSV files only with {@code --formats} csv)
   * @param checks the previous run's files to check against its manifest
   */
  public record Settings(Location staging, int shards, boolean bom, dev.pagefeed.encode.ParquetTable.Codec parquet,
      PreviousFiles previous, List<OutputFile> files, List<PreviousRun.Checked> checks) implements Serializable {
    public Settings {
      files = List.copyOf(files);
      checks = List.copyOf(checks);
    }
  }

  private static final TupleTag<FileSummary> SUMMARIES = new TupleTag<>() {};
  private static final TupleTag<PartFiles.Part> LOSER_PARTS = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, ShardSources.Decision>> DECIDED = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, String>> CONTENT = new TupleTag<>() {};
  private static final TupleTag<KV<String, Manifest.WarcFile>> WARC = new TupleTag<>() {};
  private static final TupleTag<KV<Integer, String>> COPIES = new TupleTag<>() {};
  private static final TupleTag<Long> DUPLICATES = new TupleTag<>() {};
  private static final TupleTag<ChangeFeed.Removed> REMOVED = new TupleTag<>() {};

  private final Settings settings;

  public StageWork(Settings settings) {
    this.settings = settings;
  }

  /** @param processed {@link ProcessPages}' parts and reused sources */
  @Override
  public PCollection<String> expand(PCollectionTuple processed) {
    int shards = settings.shards();
    PCollectionView<Iterable<KV<String, Long>>> reused =
        processed.get(ProcessPages.REUSED).apply("ReusedSources", View.asIterable());
    PCollection<PartFiles.Part> parts = processed.get(ProcessPages.PARTS);
    ProcessPages.PartCoder partCoder = new ProcessPages.PartCoder();

    // 1. Each shard of sources.jsonl, decided: every shard, also those no part of this run is of.
    TupleTag<PartFiles.Part> shardParts = new TupleTag<>() {};
    TupleTag<Integer> shardNumber = new TupleTag<>() {};
    PCollection<KV<Integer, PartFiles.Part>> sourceParts = parts
        .apply("SourceParts", ParDo.of(new KeyParts(true)))
        .setCoder(KvCoder.of(VarIntCoder.of(), partCoder));
    PCollection<KV<Integer, Integer>> allShards = processed.getPipeline()
        .apply("Shards", Create.of(IntStream.range(0, shards).mapToObj(s -> KV.of(s, s)).toList())
            .withCoder(KvCoder.of(VarIntCoder.of(), VarIntCoder.of())));
    PCollectionTuple decided = KeyedPCollectionTuple.of(shardParts, sourceParts).and(shardNumber, allShards)
        .apply("GroupSourceParts", CoGroupByKey.create())
        .apply("DecideShards", ParDo.of(new DecideFn(settings, reused, shardParts)).withSideInputs(reused)
            .withOutputTags(SUMMARIES, TupleTagList.of(LOSER_PARTS).and(DECIDED).and(CONTENT).and(WARC)));
    decided.get(SUMMARIES).setCoder(SerializableCoder.of(FileSummary.class));
    decided.get(LOSER_PARTS).setCoder(partCoder);
    decided.get(DECIDED).setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(ShardSources.Decision.class)));
    decided.get(CONTENT).setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()));
    decided.get(WARC).setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(Manifest.WarcFile.class)));

    // 2. Pages with the same content, by shard of content hash.
    PCollectionTuple copies = decided.get(CONTENT)
        .apply("GroupContent", GroupByKey.create())
        .apply("FindCopies", ParDo.of(new CopiesFn(settings)).withOutputTags(COPIES, TupleTagList.of(DUPLICATES)));
    copies.get(COPIES).setCoder(KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of()));
    copies.get(DUPLICATES).setCoder(VarLongCoder.of());

    // 3. Every other record file's shards, merged.
    TupleTag<PartFiles.Part> mergeParts = new TupleTag<>() {};
    TupleTag<ShardSources.Decision> mergeDecision = new TupleTag<>() {};
    TupleTag<String> mergeCopies = new TupleTag<>() {};
    PCollection<KV<String, PartFiles.Part>> recordParts = PCollectionList.of(parts).and(decided.get(LOSER_PARTS))
        .apply("AllRecordParts", Flatten.pCollections())
        .apply("RecordParts", ParDo.of(new NameParts()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), partCoder));
    PCollection<KV<String, ShardSources.Decision>> decisionPerFile = decided.get(DECIDED)
        .apply("DecisionPerFile", ParDo.of(new PerFile<ShardSources.Decision>(settings.files(), shards, false)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ShardSources.Decision.class)));
    PCollection<KV<String, String>> copiesPerFile = copies.get(COPIES)
        .apply("CopiesPerPageFile", ParDo.of(new PerFile<String>(settings.files(), shards, true)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
    PCollection<FileSummary> merged = KeyedPCollectionTuple.of(mergeParts, recordParts)
        .and(mergeDecision, decisionPerFile).and(mergeCopies, copiesPerFile)
        .apply("GroupShards", CoGroupByKey.create())
        .apply("MergeShards", ParDo.of(new MergeFn(settings, reused, mergeParts, mergeDecision, mergeCopies))
            .withSideInputs(reused))
        .setCoder(SerializableCoder.of(FileSummary.class));

    // 4. The run's id, from the record files' hashes; then changes.jsonl, shard by shard.
    PCollection<FileSummary> records = PCollectionList.of(decided.get(SUMMARIES)).and(merged)
        .apply("RecordFiles", Flatten.pCollections());
    PCollectionView<List<FileSummary>> recordList = records.apply("RecordFileList", View.asList());
    TupleTag<ShardSources.Decision> changeDecision = new TupleTag<>() {};
    TupleTag<String> changeCopies = new TupleTag<>() {};
    PCollectionTuple changes = KeyedPCollectionTuple.of(changeDecision, decided.get(DECIDED))
        .and(changeCopies, copies.get(COPIES))
        .apply("GroupChanges", CoGroupByKey.create())
        .apply("WriteChanges", ParDo.of(new ChangesFn(settings, recordList, changeDecision, changeCopies))
            .withSideInputs(recordList).withOutputTags(SUMMARIES, TupleTagList.of(REMOVED)));
    changes.get(SUMMARIES).setCoder(SerializableCoder.of(FileSummary.class));
    changes.get(REMOVED).setCoder(SerializableCoder.of(ChangeFeed.Removed.class));

    // 5. The Parquet files (--formats=…,parquet), each from its JSONL shard; then the summary for the driver.
    PCollection<FileSummary> written = PCollectionList.of(records).and(changes.get(SUMMARIES))
        .apply("AllFiles", Flatten.pCollections());
    if (settings.parquet() != null) {
      PCollection<FileSummary> parquet = written
          .apply("WriteParquet", ParDo.of(new ParquetFn(settings)))
          .setCoder(SerializableCoder.of(FileSummary.class));
      written = PCollectionList.of(written).and(parquet).apply("WithParquet", Flatten.pCollections());
    }
    PCollectionView<List<FileSummary>> files = written.apply("FileList", View.asList());
    PCollectionView<List<Manifest.WarcFile>> warc = decided.get(WARC)
        .apply("WarcPerFile", Combine.perKey(StageWork::sumWarc))
        .apply("WarcFiles", Values.create())
        .apply("WarcList", View.asList());
    PCollectionView<Long> duplicates = copies.get(DUPLICATES)
        .apply("Duplicates", Combine.globally(Sum.ofLongs()).asSingletonView());
    PCollectionView<Long> reusedFiles = processed.get(ProcessPages.REUSED)
        .apply("ReusedCounts", MapElements.into(TypeDescriptors.longs()).via(KV::getValue))
        .apply("ReusedFiles", Combine.globally(Sum.ofLongs()).asSingletonView());
    PCollectionView<Long> previousPages = decided.get(DECIDED)
        .apply("PreviousPageCounts", MapElements.into(TypeDescriptors.longs()).via(kv -> kv.getValue().previousPages()))
        .apply("PreviousPages", Combine.globally(Sum.ofLongs()).asSingletonView());
    PCollectionView<List<ChangeFeed.Removed>> removed = changes.get(REMOVED).apply("RemovedList", View.asList());
    PCollectionView<List<PreviousRun.Mismatch>> mismatches = processed.getPipeline()
        .apply("PreviousFiles", Create.of(settings.checks()).withCoder(SerializableCoder.of(PreviousRun.Checked.class)))
        .apply("CheckPrevious", ParDo.of(new CheckFn()))
        .setCoder(SerializableCoder.of(PreviousRun.Mismatch.class))
        .apply("MismatchList", View.asList());
    return processed.getPipeline()
        .apply("Summary", Create.of("summary"))
        .apply("WriteSummary", ParDo.of(new WriteSummaryFn(settings.staging(), files, warc, duplicates, reusedFiles,
                previousPages, removed, mismatches))
            .withSideInputs(files, warc, duplicates, reusedFiles, previousPages, removed, mismatches))
        .setCoder(StringUtf8Coder.of());
  }

  private static Manifest.WarcFile sumWarc(Iterable<Manifest.WarcFile> counts) {
    String path = null;
    long[] n = new long[4];
    for (Manifest.WarcFile count : counts) {
      path = count.path();
      n[0] += count.records();
      n[1] += count.pages();
      n[2] += count.skipped();
      n[3] += count.errors();
    }
    return new Manifest.WarcFile(path, n[0], n[1], n[2], n[3]);
  }

  /** Parts of sources.jsonl (or of the other files) by their shard number. */
  static final class KeyParts extends DoFn<PartFiles.Part, KV<Integer, PartFiles.Part>> {
    private final boolean sources;

    KeyParts(boolean sources) {
      this.sources = sources;
    }

    @ProcessElement
    public void process(@Element PartFiles.Part part, OutputReceiver<KV<Integer, PartFiles.Part>> out) {
      if ((part.file() == OutputFile.SOURCES_JSONL) == sources) {
        out.output(KV.of(part.shard().index(), part));
      }
    }
  }

  /** Parts of every record file but sources.jsonl, by the name of their shard. */
  static final class NameParts extends DoFn<PartFiles.Part, KV<String, PartFiles.Part>> {
    @ProcessElement
    public void process(@Element PartFiles.Part part, OutputReceiver<KV<String, PartFiles.Part>> out) {
      if (part.file() != OutputFile.SOURCES_JSONL) {
        out.output(KV.of(part.shard().name(), part));
      }
    }
  }

  /** A shard's value, for each record file's shard of that number (only pages' files, or all but sources.jsonl). */
  static final class PerFile<T> extends DoFn<KV<Integer, T>, KV<String, T>> {
    private final List<OutputFile> files;
    private final int shards;
    private final boolean pagesOnly;

    PerFile(List<OutputFile> files, int shards, boolean pagesOnly) {
      this.files = List.copyOf(files);
      this.shards = shards;
      this.pagesOnly = pagesOnly;
    }

    @ProcessElement
    public void process(@Element KV<Integer, T> shard, OutputReceiver<KV<String, T>> out) {
      for (OutputFile file : files) {
        boolean pages = file == OutputFile.PAGES_JSONL || file == OutputFile.PAGES_CSV;
        if (file != OutputFile.SOURCES_JSONL && (pages || !pagesOnly)) {
          out.output(KV.of(new OutputShard(file, shard.getKey(), shards).name(), shard.getValue()));
        }
      }
    }
  }

  /** Decides one shard of sources.jsonl ({@link ShardSources}). */
  static final class DecideFn extends DoFn<KV<Integer, CoGbkResult>, FileSummary> implements HasReused {
    private final Settings settings;
    private final PCollectionView<Iterable<KV<String, Long>>> reused;
    private final TupleTag<PartFiles.Part> parts;
    private transient long[] reusedHashes;

    @Override
    public long[] reused() {
      return reusedHashes;
    }

    @Override
    public void reused(long[] hashes) {
      reusedHashes = hashes;
    }

    DecideFn(Settings settings, PCollectionView<Iterable<KV<String, Long>>> reused, TupleTag<PartFiles.Part> parts) {
      this.settings = settings;
      this.reused = reused;
      this.parts = parts;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      int shard = context.element().getKey();
      List<PartFiles.Part> its = new ArrayList<>();
      context.element().getValue().getAll(parts).forEach(its::add);
      RecordIndex.Keep keep = keep(context, settings, reused, this);
      ShardSources.Outcome outcome = ShardSources.decide(settings.staging(),
          new OutputShard(OutputFile.SOURCES_JSONL, shard, settings.shards()), its, settings.previous(), keep);
      context.output(outcome.sources());
      outcome.loserErrors().forEach(part -> context.output(LOSER_PARTS, part));
      context.output(DECIDED, KV.of(shard, outcome.decision()));
      outcome.contentFiles().forEach((c, file) -> context.output(CONTENT, KV.of(c, file)));
      outcome.warc().forEach((path, n) ->
          context.output(WARC, KV.of(path, new Manifest.WarcFile(path, n[0], n[1], n[2], n[3]))));
    }
  }

  /**
   * The previous run's records a DoFn's run keeps (of its reused files), or null when it keeps none;
   * the reused files' hashes are taken from the side input once per DoFn instance.
   */
  private static RecordIndex.Keep keep(DoFn<?, ?>.ProcessContext context, Settings settings,
      PCollectionView<Iterable<KV<String, Long>>> reused, HasReused fn) {
    if (settings.previous() == null || !settings.previous().reusable()) {
      return null;
    }
    if (fn.reused() == null) {
      List<String> tables = new ArrayList<>();
      context.sideInput(reused).forEach(table -> tables.add(table.getKey()));
      fn.reused(ReusedSources.read(settings.staging(), tables));
    }
    return ReusedSources.keep(fn.reused());
  }

  /** A DoFn that remembers the reused files' hashes. */
  interface HasReused {
    long[] reused();

    void reused(long[] hashes);
  }

  /** Groups one shard of content hashes ({@link DuplicatePages}). */
  static final class CopiesFn extends DoFn<KV<Integer, Iterable<String>>, KV<Integer, String>> {
    private final Settings settings;

    CopiesFn(Settings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      DuplicatePages.Outcome outcome =
          DuplicatePages.find(settings.staging(), context.element().getValue(), settings.shards());
      outcome.copies().forEach((shard, file) -> context.output(KV.of(shard, file)));
      context.output(DUPLICATES, outcome.duplicates());
    }
  }

  /** Merges one shard of a record file ({@link ShardMerge}). */
  static final class MergeFn extends DoFn<KV<String, CoGbkResult>, FileSummary> implements HasReused {
    private final Settings settings;
    private final PCollectionView<Iterable<KV<String, Long>>> reused;
    private final TupleTag<PartFiles.Part> parts;
    private final TupleTag<ShardSources.Decision> decision;
    private final TupleTag<String> copies;
    private transient long[] reusedHashes;

    MergeFn(Settings settings, PCollectionView<Iterable<KV<String, Long>>> reused, TupleTag<PartFiles.Part> parts,
        TupleTag<ShardSources.Decision> decision, TupleTag<String> copies) {
      this.settings = settings;
      this.reused = reused;
      this.parts = parts;
      this.decision = decision;
      this.copies = copies;
    }

    @Override
    public long[] reused() {
      return reusedHashes;
    }

    @Override
    public void reused(long[] hashes) {
      reusedHashes = hashes;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      CoGbkResult result = context.element().getValue();
      ShardSources.Decision decided = result.getOnly(decision);
      OutputShard shard = shardNamed(context.element().getKey(), decided.shard(), settings.shards());
      List<PartFiles.Part> its = new ArrayList<>();
      result.getAll(parts).forEach(its::add);
      List<String> tables = new ArrayList<>();
      result.getAll(copies).forEach(tables::add);
      context.output(ShardMerge.merge(settings.staging(), shard, its, settings.previous(),
          keep(context, settings, reused, this), ShardSources.readLost(decided), DuplicatePages.copiesOf(tables),
          settings.bom()));
    }
  }

  /** The shard of a record file whose name is {@code name}. */
  private static OutputShard shardNamed(String name, int index, int shards) {
    for (OutputFile file : OutputFile.values()) {
      OutputShard shard = new OutputShard(file, index, shards);
      if (shard.name().equals(name)) {
        return shard;
      }
    }
    throw new IllegalStateException("no record file's shard is named " + name);
  }

  /** Writes one shard of changes.jsonl, with the run's id. */
  static final class ChangesFn extends DoFn<KV<Integer, CoGbkResult>, FileSummary> {
    private final Settings settings;
    private final PCollectionView<List<FileSummary>> records;
    private final TupleTag<ShardSources.Decision> decision;
    private final TupleTag<String> copies;

    ChangesFn(Settings settings, PCollectionView<List<FileSummary>> records, TupleTag<ShardSources.Decision> decision,
        TupleTag<String> copies) {
      this.settings = settings;
      this.records = records;
      this.decision = decision;
      this.copies = copies;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      int shard = context.element().getKey();
      CoGbkResult result = context.element().getValue();
      List<String> tables = new ArrayList<>();
      result.getAll(copies).forEach(tables::add);
      ChangeFeed.Shard written = ChangeFeed.writeShard(settings.staging(),
          new OutputShard(OutputFile.CHANGES, shard, settings.shards()), result.getOnly(decision),
          DuplicatePages.copiesOf(tables), runId(context.sideInput(records), settings.files(), settings.shards()));
      context.output(written.file());
      written.removed().forEach(page -> context.output(REMOVED, page));
    }
  }

  /** Writes the Parquet shard of each JSONL shard that has one ({@link ParquetShards}). */
  static final class ParquetFn extends DoFn<FileSummary, FileSummary> {
    private final Settings settings;

    ParquetFn(Settings settings) {
      this.settings = settings;
    }

    @ProcessElement
    public void process(@Element FileSummary file, OutputReceiver<FileSummary> out) {
      if (ParquetShards.writtenFrom(file.file(), settings.shards())) {
        out.output(ParquetShards.write(settings.staging(), file, settings.shards(), settings.parquet(),
            settings.previous()));
      }
    }
  }

  /** The run's id from its record files' summaries, in file order then shard order. */
  static String runId(List<FileSummary> records, List<OutputFile> files, int shards) {
    Map<String, FileSummary> byName = new HashMap<>();
    records.forEach(summary -> byName.put(summary.file(), summary));
    List<FileSummary> ordered = new ArrayList<>();
    for (OutputFile file : files) {
      for (OutputShard shard : OutputShard.all(file, shards)) {
        FileSummary summary = byName.get(shard.name());
        if (summary == null) {
          throw new IllegalStateException("no summary of " + shard.name());
        }
        ordered.add(summary);
      }
    }
    return Manifest.runIdOf(ordered);
  }

  /** Checks one of the previous run's files against its manifest; gives its mismatch, if any. */
  static final class CheckFn extends DoFn<PreviousRun.Checked, PreviousRun.Mismatch> {
    @ProcessElement
    public void process(@Element PreviousRun.Checked file, OutputReceiver<PreviousRun.Mismatch> out) {
      PreviousRun.Mismatch mismatch = file.check();
      if (mismatch != null) {
        out.output(mismatch);
      }
    }
  }

  /** Writes the {@link StagedWork} summary from the side inputs. */
  static final class WriteSummaryFn extends DoFn<String, String> {
    private final Location staging;
    private final PCollectionView<List<FileSummary>> files;
    private final PCollectionView<List<Manifest.WarcFile>> warc;
    private final PCollectionView<Long> duplicates;
    private final PCollectionView<Long> reused;
    private final PCollectionView<Long> previousPages;
    private final PCollectionView<List<ChangeFeed.Removed>> removed;
    private final PCollectionView<List<PreviousRun.Mismatch>> mismatches;

    WriteSummaryFn(Location staging, PCollectionView<List<FileSummary>> files,
        PCollectionView<List<Manifest.WarcFile>> warc, PCollectionView<Long> duplicates, PCollectionView<Long> reused,
        PCollectionView<Long> previousPages, PCollectionView<List<ChangeFeed.Removed>> removed,
        PCollectionView<List<PreviousRun.Mismatch>> mismatches) {
      this.staging = staging;
      this.files = files;
      this.warc = warc;
      this.duplicates = duplicates;
      this.reused = reused;
      this.previousPages = previousPages;
      this.removed = removed;
      this.mismatches = mismatches;
    }

    @ProcessElement
    public void process(ProcessContext context) {
      StagedWork work = new StagedWork(context.sideInput(files), context.sideInput(warc),
          context.sideInput(duplicates), context.sideInput(reused), context.sideInput(previousPages),
          context.sideInput(removed), context.sideInput(mismatches));
      work.write(staging);
      context.output(Json.line(work));
    }
  }
}
