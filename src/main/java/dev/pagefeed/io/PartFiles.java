package dev.pagefeed.io;

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
import java.util.LinkedHashMap;
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
   * @param bytes how many bytes of text they hold
   */
  public record Part(OutputFile file, String path, long records, long bytes) implements Serializable {}

  /**
   * Records in {@link OutputLine#ORDER}, read one at a time: a part, or a previous run's file. The
   * text stays in bytes (UTF-8), as it is read and as it is written.
   */
  public interface Lines extends Closeable {

    /** Moves to the next record; false at the end. */
    boolean advance() throws IOException;

    /** The current record's sort key. */
    String key();

    /** The current record's text, UTF-8. */
    byte[] text();

    /** The current record's tag, or empty. */
    String tag();

    /** The path of the current record's source. */
    String source();

    /**
     * The current record's source number as {@code numbering} gives it for its path; a reader may
     * remember the number per source rather than ask for every record.
     */
    default int sourceNumber(ToIntFunction<String> numbering) {
      return numbering.applyAsInt(source());
    }
  }

  /** A {@link Lines} that holds its current record in fields its {@code advance} sets. */
  abstract static class CurrentRecord implements Lines {
    protected String key;
    protected byte[] text;
    protected String tag;
    protected String source;

    @Override
    public String key() {
      return key;
    }

    @Override
    public byte[] text() {
      return text;
    }

    @Override
    public String tag() {
      return tag;
    }

    @Override
    public String source() {
      return source;
    }
  }

  /** {@link OutputLine#ORDER} over the current records: by key, then (rarely needed) by text. */
  private static int compare(Lines a, Lines b) {
    return OutputLine.compare(a.key(), a.text(), b.key(), b.text());
  }

  /**
   * Sorts {@code lines} and writes them as a part of {@code file} under {@code staging}. A part
   * starts with a table of its distinct tags and sources (a page's sixty records share one path);
   * each record then holds its key, its text and two numbers into the table.
   */
  public static Part write(Path staging, OutputFile file, List<OutputLine> lines) {
    List<OutputLine> sorted = new ArrayList<>(lines);
    sorted.sort(OutputLine.ORDER);
    Map<String, Integer> table = new LinkedHashMap<>();
    for (OutputLine line : sorted) {
      table.putIfAbsent(line.tag(), table.size());
      table.putIfAbsent(line.source(), table.size());
    }
    Path dir = staging.resolve("parts").resolve(file.fileName());
    Path path = dir.resolve(UUID.randomUUID() + ".part");
    long bytes = 0;
    try {
      Files.createDirectories(dir);
      try (DataOutputStream out = BinaryFiles.out(path)) {
        out.writeInt(table.size());
        for (String value : table.keySet()) {
          BinaryFiles.writeString(out, value);
        }
        for (OutputLine line : sorted) {
          bytes += line.text().length;
          BinaryFiles.writeString(out, line.sortKey());
          BinaryFiles.writeBytes(out, line.text());
          out.writeInt(table.get(line.tag()));
          out.writeInt(table.get(line.source()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
    return new Part(file, path.toString(), sorted.size(), bytes);
  }

  /**
   * The lines being gathered for parts, by file: {@link #flush} writes each file's lines as one
   * sorted part. Whoever fills it bounds its memory by flushing when it is {@link #full}.
   */
  public static final class Buffer {

    /** Lines buffered before the buffer counts as full. */
    public static final int MAX_LINES = 100_000;

    private final Path staging;
    private final Map<OutputFile, List<OutputLine>> lines = new java.util.EnumMap<>(OutputFile.class);
    private int buffered;

    /** @param staging the run's staging folder, where parts are written */
    public Buffer(Path staging) {
      this.staging = staging;
    }

    public void add(RecordEncoder.Encoded line) {
      lines.computeIfAbsent(line.file(), f -> new ArrayList<>()).add(line.line());
      buffered++;
    }

    public boolean full() {
      return buffered >= MAX_LINES;
    }

    /** Writes the buffered lines as parts, one per file, and empties the buffer. */
    public List<Part> flush() {
      List<Part> parts = new ArrayList<>();
      for (Map.Entry<OutputFile, List<OutputLine>> file : lines.entrySet()) {
        parts.add(write(staging, file.getKey(), file.getValue()));
      }
      lines.clear();
      buffered = 0;
      return parts;
    }
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
   * @param sourceNumber the number of the current record's source in this run's sources.jsonl
   */
  public static FileSummary merge(Path staging, OutputFile file, List<Lines> inputs, boolean bom,
      ToIntFunction<Lines> sourceNumber) {
    Map<String, Long> tags = new TreeMap<>();
    long records = 0;
    Path target = staging.resolve(file.fileName());
    PriorityQueue<Lines> queue = new PriorityQueue<>(PartFiles::compare);
    List<Lines> open = new ArrayList<>(inputs);
    try {
      Files.createDirectories(staging);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (OutputStream out = new BufferedOutputStream(
              new DigestOutputStream(Files.newOutputStream(target), digest), 1 << 16);
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
          byte[] bytes = next.text();
          out.write(bytes);
          index.add(sourceNumber.applyAsInt(next), bytes.length, next.key(), next.tag());
          records++;
          if (!next.tag().isEmpty()) {
            tags.merge(next.tag(), 1L, Long::sum);
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
      return new FileSummary(file.fileName(), records, Files.size(target), HexFormat.of().formatHex(digest.digest()), tags);
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
        record -> numbers.computeIfAbsent(record.source(), s -> numbers.size()));
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

  /** Reads a part one record at a time. */
  private static final class PartReader extends CurrentRecord {
    private final DataInputStream in;
    private final String[] table;
    /** The source number of each table entry, once asked for (-1 before). */
    private final int[] numbers;
    private int sourceEntry;

    PartReader(Path path) throws IOException {
      in = BinaryFiles.in(path, 1 << 16);
      table = new String[in.readInt()];
      for (int i = 0; i < table.length; i++) {
        table[i] = BinaryFiles.readString(in);
      }
      numbers = new int[table.length];
      java.util.Arrays.fill(numbers, -1);
    }

    @Override
    public int sourceNumber(ToIntFunction<String> numbering) {
      if (numbers[sourceEntry] < 0) {
        numbers[sourceEntry] = numbering.applyAsInt(source);
      }
      return numbers[sourceEntry];
    }

    @Override
    public boolean advance() throws IOException {
      try {
        key = BinaryFiles.readString(in);
      } catch (EOFException end) {
        return false;
      }
      text = BinaryFiles.readBytes(in);
      tag = table[in.readInt()];
      sourceEntry = in.readInt();
      source = table[sourceEntry];
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
