package dev.pagefeed.io;

import dev.pagefeed.model.Ids;
import dev.pagefeed.model.SourceRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** The link naming the current run's folder; every output file is a link through it. */
  public static final String CURRENT = "current";

  /** The staging folder of a new run inside {@code output}. */
  public static Path stagingFor(Path output, String token) {
    return output.resolve(RUNS).resolve(token);
  }

  /**
   * Completes a run: merges each file's sorted parts into the file (a file with no part is empty,
   * or only a CSV header), sources.jsonl first, together with the previous run's records of the
   * {@code reused} sources; writes changes.jsonl and the manifest into {@code staging}; then makes
   * {@code staging} current by renaming one symbolic link, {@code output/current}, which is
   * atomic: whenever a run dies, {@code output/} holds either the previous run or this one,
   * complete and matching its manifest. The files a user reads, {@code output/pages.jsonl} and so
   * on, are links through {@code current}. Earlier runs' folders are removed afterwards.
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
    Map<String, Integer> numbers = new HashMap<>();
    List<SourceRecord> after = new ArrayList<>();
    Map<OutputFile, FileSummary> byFile = new EnumMap<>(OutputFile.class);
    byFile.put(OutputFile.SOURCES_JSONL,
        PartFiles.merge(staging, OutputFile.SOURCES_JSONL, inputs(OutputFile.SOURCES_JSONL, parts, previous, beforePaths, kept), bom,
            line -> {
              int number = after.size();
              numbers.putIfAbsent(line.source(), number);
              after.add(PreviousRun.parseSource(line.text()));
              return number;
            }));
    for (OutputFile file : OutputFile.values()) {
      if (file != OutputFile.SOURCES_JSONL) {
        byFile.put(file, PartFiles.merge(staging, file, inputs(file, parts, previous, beforePaths, kept), bom,
            line -> numberOf(numbers, line)));
      }
    }
    PartFiles.delete(parts);
    List<FileSummary> summaries = new ArrayList<>(byFile.values());
    StringBuilder hashes = new StringBuilder();
    summaries.forEach(s -> hashes.append(s.sha256()));
    String runId = Ids.sha256(hashes.toString()).substring(0, 16);
    summaries.add(ChangeFeed.write(staging, ChangeFeed.between(before, after, runId)));
    Manifest manifest = Manifest.of(runId, previous == null ? null : previous.manifest().runId(), options, summaries,
        kept.cardinality());
    try {
      deleteTree(staging.resolve("parts"));
      Files.writeString(staging.resolve(OutputFile.MANIFEST), Json.line(manifest) + "\n");
      Path runs = output.resolve(RUNS);
      Path link = output.resolve(".current-" + staging.getFileName());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, output.relativize(staging));
      Files.move(link, output.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      linkFiles(output);
      try (Stream<Path> old = Files.list(runs)) {
        for (Path run : old.filter(r -> !r.getFileName().equals(staging.getFileName())).toList()) {
          deleteTree(run);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the output into " + output, e);
    }
    return manifest;
  }

  /** What {@code file} is merged from: this run's parts and the previous run's kept records. */
  private static List<PartFiles.Lines> inputs(OutputFile file, List<PartFiles.Part> parts, PreviousRun previous,
      List<String> beforePaths, BitSet kept) {
    List<PartFiles.Lines> inputs = new ArrayList<>();
    parts.stream().filter(p -> p.file() == file).map(PartFiles::open).forEach(inputs::add);
    if (!kept.isEmpty()) {
      try {
        inputs.add(new RecordIndex.KeptLines(previous.folder(), file, beforePaths, kept, previous.sha256Of(file)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous run's " + file.fileName(), e);
      }
    }
    return inputs;
  }

  private static int numberOf(Map<String, Integer> numbers, OutputLine line) {
    Integer number = numbers.get(line.source());
    if (number == null) {
      throw new IllegalStateException("a record of " + line.source() + " has no line in sources.jsonl");
    }
    return number;
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
