package dev.pagefeed.run;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.OutputShard;
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
   * Completes the run {@code plan} describes: merges each file's sorted parts into the file (a file
   * with no part is empty, or only a CSV header), sources.jsonl first, together with the previous
   * run's records of the {@code work}'s reused sources; writes changes.jsonl and the manifest into
   * the staging folder; then makes it current by replacing one small pointer file,
   * {@code output/CURRENT}: a new pointer is written beside it and renamed over it. On a local
   * disk that rename is atomic: whenever a run dies, the pointer names either the previous run or
   * this one, complete and matching its manifest; on HDFS the old pointer is removed first, and a
   * reader that finds none follows the new one (see {@link #currentRun}). On a local disk the files
   * a user reads, {@code output/pages.jsonl} and so on, are links through the link
   * {@code output/current}, which follows the pointer right after the switch. Earlier runs' folders
   * are removed afterwards.
   *
   * @return the manifest written
   * @throws IllegalStateException when another run became current since this one started
   */
  public static Manifest commit(RunPlan plan, StagedWork work) {
    Location output = plan.output();
    Location staging = plan.staging();
    PreviousRun previous = plan.previous();
    List<PartFiles.Part> parts = work.parts();
    Set<String> reused = new java.util.HashSet<>(work.reused());
    boolean bom = plan.options().shape().csvBom();
    if (!reused.isEmpty() && plan.reusable().isEmpty()) {
      throw new IllegalStateException("sources were reused in a run that may not reuse any");
    }
    List<SourceRecord> before = previous == null ? List.of() : previous.sources();
    // Records name their source by id (a file's path; a WARC record's path#offset); a reused file
    // keeps every line of its path.
    List<String> beforeIds = before.stream().map(SourceRecord::id).toList();
    BitSet kept = new BitSet(before.size());
    for (int i = 0; i < before.size(); i++) {
      kept.set(i, reused.contains(before.get(i).path()));
    }
    java.util.Set<String> keptIds = new java.util.HashSet<>();
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (int i = 0; i < before.size(); i++) {
      listed.add(before.get(i).path());
      if (kept.get(i)) {
        keptIds.add(beforeIds.get(i));
      }
    }
    if (!listed.containsAll(reused)) {
      throw new IllegalStateException("sources were reused that the previous run does not list");
    }
    // sources.jsonl first: its line numbers are the source numbers every file's index refers to.
    // Each page id is held by one source, decided over all of them first (PageIdentities).
    Map<String, Integer> numbers = new HashMap<>();
    List<SourceRecord> after = new ArrayList<>();
    List<SourceRecord> sources = allSources(parts, before, kept);
    PageIdentities identities = new PageIdentities(sources);
    Map<String, SourceRecord> sourceById = new HashMap<>();
    sources.forEach(source -> sourceById.putIfAbsent(source.id(), source));
    int shards = plan.options().shape().shards();
    // The files' summaries in file order, then shard order: the run id hashes them in this order.
    Map<OutputShard, FileSummary> byShard = new java.util.TreeMap<>(
        java.util.Comparator.comparing((OutputShard shard) -> shard.file().ordinal()).thenComparingInt(OutputShard::index));
    boolean allKept = previous != null && kept.cardinality() == before.size();
    if (allKept && partsOf(OutputFile.SOURCES_JSONL, parts).isEmpty()) {
      linkPrevious(staging, previous, OutputFile.SOURCES_JSONL, byShard);
      after.addAll(before);
    } else {
      // Shard after shard: a source's number is its line in the shards read one after another.
      for (OutputShard shard : OutputShard.all(OutputFile.SOURCES_JSONL, shards)) {
        byShard.put(shard, PartFiles.merge(staging, shard,
            inputs(shard, byShardOf(parts).getOrDefault(shard, List.of()), previous, beforeIds, kept), bom,
            record -> {
              SourceRecord given = sourceById.get(record.source()); // parsed once, above
              SourceRecord claimed = identities.claim(given);
              after.add(claimed);
              return claimed == given ? record.text() : Json.lineBytes(claimed);
            },
            record -> after.size() - 1));
      }
    }
    CommitStep.SOURCES_MERGED.reached();
    List<PartFiles.Part> allParts = new ArrayList<>(parts);
    Map<Integer, List<OutputLine>> loserLines = new java.util.TreeMap<>();
    for (PageIdentities.Loser loser : identities.losers()) {
      RecordEncoder.Encoded line = RecordEncoder.errorLine(loser.error());
      loserLines.computeIfAbsent(OutputShard.numberOf(line.shardKey(), shards), n -> new ArrayList<>()).add(line.line());
    }
    loserLines.forEach((shard, lines) ->
        allParts.add(PartFiles.write(staging, new OutputShard(OutputFile.ERRORS_JSONL, shard, shards), lines)));
    Map<String, String> duplicatesBefore = PageIdentities.duplicates(before);
    Map<String, String> duplicates = PageIdentities.duplicates(after);
    // A source's number is its (first) line in sources.jsonl.
    for (int i = 0; i < after.size(); i++) {
      numbers.putIfAbsent(after.get(i).id(), i);
    }
    // With the same sources in the same order, a file no new record goes into is the previous one.
    boolean sameNumbers = allKept && after.stream().map(SourceRecord::id).toList().equals(beforeIds);
    List<OutputFile> linked = new ArrayList<>();
    List<OutputShard> toMerge = new ArrayList<>();
    for (OutputFile file : OutputFile.values()) {
      if (file == OutputFile.SOURCES_JSONL) {
        continue;
      }
      if (sameNumbers && partsOf(file, allParts).isEmpty()) {
        linked.add(file);
      } else {
        toMerge.addAll(OutputShard.all(file, shards));
      }
    }
    for (OutputFile file : linked) {
      linkPrevious(staging, previous, file, byShard);
    }
    // The other shards side by side: each merge is one thread's sequential reading and writing, so
    // the largest go first (the last to finish bounds the commit).
    Map<OutputShard, List<PartFiles.Part>> partsByShard = byShardOf(allParts);
    Map<OutputShard, Long> partBytes = new HashMap<>();
    partsByShard.forEach((shard, its) -> partBytes.put(shard, its.stream().mapToLong(PartFiles.Part::bytes).sum()));
    toMerge.sort(java.util.Comparator.comparingLong((OutputShard shard) -> partBytes.getOrDefault(shard, 0L)).reversed());
    Map<OutputShard, Future<FileSummary>> merging = new java.util.LinkedHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      for (OutputShard shard : toMerge) {
        PartFiles.Rewrite rewrite = rewriteFor(shard.file(), identities, duplicatesBefore, duplicates, keptIds);
        merging.put(shard, pool.submit(() -> PartFiles.merge(staging, shard,
            inputs(shard, partsByShard.getOrDefault(shard, List.of()), previous, beforeIds, kept), bom, rewrite,
            record -> record.sourceNumber(path -> numberOf(numbers, path)))));
      }
      for (Map.Entry<OutputShard, Future<FileSummary>> shard : merging.entrySet()) {
        byShard.put(shard.getKey(), shard.getValue().get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while merging the output files", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause
          : new IllegalStateException("merging the output files failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    CommitStep.FILES_MERGED.reached();
    List<FileSummary> summaries = new ArrayList<>(byShard.values());
    StringBuilder hashes = new StringBuilder();
    summaries.forEach(s -> hashes.append(s.sha256()));
    String runId = Ids.sha256(hashes.toString()).substring(0, 16);
    List<dev.pagefeed.model.PageChange> changes = ChangeFeed.between(before, after, runId, duplicatesBefore, duplicates);
    RemovalGuard.check(before, changes, plan.options().maxRemovedPercent());
    summaries.addAll(ChangeFeed.write(staging, changes, shards));
    CommitStep.CHANGES_WRITTEN.reached();
    Manifest manifest = Manifest.of(runId, previous == null ? null : previous.manifest().runId(), plan.options(),
        summaries, reused.size(), duplicates.size(), after);
    for (Manifest.WarcFile warc : manifest.warc()) {
      if (!warc.reconciles() || manifest.counters().warcFiles() != manifest.warc().size()) {
        throw new IllegalStateException("the records of " + warc.path() + " do not add up: " + warc);
      }
    }
    try {
      // Everything else staged for the commit (parts, also those of a retried attempt, and the work list).
      staging.resolve(PartFiles.PARTS).deleteTree();
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
   * then renamed over it. Stops first if another run became current since this one started (two
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
   * What the merge of {@code file} writes for each record: nothing for the records of a file whose
   * page id another file holds; for a page line, its {@code duplicate_of} as this run resolved it.
   * A line from this run's parts was encoded before the page's copies were known (null there); a
   * line kept from the previous run carries that run's value.
   */
  private static PartFiles.Rewrite rewriteFor(OutputFile file, PageIdentities identities,
      Map<String, String> duplicatesBefore, Map<String, String> duplicates, Set<String> keptIds) {
    if (file == OutputFile.ERRORS_JSONL) {
      return PartFiles.Rewrite.NONE; // the lost files' own error lines are here
    }
    boolean pageLines = file == OutputFile.PAGES_JSONL || file == OutputFile.PAGES_CSV;
    return record -> {
      if (identities.lost(record.source())) {
        return null;
      }
      if (!pageLines) {
        return record.text();
      }
      String pageId = new String(record.key(), StandardCharsets.UTF_8);
      String was = keptIds.contains(record.source()) ? duplicatesBefore.get(pageId) : null;
      String now = duplicates.get(pageId);
      return java.util.Objects.equals(was, now) ? record.text()
          : RecordEncoder.withDuplicateOf(file, record.text(), pageId, was, now);
    };
  }

  /** Every source of the run: the previous run's kept lines and this run's parts of sources.jsonl. */
  private static List<SourceRecord> allSources(List<PartFiles.Part> parts, List<SourceRecord> before, BitSet kept) {
    List<SourceRecord> all = new ArrayList<>();
    kept.stream().forEach(i -> all.add(before.get(i)));
    for (PartFiles.Part part : partsOf(OutputFile.SOURCES_JSONL, parts)) {
      try (PartFiles.Lines lines = PartFiles.open(part)) {
        while (lines.advance()) {
          all.add(PreviousRun.parseSource(new String(lines.text(), StandardCharsets.UTF_8)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + part.path(), e);
      }
    }
    return all;
  }

  private static List<PartFiles.Part> partsOf(OutputFile file, List<PartFiles.Part> parts) {
    return parts.stream().filter(p -> p.file() == file && p.records() > 0).toList();
  }

  /** The parts by the shard they are of, grouped once (a run has thousands of parts and shards). */
  private static Map<OutputShard, List<PartFiles.Part>> byShardOf(List<PartFiles.Part> parts) {
    Map<OutputShard, List<PartFiles.Part>> byShard = new HashMap<>();
    parts.forEach(part -> byShard.computeIfAbsent(part.shard(), s -> new ArrayList<>()).add(part));
    return byShard;
  }

  /**
   * What {@code shard} is merged from: this run's parts of it and the previous run's kept records (of
   * the same shard: a run reuses only records of the same number of shards).
   */
  private static List<PartFiles.Lines> inputs(OutputShard shard, List<PartFiles.Part> shardParts,
      PreviousRun previous, List<String> beforeIds, BitSet kept) {
    List<PartFiles.Lines> inputs = new ArrayList<>();
    shardParts.stream().map(PartFiles::open).forEach(inputs::add);
    if (!kept.isEmpty()) {
      try {
        inputs.add(new RecordIndex.KeptLines(previous.folder(), shard, beforeIds, kept));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous run's " + shard.name(), e);
      }
    }
    return inputs;
  }

  /**
   * The previous run's {@code file} (each of its shards) and their indexes, unchanged, as this
   * run's: hard links on a local disk (copies elsewhere), after checking their sizes against the
   * previous manifest. The file's tags (its counts by kind) are the previous run's, given to its
   * first shard: only their sums are counted.
   */
  private static void linkPrevious(Location staging, PreviousRun previous, OutputFile file,
      Map<OutputShard, FileSummary> into) {
    Manifest.Counters counters = previous.manifest().counters();
    Map<String, Long> tags = switch (file) {
      case ENTITIES_JSONL, ENTITIES_CSV -> counters.entities();
      case ERRORS_JSONL -> counters.errorTypes();
      case PAGES_JSONL -> counters.errorPages() == 0 ? Map.of() : Map.of(Page.ERROR_PAGE, counters.errorPages());
      case SOURCES_JSONL -> Manifest.sourceTags(counters);
      default -> Map.of();
    };
    Map<String, Manifest.FileEntry> entries = new HashMap<>();
    previous.manifest().files().forEach(entry -> entries.put(entry.name(), entry));
    for (OutputShard shard : previous.shards(file)) {
      Manifest.FileEntry entry = entries.get(shard.name());
      if (entry == null) {
        throw new IllegalStateException("the previous manifest lists no " + shard.name());
      }
      try {
        Location from = previous.folder().resolve(shard.name());
        if (from.size() != entry.bytes()) {
          throw new IllegalStateException("the previous run's " + shard.name() + " no longer matches its manifest "
              + "(was it edited?); run once without --incremental");
        }
        from.copyTo(staging.resolve(shard.name()));
        RecordIndex.of(previous.folder(), shard).copyTo(RecordIndex.of(staging, shard));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot reuse the previous run's " + shard.name(), e);
      }
      into.put(shard, new FileSummary(shard.name(), entry.records(), entry.bytes(), entry.sha256(),
          shard.index() == 0 ? tags : Map.of()));
    }
  }

  private static int numberOf(Map<String, Integer> numbers, String source) {
    Integer number = numbers.get(source);
    if (number == null) {
      throw new IllegalStateException("a record of " + source + " has no line in sources.jsonl");
    }
    return number;
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
