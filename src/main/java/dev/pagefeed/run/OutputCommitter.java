package dev.pagefeed.run;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.ParquetTable;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.Page;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.parts.RecordIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Completes a run: writes its output files into a staging folder of their own, then makes that
 * folder the current one by replacing one small pointer file, so that a run that dies at any
 * moment leaves the previous complete output and its manifest in place. Called by the driver once
 * the pipeline has finished (never inside it, where a runner could retry it).
 */
public final class OutputCommitter {

  private OutputCommitter() {}

  /**
   * Writes one file's lines, sorted, into {@code staging}: one part, merged.
   *
   * @param bom whether a CSV file starts with a UTF-8 BOM (for Excel)
   */
  public static FileSummary writeFile(Location staging, OutputFile file, Iterable<OutputLine> lines, boolean bom) {
    List<OutputLine> all = new ArrayList<>();
    lines.forEach(all::add);
    OutputShard whole = new OutputShard(file, 0, 1);
    return PartFiles.merge(staging, whole, List.of(PartFiles.write(staging, whole, all)), bom);
  }

  /** Inside the output folder: one folder per run, each complete before it becomes current. */
  public static final String RUNS = ".runs";

  /**
   * On a local disk, the link naming the current run's folder; the output files are links
   * through it, for people and tools.
   */
  public static final String CURRENT = "current";

  /**
   * The pointer to the current run: a small file naming its folder ({@code .runs/<run>}), written
   * last. Every reader of a run (the next incremental run among them) follows it; it needs no
   * symbolic links and no folder renames, so it works on any file system.
   */
  public static final String POINTER = "CURRENT";

  /** A new pointer waits under this name (plus the run's folder name) until it replaces {@link #POINTER}. */
  private static final String PENDING_POINTER = "." + POINTER + "-";

  /**
   * The current run's folder: as {@link #POINTER} names it; where there is no pointer, as a pending
   * pointer does whose switch was cut short (on a file system whose rename cannot replace a file,
   * the old pointer is removed before the new one is renamed into place; a pending pointer is
   * written only once its run is complete); in local output of an older layout, as the
   * {@link #CURRENT} link does. Null when there is none.
   */
  public static Location currentRun(Location output) {
    try {
      Location pointer = output.resolve(POINTER);
      if (pointer.exists()) {
        return runNamedBy(output, pointer);
      }
      for (Location pending : pendingPointers(output)) {
        Location run = runNamedBy(output, pending);
        if (run != null) {
          return run;
        }
      }
      if (output.isLocal() && Files.isDirectory(output.path().resolve(CURRENT))) {
        return Location.of(output.path().resolve(CURRENT).toRealPath());
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read which run is current in " + output, e);
    }
  }

  /** The complete run a pointer file names, or null when it names none. */
  private static Location runNamedBy(Location output, Location pointer) throws IOException {
    String name = pointer.readString().strip();
    if (!name.startsWith(RUNS + "/") || name.contains("..") || name.substring(RUNS.length() + 1).contains("/")) {
      return null;
    }
    Location run = output.resolve(name);
    return run.resolve(OutputFile.MANIFEST).exists() ? run : null;
  }

  /** The pointers written for a switch and not (yet) renamed into place, in name order. */
  private static List<Location> pendingPointers(Location output) throws IOException {
    List<Location> pending = new ArrayList<>();
    for (Location file : topLevelFiles(output)) {
      if (file.name().startsWith(PENDING_POINTER)) {
        pending.add(file);
      }
    }
    return pending;
  }

  /** The files directly inside {@code output}. */
  private static List<Location> topLevelFiles(Location output) throws IOException {
    if (output.isLocal()) {
      List<Location> files = new ArrayList<>();
      if (Files.isDirectory(output.path())) {
        try (var list = Files.list(output.path())) {
          list.filter(Files::isRegularFile).sorted().map(Location::of).forEach(files::add);
        }
      }
      return files;
    }
    return output.files().stream().filter(f -> !output.relativize(f).contains("/")).toList();
  }

  /** The output folder's lock file (see the pipeline's {@code OutputLock}). */
  public static final String LOCK = ".lock";

  /**
   * Which paths are the output folder's own (its runs, pointer, lock and links): never input, even
   * where {@code --output} lies inside {@code --input}. The paths are local paths or URIs, as listed.
   */
  public static java.util.function.Predicate<String> ownFiles(Location output) {
    if (!output.isLocal()) {
      return path -> {
        String below = output.relativize(Location.of(path));
        return below != null && isOwnName(below.split("/", 2)[0]);
      };
    }
    Path folder = realPath(output.path());
    return path -> {
      Path file = Path.of(path).toAbsolutePath().normalize();
      return file.getParent() != null && isOwnName(file.getFileName().toString())
          && realPath(file.getParent()).equals(folder);
    };
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException notThere) {
      return path.toAbsolutePath().normalize();
    }
  }

  /** Whether a name directly inside the output folder is one pagefeed writes there. */
  private static boolean isOwnName(String name) {
    if (name.equals(RUNS) || name.equals(CURRENT) || name.equals(POINTER) || name.equals(LOCK)
        || name.equals(OutputFile.CHANGES) || name.equals(OutputFile.MANIFEST)
        || name.startsWith(PENDING_POINTER) || name.startsWith("." + CURRENT + "-") || name.startsWith(".pagefeed-probe-")
        || name.startsWith(".") && name.endsWith(".link")) {
      return true;
    }
    return OutputShard.isRecordFileName(name);
  }

  /** The staging folder of a new run inside {@code output}. */
  public static Location stagingFor(Location output, String token) {
    return output.resolve(RUNS).resolve(token);
  }

  /**
   * Completes the run {@code plan} describes, once its pipeline has merged every file into the
   * staging folder and left the summary of it ({@code work}): checks what the run would commit
   * (every file there, each WARC file's records reconciled, the share of pages it would remove),
   * writes the manifest into the staging folder, then makes it current by replacing one small
   * pointer file, {@code output/CURRENT}: a new pointer is written beside it and renamed over it.
   * On a local disk that rename is atomic: whenever a run dies, the pointer names either the
   * previous run or this one, complete and matching its manifest; on HDFS the old pointer is
   * removed first, and a reader that finds none follows the new one (see {@link #currentRun}). On
   * a local disk the files a user reads, {@code output/pages.jsonl} and so on, are links through
   * the link {@code output/current}, which follows the pointer right after the switch. Earlier
   * runs' folders are removed afterwards. Reads and writes no record file.
   *
   * @return the manifest written
   * @throws IllegalStateException when another run became current since this one started
   * @throws RemovalGuard.TooManyRemovals when the run would remove too many pages
   */
  public static Manifest commit(RunPlan plan, StagedWork work) {
    if (work.sourcesReused() > 0 && plan.reusable().isEmpty()) {
      throw new IllegalStateException("sources were reused in a run that may not reuse any");
    }
    int shards = plan.options().shape().shards();
    Map<String, FileSummary> byName = new HashMap<>();
    work.files().forEach(summary -> byName.put(summary.file(), summary));
    List<FileSummary> records = new ArrayList<>();
    for (OutputFile file : plan.options().shape().files()) {
      for (OutputShard shard : OutputShard.all(file, shards)) {
        records.add(summaryOf(byName, shard));
      }
    }
    String runId = Manifest.runIdOf(records);
    List<FileSummary> summaries = new ArrayList<>(records);
    for (OutputShard shard : OutputShard.all(OutputFile.CHANGES, shards)) {
      summaries.add(summaryOf(byName, shard));
    }
    for (OutputShard shard : parquetShards(plan.options().shape())) {
      summaries.add(summaryOf(byName, shard));
    }
    RemovalGuard.check(work.previousPages(), summaries, work.removed(), plan.options().maxRemovedPercent());
    return commit(plan, Manifest.of(runId, plan.previous() == null ? null : plan.previous().manifest().runId(),
        plan.options(), summaries, work.sourcesReused(), work.duplicates(), work.warc()));
  }

  /** The Parquet files a run of {@code shape} writes, every shard of each, in kind order; none without parquet. */
  static List<OutputShard> parquetShards(RecordShape shape) {
    List<OutputShard> shards = new ArrayList<>();
    if (shape.parquet() != null) {
      for (ParquetTable.Kind kind : ParquetTable.Kind.values()) {
        shards.addAll(OutputShard.all(kind.fileName(), shape.shards()));
      }
    }
    return shards;
  }

  private static FileSummary summaryOf(Map<String, FileSummary> byName, OutputShard shard) {
    FileSummary summary = byName.get(shard.name());
    if (summary == null) {
      throw new IllegalStateException("the pipeline finished without writing " + shard.name());
    }
    return summary;
  }

  /**
   * An incremental run whose input is exactly the previous run's: commits the previous run's files
   * as this run's (hard links on a local disk, copies elsewhere, after checking their sizes against
   * the previous manifest), with an empty change feed, without a pipeline.
   *
   * @param reused how many input files there are, all reused
   */
  public static Manifest commitUnchanged(RunPlan plan, long reused) {
    PreviousRun previous = plan.reusable().orElseThrow();
    Manifest before = previous.manifest();
    Manifest.Counters counters = before.counters();
    Location staging = plan.staging();
    int shards = plan.options().shape().shards();
    PreviousFiles files = PreviousFiles.of(plan);
    List<FileSummary> summaries = new ArrayList<>();
    for (OutputFile file : plan.options().shape().files()) {
      // The file's tags (its counts by kind) are the previous run's, given to its first shard: only their sums count.
      Map<String, Long> tags = switch (file) {
        case ENTITIES_JSONL, ENTITIES_CSV -> counters.entities();
        case ERRORS_JSONL -> counters.errorTypes();
        case PAGES_JSONL -> counters.errorPages() == 0 ? Map.of() : Map.of(Page.ERROR_PAGE, counters.errorPages());
        case SOURCES_JSONL -> Manifest.sourceTags(before);
        default -> Map.of();
      };
      for (OutputShard shard : OutputShard.all(file, shards)) {
        Manifest.FileEntry entry = files.linkInto(staging, shard);
        summaries.add(new FileSummary(shard.name(), entry.records(), entry.bytes(), entry.sha256(),
            shard.index() == 0 ? tags : Map.of()));
      }
    }
    String runId = Manifest.runIdOf(summaries);
    Map<String, FileSummary> changes = new HashMap<>();
    for (OutputShard shard : OutputShard.all(OutputFile.CHANGES, shards)) {
      FileSummary written = ChangeFeed.write(staging, shard, List.of());
      summaries.add(written);
      changes.put(written.file(), written);
    }
    // The record files are the previous run's, and so are their Parquet files; the (empty) changes' are new.
    for (OutputShard shard : parquetShards(plan.options().shape())) {
      boolean ofChanges = shard.fileName().equals(ParquetTable.Kind.CHANGE.fileName());
      summaries.add(ofChanges
          ? ParquetShards.write(staging, changes.get(new OutputShard(OutputFile.CHANGES, shard.index(), shards).name()),
              shards, plan.options().shape().parquet(), null)
          : files.linkFileInto(staging, shard));
    }
    return commit(plan, Manifest.of(runId, before.runId(), plan.options(), summaries, reused, counters.duplicates(),
        before.warc()));
  }

  /** Checks the manifest's WARC files, writes it into the staging folder and switches to it. */
  private static Manifest commit(RunPlan plan, Manifest manifest) {
    Location output = plan.output();
    Location staging = plan.staging();
    for (Manifest.WarcFile warc : manifest.warc()) {
      if (!warc.reconciles() || manifest.counters().warcFiles() != manifest.warc().size()) {
        throw new IllegalStateException("the records of " + warc.path() + " do not add up: " + warc);
      }
    }
    try {
      // Everything else staged for the commit (parts, also those of a retried attempt, tables, the work list).
      staging.resolve(PartFiles.PARTS).deleteTree();
      staging.resolve(ShardSources.DECISIONS).deleteTree();
      staging.resolve(ReusedSources.FOLDER).deleteTree();
      staging.resolve(StagedWork.FILE).delete();
      staging.resolve(OutputFile.MANIFEST).writeString(Json.line(manifest) + "\n");
      CommitStep.MANIFEST_WRITTEN.reached();
      switchTo(plan);
      CommitStep.SWITCHED.reached();
      if (output.isLocal()) {
        List<String> names = new ArrayList<>();
        manifest.files().forEach(f -> names.add(f.name()));
        names.add(OutputFile.MANIFEST);
        linkCurrent(output.path(), staging.path(), names);
      }
      CommitStep.LINKED.reached();
      cleanUp(output, staging);
      CommitStep.CLEANED.reached();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the output into " + output, e);
    }
    return manifest;
  }

  /**
   * Makes the plan's staging folder the current run: its pointer written beside {@code CURRENT},
   * then renamed over it; on an object store, {@code CURRENT} replaced in one PUT. Stops first if another run became current since this one started (two
   * writers of one output folder; see the README).
   */
  private static void switchTo(RunPlan plan) throws IOException {
    Location output = plan.output();
    Location now = currentRun(output);
    Location before = plan.current();
    if (!Objects.equals(now, before)) {
      throw new IllegalStateException("another run (" + now + ") became current in " + output
          + " while this one ran; this run is not committed");
    }
    Location pointer = output.resolve(POINTER);
    if (pointer.replacesInOneWrite()) {
      pointer.replaceWith(output.relativize(plan.staging()) + "\n");
      return;
    }
    if (!pointer.exists() && now != null) {
      // A switch cut short between removing the old pointer and renaming the new one: finish it.
      for (Location pending : pendingPointers(output)) {
        if (now.equals(runNamedBy(output, pending))) {
          pending.renameTo(pointer);
          break;
        }
      }
    }
    for (Location stale : pendingPointers(output)) {
      stale.delete(); // left by a run killed before its rename: its run never became current
    }
    Location pending = output.resolve(PENDING_POINTER + plan.staging().name());
    pending.writeString(output.relativize(plan.staging()) + "\n");
    pending.renameTo(pointer);
  }

  /** On a local disk, the {@code current} link and the file links through it follow the pointer. */
  private static void linkCurrent(Path output, Path staging, List<String> names) throws IOException {
    Path link = output.resolve(".current-" + staging.getFileName());
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, output.relativize(staging));
    Files.move(link, output.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    linkFiles(output, names);
  }

  /** Removes the runs before {@code staging}, and links a killed run wrote but never renamed. */
  private static void cleanUp(Location output, Location staging) throws IOException {
    Location runs = output.resolve(RUNS);
    Set<String> old = new TreeSet<>();
    if (output.isLocal()) {
      try (var list = Files.list(runs.path())) {
        list.map(run -> run.getFileName().toString()).forEach(old::add);
      }
    } else {
      for (Location file : runs.files()) {
        old.add(runs.relativize(file).split("/", 2)[0]);
      }
    }
    old.remove(staging.name());
    for (String run : old) {
      runs.resolve(run).deleteTree();
    }
    for (Location file : topLevelFiles(output)) {
      if (file.name().startsWith("." + CURRENT + "-")) {
        file.delete();
      }
    }
  }

  /**
   * Makes each of the current run's files ({@code names}) a link through {@code current}, replacing
   * files of older layouts; links to files the current run does not have (another number of shards)
   * are removed.
   */
  private static void linkFiles(Path output, List<String> names) throws IOException {
    try (var list = Files.list(output)) {
      for (Path file : list.toList()) {
        String name = file.getFileName().toString();
        if (Files.isSymbolicLink(file) && !names.contains(name) && OutputShard.isRecordFileName(name)
            && Files.readSymbolicLink(file).startsWith(CURRENT)) {
          Files.delete(file);
        }
      }
    }
    for (String name : names) {
      Path file = output.resolve(name);
      Path target = Path.of(CURRENT, name);
      if (Files.isSymbolicLink(file) && Files.readSymbolicLink(file).equals(target)) {
        continue;
      }
      Path link = output.resolve("." + name + ".link");
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, target);
      Files.move(link, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
