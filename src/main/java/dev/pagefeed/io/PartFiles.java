package dev.pagefeed.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * Sorted runs of output lines ("parts"), each written by one bundle, and their merge into a
 * final file. Memory stays bounded by a bundle, however large the output: a part is sorted in
 * memory, the merge holds one line per input.
 */
public final class PartFiles {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private PartFiles() {}

  /**
   * A written part.
   *
   * @param file the output file it belongs to
   * @param path where it is
   * @param records how many lines it holds
   */
  public record Part(OutputFile file, String path, long records) implements Serializable {}

  /** Lines in {@link OutputLine#ORDER}, read one at a time: a part, or a previous run's file. */
  public interface Lines extends Closeable {

    /** Moves to the next line; false at the end. */
    boolean advance() throws IOException;

    /** The current line. */
    OutputLine line();
  }

  /** Sorts {@code lines} and writes them as a part of {@code file} under {@code staging}. */
  public static Part write(Path staging, OutputFile file, List<OutputLine> lines) {
    List<OutputLine> sorted = new ArrayList<>(lines);
    sorted.sort(OutputLine.ORDER);
    Path dir = staging.resolve("parts").resolve(file.fileName());
    Path path = dir.resolve(UUID.randomUUID() + ".part");
    try {
      Files.createDirectories(dir);
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16))) {
        for (OutputLine line : sorted) {
          writeString(out, line.sortKey());
          writeString(out, line.text());
          writeString(out, line.tag());
          writeString(out, line.source());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return new Part(file, path.toString(), sorted.size());
  }

  /** Opens a part to read its lines. */
  public static Lines open(Part part) {
    try {
      return new PartReader(Path.of(part.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + part.path(), e);
    }
  }

  /**
   * Merges sorted inputs into {@code staging/<file name>} in line order, with the CSV header (and
   * BOM) first, and writes the file's {@link RecordIndex} beside it. Closes the inputs.
   *
   * @param sourceNumber the number of a line's source in this run's sources.jsonl
   */
  public static FileSummary merge(Path staging, OutputFile file, List<Lines> inputs, boolean bom,
      ToIntFunction<OutputLine> sourceNumber) {
    Map<String, Long> tags = new TreeMap<>();
    long records = 0;
    Path target = staging.resolve(file.fileName());
    PriorityQueue<Lines> queue = new PriorityQueue<>((a, b) -> OutputLine.ORDER.compare(a.line(), b.line()));
    List<Lines> open = new ArrayList<>(inputs);
    try {
      Files.createDirectories(staging);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(
              new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), digest);
          RecordIndex.Writer index = RecordIndex.writer(staging, file)) {
        if (file.isCsv()) {
          if (bom) {
            out.write(UTF8_BOM);
          }
          out.write(RecordEncoder.header(file).getBytes(StandardCharsets.UTF_8));
        }
        for (Lines input : inputs) {
          if (input.advance()) {
            queue.add(input);
          }
        }
        while (!queue.isEmpty()) {
          Lines next = queue.poll();
          OutputLine line = next.line();
          byte[] bytes = line.text().getBytes(StandardCharsets.UTF_8);
          out.write(bytes);
          index.add(sourceNumber.applyAsInt(line), bytes.length, line);
          records++;
          if (!line.tag().isEmpty()) {
            tags.merge(line.tag(), 1L, Long::sum);
          }
          if (next.advance()) {
            queue.add(next);
          }
        }
      } finally {
        for (Lines input : open) {
          input.close();
        }
      }
      return new FileSummary(file.fileName(), records, HexFormat.of().formatHex(digest.digest()), tags);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Merges parts alone (no previous run to reuse), numbering sources as they come, and removes them. */
  public static FileSummary merge(Path staging, OutputFile file, List<Part> parts, boolean bom) {
    Map<String, Integer> numbers = new java.util.HashMap<>();
    FileSummary summary = merge(staging, file, parts.stream().map(PartFiles::open).toList(), bom,
        line -> numbers.computeIfAbsent(line.source(), s -> numbers.size()));
    delete(parts);
    return summary;
  }

  /** Removes merged parts. */
  public static void delete(List<Part> parts) {
    try {
      for (Part part : parts) {
        Files.deleteIfExists(Path.of(part.path()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove a merged part", e);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads a part one line at a time. */
  private static final class PartReader implements Lines {
    private final DataInputStream in;
    private OutputLine line;

    PartReader(Path path) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
    }

    @Override
    public boolean advance() throws IOException {
      String key;
      try {
        key = readString();
      } catch (EOFException end) {
        return false;
      }
      line = new OutputLine(key, readString(), readString(), readString());
      return true;
    }

    @Override
    public OutputLine line() {
      return line;
    }

    private String readString() throws IOException {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
