package dev.pagefeed.io;

import dev.pagefeed.model.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
   * Completes a run: merges each file's sorted parts into the file (a file with no part is
   * empty, or only a CSV header) and writes the manifest into {@code staging}, then makes {@code staging} current by renaming one symbolic
   * link, {@code output/current}, which is atomic: whenever a run dies, {@code output/} holds
   * either the previous run or this one, complete and matching its manifest. The files a user
   * reads, {@code output/pages.jsonl} and so on, are links through {@code current}. Earlier runs'
   * folders are removed afterwards.
   *
   * @return the manifest written
   */
  public static Manifest commit(Path output, Path staging, Manifest.RunOptions options,
      List<PartFiles.Part> parts, boolean bom) {
    Map<OutputFile, FileSummary> byFile = new EnumMap<>(OutputFile.class);
    for (OutputFile file : OutputFile.values()) {
      List<PartFiles.Part> mine = parts.stream().filter(p -> p.file() == file).toList();
      byFile.put(file, PartFiles.merge(staging, file, mine, bom));
    }
    List<FileSummary> summaries = new ArrayList<>(byFile.values());
    StringBuilder hashes = new StringBuilder();
    summaries.forEach(s -> hashes.append(s.sha256()));
    Manifest manifest = Manifest.of(Ids.sha256(hashes.toString()).substring(0, 16), options, summaries);
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

  /** Makes each output file a link through {@code current}, replacing files of older layouts. */
  private static void linkFiles(Path output) throws IOException {
    List<String> names = new ArrayList<>();
    for (OutputFile file : OutputFile.values()) {
      names.add(file.fileName());
    }
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
