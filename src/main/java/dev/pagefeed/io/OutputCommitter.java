package dev.pagefeed.io;

import dev.pagefeed.model.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a run's output files into a staging folder of their own and then makes that folder the
 * current one with a single atomic rename, so that a run that dies at any moment leaves the
 * previous complete output and its manifest in place.
 */
public final class OutputCommitter {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private OutputCommitter() {}

  /**
   * Writes one file's lines, sorted by their sort key, into {@code staging}.
   *
   * @param bom whether a CSV file starts with a UTF-8 BOM (for Excel)
   */
  public static FileSummary writeFile(Path staging, OutputFile file, Iterable<OutputLine> lines, boolean bom) {
    List<OutputLine> sorted = new ArrayList<>();
    lines.forEach(sorted::add);
    sorted.sort(OutputLine.ORDER);
    Map<String, Long> tags = new TreeMap<>();
    try {
      Files.createDirectories(staging);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(
          new java.io.BufferedOutputStream(Files.newOutputStream(staging.resolve(file.fileName())), 1 << 16), digest)) {
        if (file.isCsv()) {
          if (bom) {
            out.write(UTF8_BOM);
          }
          out.write(RecordEncoder.header(file).getBytes(StandardCharsets.UTF_8));
        }
        for (OutputLine line : sorted) {
          out.write(line.text().getBytes(StandardCharsets.UTF_8));
          if (!line.tag().isEmpty()) {
            tags.merge(line.tag(), 1L, Long::sum);
          }
        }
      }
      return new FileSummary(file, sorted.size(), HexFormat.of().formatHex(digest.digest()), tags);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + staging.resolve(file.fileName()), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
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
   * Completes a run: writes the files that got no record (empty, or only a CSV header) and the
   * manifest into {@code staging}, then makes {@code staging} current by renaming one symbolic
   * link, {@code output/current}, which is atomic: whenever a run dies, {@code output/} holds
   * either the previous run or this one, complete and matching its manifest. The files a user
   * reads, {@code output/pages.jsonl} and so on, are links through {@code current}. Earlier runs'
   * folders are removed afterwards.
   *
   * @return the manifest written
   */
  public static Manifest commit(Path output, Path staging, Manifest.RunOptions options,
      List<FileSummary> written, boolean bom) {
    Map<OutputFile, FileSummary> byFile = new EnumMap<>(OutputFile.class);
    for (FileSummary summary : written) {
      byFile.put(summary.file(), summary);
    }
    for (OutputFile file : OutputFile.values()) {
      byFile.computeIfAbsent(file, f -> writeFile(staging, f, List.of(), bom));
    }
    List<FileSummary> summaries = new ArrayList<>(byFile.values());
    StringBuilder hashes = new StringBuilder();
    summaries.forEach(s -> hashes.append(s.sha256()));
    Manifest manifest = Manifest.of(Ids.sha256(hashes.toString()).substring(0, 16), options, summaries);
    try {
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
