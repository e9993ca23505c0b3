package dev.pagefeed.io;

import dev.pagefeed.model.Ids;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
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
 * Writes output files into a staging folder and then swaps them into the output folder, the
 * manifest last, so that a run that dies leaves the previous manifest in place.
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
    sorted.sort(Comparator.comparing(OutputLine::sortKey));
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

  /**
   * Completes a run: writes the files that got no record (empty, or only a CSV header), the
   * manifest, and moves everything from {@code staging} into {@code output}, the manifest last.
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
      Files.createDirectories(output);
      Files.writeString(staging.resolve(OutputFile.MANIFEST), Json.line(manifest) + "\n");
      for (OutputFile file : OutputFile.values()) {
        move(staging.resolve(file.fileName()), output.resolve(file.fileName()));
      }
      move(staging.resolve(OutputFile.MANIFEST), output.resolve(OutputFile.MANIFEST));
      deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the output into " + output, e);
    }
    return manifest;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
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
