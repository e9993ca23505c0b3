package dev.pagefeed.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

/**
 * Sorted runs of output lines ("parts"), each written by one bundle, and their merge into a
 * final file. Memory stays bounded by a bundle, however large the output: a part is sorted in
 * memory, the merge holds one line per part.
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
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return new Part(file, path.toString(), sorted.size());
  }

  /**
   * Merges the parts of {@code file} into {@code staging/<file name>} in line order, with the CSV
   * header (and BOM) first, and removes the parts.
   */
  public static FileSummary merge(Path staging, OutputFile file, List<Part> parts, boolean bom) {
    Map<String, Long> tags = new TreeMap<>();
    long records = 0;
    Path target = staging.resolve(file.fileName());
    PriorityQueue<Reader> queue = new PriorityQueue<>((a, b) -> OutputLine.ORDER.compare(a.line, b.line));
    try {
      Files.createDirectories(staging);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new DigestOutputStream(
          new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), digest)) {
        if (file.isCsv()) {
          if (bom) {
            out.write(UTF8_BOM);
          }
          out.write(RecordEncoder.header(file).getBytes(StandardCharsets.UTF_8));
        }
        for (Part part : parts) {
          Reader reader = new Reader(Path.of(part.path()));
          if (reader.advance()) {
            queue.add(reader);
          } else {
            reader.close();
          }
        }
        while (!queue.isEmpty()) {
          Reader next = queue.poll();
          out.write(next.line.text().getBytes(StandardCharsets.UTF_8));
          records++;
          if (!next.line.tag().isEmpty()) {
            tags.merge(next.line.tag(), 1L, Long::sum);
          }
          if (next.advance()) {
            queue.add(next);
          } else {
            next.close();
          }
        }
      } finally {
        for (Reader reader : queue) {
          reader.close();
        }
      }
      for (Part part : parts) {
        Files.deleteIfExists(Path.of(part.path()));
      }
      return new FileSummary(file, records, HexFormat.of().formatHex(digest.digest()), tags);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** Reads a part one line at a time. */
  private static final class Reader {
    private final DataInputStream in;
    OutputLine line;

    Reader(Path path) throws IOException {
      in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
    }

    boolean advance() throws IOException {
      String key;
      try {
        key = readString();
      } catch (EOFException end) {
        return false;
      }
      line = new OutputLine(key, readString(), readString());
      return true;
    }

    private String readString() throws IOException {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    void close() throws IOException {
      in.close();
    }
  }
}
