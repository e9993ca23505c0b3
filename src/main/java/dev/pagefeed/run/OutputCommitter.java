package dev.pagefeed.run;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.parts.RecordIndex;

import dev.pagefeed.model.Ids;
import dev.pagefeed.model.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Writes a run's output files into a staging folder of their own and then makes that folder the
 * current one with a single atomic rename, so that a run that dies at any moment leaves the
 * previous complete output and its manifest in place.
 */
public final class OutputCommitter {

  private OutputCommitter() {}

  /**
   * Writes one file's lines, sorted, into {@code staging}: one part, merged.
   *
   * @param bom whether a CSV file starts with a UTF-8 BOM (for Excel)
   */
  public static FileSummary writeFile(Path staging, OutputFile file, Iterable<OutputLine> lines, boolean bom) {
    List<OutputLine> all = new ArrayList<>();
    lines.forEach(all::add);
    return PartFiles.merge(staging, file, List.of(PartFiles.write(staging, file, all)), bom);
  }

  /** Inside the output folder: one folder per run, each complete before it becomes current. */
  public static final String RUNS = ".runs";

  /** The link naming the current run's folder; the output files are links through it, for people and tools. */
  public static final String CURRENT = "current";

  /**
   * The pointer to the current run: a small file naming its folder ({@code .runs/<run>}), replaced
   * last and at once by a rename, which works where the file system has no symbolic links. Every
   * reader of a run (the next incremental run among them) follows it.
   */
  public static final String POINTER = "CURRENT";

  /**
   * The current run's folder: as {@link #POINTER} names it, or, in output of an older layout
   * without one, as the {@link #CURRENT} link does; null when there is none.
   */
  public static Path currentRun(Path output) {
    Path pointer = output.resolve(POINTER);
    try {
      if (Files.isRegularFile(pointer)) {
        Path run = output.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip()).normalize();
        return run.startsWith(output.resolve(RUNS)) && Files.isDirectory(run) ? run : null;
      }
      Path link = output.resolve(CURRENT);
      return Files.isDirectory(link) ? link.toRealPath() : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read which run is current in " + output, e);
    }
  }

  /** The staging folder of a new run inside {@code output}. */
  public static Path stagingFor(Path output, String token) {
    return output.resolve(RUNS).resolve(token);
  }

  /**
   * Completes a run: merges each file's sorted parts into the file (a file with no part is empty,
   * or only a CSV header), sources.jsonl first, together with the previous run's records of the
   * {@code reused} sources; writes changes.jsonl and the manifest into {@code staging}; then makes
   * {@code staging} current by replacing one small pointer file, {@code output/CURRENT}, with a
   * rename, which is atomic: whenever a run dies, the pointer names either the previous run or this
   * one, complete and matching its manifest. The files a user reads, {@code output/pages.jsonl} and
   * so on, are links through the link {@code output/current}, which follows the pointer right after
   * the switch. Earlier runs' folders are removed afterwards.
   *
   * @param previous the run that was current when this one started, or null
   * @param reused the paths of the sources whose records are taken from {@code previous}
   * @return the manifest written
   */
  public static Manifest commit(Path output, Path staging, Manifest.RunOptions options, List<PartFiles.Part> parts,
      PreviousRun previous, Set<String> reused, boolean bom) {
    List<SourceRecord> before = previous == null ? List.of() : previous.sources();
    List<String> beforePaths = before.stream().map(SourceRecord::path).toList();
    BitSet kept = new BitSet(before.size());
    for (int i = 0; i < before.size(); i++) {
      kept.set(i, reused.contains(before.get(i).path()));
    }
    if (kept.cardinality() < reused.size()) {
      throw new IllegalStateException("sources were reused that the previous run does not list");
    }
    // sources.jsonl first: its line numbers are the source numbers every file's index refers to.
    // In path order, each page id is claimed by the first file that gives it (PageIdentities).
    Map<String, Integer> numbers = new HashMap<>();
    List<SourceRecord> after = new ArrayList<>();
    PageIdentities identities = new PageIdentities();
    Map<OutputFile, FileSummary> byFile = new EnumMap<>(OutputFile.class);
    boolean allKept = previous != null && kept.cardinality() == before.size();
    if (allKept && partsOf(OutputFile.SOURCES_JSONL, parts).isEmpty()) {
      byFile.put(OutputFile.SOURCES_JSONL, linkPrevious(staging, previous, OutputFile.SOURCES_JSONL));
      after.addAll(before);
    } else {
      byFile.put(OutputFile.SOURCES_JSONL, PartFiles.merge(staging, OutputFile.SOURCES_JSONL,
          inputs(OutputFile.SOURCES_JSONL, parts, previous, beforePaths, kept), bom,
          record -> {
            SourceRecord given = PreviousRun.parseSource(new String(record.text(), StandardCharsets.UTF_8));
            SourceRecord claimed = identities.claim(given);
            after.add(claimed);
            return claimed == given ? record.text() : Json.lineBytes(claimed);
          },
          record -> after.size() - 1));
    }
    CommitStep.SOURCES_MERGED.reached();
    List<PartFiles.Part> allParts = new ArrayList<>(parts);
    if (!identities.losers().isEmpty()) {
      allParts.add(PartFiles.write(staging, OutputFile.ERRORS_JSONL, identities.losers().stream()
          .map(loser -> RecordEncoder.errorLine(loser.error()).line()).toList()));
    }
    Map<String, String> duplicatesBefore = PageIdentities.duplicates(before);
    Map<String, String> duplicates = PageIdentities.duplicates(after);
    // A source's number is its (first) line in sources.jsonl.
    for (int i = 0; i < after.size(); i++) {
      numbers.putIfAbsent(after.get(i).path(), i);
    }
    // With the same sources in the same order, a file no new record goes into is the previous one.
    boolean sameNumbers = allKept && after.stream().map(SourceRecord::path).toList().equals(beforePaths);
    // The other files, side by side: each merge is one thread's sequential reading and writing, so
    // the largest go first (the last to finish bounds the commit).
    List<OutputFile> largestFirst = java.util.Arrays.stream(OutputFile.values())
        .filter(file -> file != OutputFile.SOURCES_JSONL)
        .sorted(java.util.Comparator.comparingLong(
            (OutputFile file) -> partsOf(file, allParts).stream().mapToLong(PartFiles.Part::bytes).sum()).reversed())
        .toList();
    Map<OutputFile, Future<FileSummary>> merging = new EnumMap<>(OutputFile.class);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      for (OutputFile file : largestFirst) {
        PartFiles.Rewrite rewrite = rewriteFor(file, identities, duplicatesBefore, duplicates, reused);
        merging.put(file, pool.submit(() -> sameNumbers && partsOf(file, allParts).isEmpty()
            ? linkPrevious(staging, previous, file)
            : PartFiles.merge(staging, file, inputs(file, allParts, previous, beforePaths, kept), bom, rewrite,
                record -> record.sourceNumber(path -> numberOf(numbers, path)))));
      }
      for (Map.Entry<OutputFile, Future<FileSummary>> file : merging.entrySet()) {
        byFile.put(file.getKey(), file.getValue().get());
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
    PartFiles.delete(allParts);
    CommitStep.FILES_MERGED.reached();
    List<FileSummary> summaries = new ArrayList<>(byFile.values());
    StringBuilder hashes = new StringBuilder();
    summaries.forEach(s -> hashes.append(s.sha256()));
    String runId = Ids.sha256(hashes.toString()).substring(0, 16);
    summaries.add(ChangeFeed.write(staging, ChangeFeed.between(before, after, runId, duplicatesBefore, duplicates)));
    CommitStep.CHANGES_WRITTEN.reached();
    Manifest manifest = Manifest.of(runId, previous == null ? null : previous.manifest().runId(), options, summaries,
        kept.cardinality(), duplicates.size());
    try {
      deleteTree(staging.resolve("parts"));
      Files.writeString(staging.resolve(OutputFile.MANIFEST), Json.line(manifest) + "\n");
      CommitStep.MANIFEST_WRITTEN.reached();
      Path runs = output.resolve(RUNS);
      // The switch: the pointer names the new run, replaced by one rename.
      Path pointer = output.resolve("." + POINTER + "-" + staging.getFileName());
      Files.writeString(pointer, output.relativize(staging).toString().replace('\\', '/') + "\n", StandardCharsets.UTF_8);
      Files.move(pointer, output.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      CommitStep.SWITCHED.reached();
      // Then the links that follow it, for whoever reads output/pages.jsonl.
      Path link = output.resolve(".current-" + staging.getFileName());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, output.relativize(staging));
      Files.move(link, output.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      linkFiles(output);
      CommitStep.LINKED.reached();
      try (Stream<Path> old = Files.list(runs)) {
        for (Path run : old.filter(r -> !r.getFileName().equals(staging.getFileName())).toList()) {
          deleteTree(run);
        }
      }
      // A run killed between writing its pointer or link and renaming it left the file behind.
      try (Stream<Path> leftovers = Files.list(output)) {
        for (Path file : leftovers.filter(OutputCommitter::isUnrenamedSwitch).toList()) {
          Files.deleteIfExists(file);
        }
      }
      CommitStep.CLEANED.reached();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the output into " + output, e);
    }
    return manifest;
  }

  /**
   * What the merge of {@code file} writes for each record: nothing for the records of a file whose
   * page id another file holds; for a page line, its {@code duplicate_of} as this run resolved it.
   * A line from this run's parts was encoded before the page's copies were known (null there); a
   * line kept from the previous run carries that run's value.
   */
  private static PartFiles.Rewrite rewriteFor(OutputFile file, PageIdentities identities,
      Map<String, String> duplicatesBefore, Map<String, String> duplicates, Set<String> reused) {
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
      String was = reused.contains(record.source()) ? duplicatesBefore.get(pageId) : null;
      String now = duplicates.get(pageId);
      return java.util.Objects.equals(was, now) ? record.text()
          : RecordEncoder.withDuplicateOf(file, record.text(), pageId, was, now);
    };
  }

  private static List<PartFiles.Part> partsOf(OutputFile file, List<PartFiles.Part> parts) {
    return parts.stream().filter(p -> p.file() == file && p.records() > 0).toList();
  }

  /** What {@code file} is merged from: this run's parts and the previous run's kept records. */
  private static List<PartFiles.Lines> inputs(OutputFile file, List<PartFiles.Part> parts, PreviousRun previous,
      List<String> beforePaths, BitSet kept) {
    List<PartFiles.Lines> inputs = new ArrayList<>();
    parts.stream().filter(p -> p.file() == file).map(PartFiles::open).forEach(inputs::add);
    if (!kept.isEmpty()) {
      try {
        inputs.add(new RecordIndex.KeptLines(previous.folder(), file, beforePaths, kept));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous run's " + file.fileName(), e);
      }
    }
    return inputs;
  }

  /**
   * The previous run's {@code file} and its index, unchanged, as this run's: a hard link (a copy
   * where the file system has none), after checking its size against the previous manifest.
   */
  private static FileSummary linkPrevious(Path staging, PreviousRun previous, OutputFile file) {
    Manifest.FileEntry entry = previous.entryOf(file);
    try {
      Path from = previous.folder().resolve(file.fileName());
      if (Files.size(from) != entry.bytes()) {
        throw new IllegalStateException("the previous run's " + file.fileName() + " no longer matches its manifest "
            + "(was it edited?); run once without --incremental");
      }
      Files.createDirectories(RecordIndex.of(staging, file).getParent());
      linkOrCopy(from, staging.resolve(file.fileName()));
      linkOrCopy(RecordIndex.of(previous.folder(), file), RecordIndex.of(staging, file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reuse the previous run's " + file.fileName(), e);
    }
    Manifest.Counters counters = previous.manifest().counters();
    Map<String, Long> tags = switch (file) {
      case ENTITIES_JSONL, ENTITIES_CSV -> counters.entities();
      case ERRORS_JSONL -> counters.errorTypes();
      default -> Map.of();
    };
    return new FileSummary(file.fileName(), entry.records(), entry.bytes(), entry.sha256(), tags);
  }

  private static void linkOrCopy(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static int numberOf(Map<String, Integer> numbers, String source) {
    Integer number = numbers.get(source);
    if (number == null) {
      throw new IllegalStateException("a record of " + source + " has no line in sources.jsonl");
    }
    return number;
  }

  /** A pointer or link written for a switch and never renamed into place ({@code .CURRENT-<run>}, {@code .current-<run>}). */
  private static boolean isUnrenamedSwitch(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("." + POINTER + "-") || name.startsWith("." + CURRENT + "-");
  }

  /** Makes each output file a link through {@code current}, replacing files of older layouts. */
  private static void linkFiles(Path output) throws IOException {
    List<String> names = new ArrayList<>();
    for (OutputFile file : OutputFile.values()) {
      names.add(file.fileName());
    }
    names.add(OutputFile.CHANGES);
    names.add(OutputFile.MANIFEST);
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

  /** Removes a folder and everything below it; a missing folder is fine. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
