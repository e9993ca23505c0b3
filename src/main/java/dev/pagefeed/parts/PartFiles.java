package dev.pagefeed.parts;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.model.SourceRef;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import dev.pagefeed.files.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Sorted runs of output lines ("parts"), each written by one bundle, and their merge into a
 * final file. Memory stays bounded by a bundle, however large the output: a part is sorted in
 * memory, the merge holds one line per input.
 */
public final class PartFiles {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private PartFiles() {}

  /**
   * A written part.
   *
   * @param file the output file it belongs to
   * @param path where it is
   * @param records how many lines it holds
   * @param bytes how many bytes of text they hold
   */
  public record Part(OutputShard shard, String path, long records, long bytes) implements Serializable {

    /** The record file this part is of. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public OutputFile file() {
      return shard.file();
    }
  }

  /**
   * Records in {@link OutputLine#ORDER}, read one at a time: a part, or a previous run's file. The
   * key and the text stay in bytes (UTF-8), as they are read and as they are written.
   */
  public interface Lines extends Closeable {

    /** Moves to the next record; false at the end. */
    boolean advance() throws IOException;

    /** The current record's sort key, UTF-8. */
    byte[] key();

    /** The {@link OutputLine#keyPrefix} of the current record's key. */
    long keyPrefix();

    /** The current record's text, UTF-8. */
    byte[] text();

    /** The current record's tag, or empty. */
    String tag();

    /** The {@link SourceRef#hash} of the current record's source ({@link SourceRef#of}). */
    long sourceHash();

    /** The {@link SourceRef#hash} of the path of the file the current record's source is in. */
    long pathHash();

    /** Whether the records come from the previous run's file (kept), not from this run's parts. */
    default boolean previous() {
      return false;
    }
  }

  /** A {@link Lines} that holds its current record in fields its {@code advance} sets. */
  abstract static class CurrentRecord implements Lines {
    private byte[] key;
    private long keyPrefix;
    protected byte[] text;
    protected String tag;
    protected long sourceHash;
    protected long pathHash;

    protected void setKey(byte[] key) {
      this.key = key;
      this.keyPrefix = OutputLine.keyPrefix(key, 0, key.length);
    }

    @Override
    public byte[] key() {
      return key;
    }

    @Override
    public long keyPrefix() {
      return keyPrefix;
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
    public long sourceHash() {
      return sourceHash;
    }

    @Override
    public long pathHash() {
      return pathHash;
    }
  }

  /** {@link OutputLine#ORDER} over the current records. */
  private static int compare(Lines a, Lines b) {
    int byPrefix = Long.compareUnsigned(a.keyPrefix(), b.keyPrefix());
    if (byPrefix != 0) {
      return byPrefix;
    }
    int byKey = Arrays.compareUnsigned(a.key(), b.key());
    return byKey != 0 ? byKey : Arrays.compareUnsigned(a.text(), b.text());
  }

  /** The folder of a staging folder that holds its parts. */
  public static final String PARTS = "parts";

  /** Sorts {@code lines} and writes them as a part of {@code shard} under {@code staging}. */
  public static Part write(Location staging, OutputShard shard, List<OutputLine> lines) {
    PendingPart part = new PendingPart();
    lines.forEach(part::add);
    return part.write(staging, shard);
  }

  /**
   * The lines being gathered for parts, by file: {@link #flush} writes each file's lines as one
   * sorted part. Whoever fills it bounds its memory by flushing when it is {@link #full}; its
   * arrays are kept for the next lines.
   */
  public static final class Buffer {

    /** Lines buffered before the buffer counts as full. */
    public static final int MAX_LINES = 100_000;

    /** Bytes of keys and text buffered before the buffer counts as full (pages can be large). */
    public static final long MAX_BYTES = 64L << 20;

    private final Location staging;
    private final int shards;
    private final Map<OutputShard, PendingPart> parts = new java.util.TreeMap<>(
        java.util.Comparator.comparing(OutputShard::fileName).thenComparingInt(OutputShard::index));
    private int lines;
    private long bytes;

    /**
     * @param staging the run's staging folder, where parts are written
     * @param shards how many shards each record file has ({@code --shards})
     */
    public Buffer(Location staging, int shards) {
      this.staging = staging;
      this.shards = shards;
    }

    public void add(RecordEncoder.Encoded line) {
      OutputShard shard = new OutputShard(line.file(), OutputShard.numberOf(line.shardKey(), shards), shards);
      bytes += parts.computeIfAbsent(shard, f -> new PendingPart()).add(line.line());
      lines++;
    }

    public boolean full() {
      return lines >= MAX_LINES || bytes >= MAX_BYTES;
    }

    /** Writes the buffered lines as parts, one per file that has lines, and empties the buffer. */
    public List<Part> flush() {
      List<Part> written = new ArrayList<>();
      for (Map.Entry<OutputShard, PendingPart> part : parts.entrySet()) {
        if (part.getValue().size() > 0) {
          written.add(part.getValue().write(staging, part.getKey()));
        }
      }
      lines = 0;
      bytes = 0;
      return written;
    }

    /** Drops the buffered lines without writing them (those of a bundle that failed). */
    public void clear() {
      parts.values().forEach(PendingPart::clear);
      lines = 0;
      bytes = 0;
    }
  }

  /**
   * One file's lines waiting to be sorted and written, laid out as the part will hold them: a
   * table of the distinct tags and sources (a page's sixty records share one path), then per record
   * its key, its text and its tag's and source's numbers in the table. The records lie end to end
   * in one array, copied there as they arrive; sorting moves small slots, not the records.
   */
  private static final class PendingPart {
    private final Map<String, Integer> table = new LinkedHashMap<>();
    private byte[] data = new byte[1 << 16];
    private int used;
    private int[] starts = new int[1 << 10];
    private int count;
    private long textBytes;
    private String source;
    private int sourceEntry;

    int size() {
      return count;
    }

    /** Adds a line; returns the bytes it takes. */
    int add(OutputLine line) {
      if (!line.source().equals(source)) { // a page's lines come together
        source = line.source();
        sourceEntry = entryOf(source);
      }
      byte[] key = line.sortKey().getBytes(StandardCharsets.UTF_8);
      byte[] text = line.text();
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, 2 * count);
      }
      starts[count++] = used;
      reserve(4 * Integer.BYTES + key.length + text.length);
      used = putBytes(putBytes(used, key), text);
      INT.set(data, used, entryOf(line.tag()));
      INT.set(data, used + Integer.BYTES, sourceEntry);
      used += 2 * Integer.BYTES;
      textBytes += text.length;
      return key.length + text.length;
    }

    /** Sorts the lines, writes them as a part of {@code shard} and empties this for the next lines. */
    Part write(Location staging, OutputShard shard) {
      Slot[] slots = new Slot[count];
      for (int i = 0; i < count; i++) {
        int keyAt = starts[i] + Integer.BYTES;
        int keyEnd = keyAt + (int) INT.get(data, starts[i]);
        slots[i] = new Slot(OutputLine.keyPrefix(data, keyAt, keyEnd), starts[i]);
      }
      Arrays.sort(slots, this::compare);
      Location path = staging.resolve(PARTS).resolve(shard.name()).resolve(UUID.randomUUID() + ".part");
      try {
        try (BinaryFiles.Output out = BinaryFiles.out(path)) {
          out.writeInt(table.size());
          for (String value : table.keySet()) {
            out.writeString(value);
          }
          for (Slot slot : slots) {
            out.write(data, slot.start(), end(slot.start()) - slot.start());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + path, e);
      }
      Part part = new Part(shard, path.toString(), count, textBytes);
      clear();
      return part;
    }

    /** Drops the lines, keeping the arrays. */
    void clear() {
      table.clear();
      source = null;
      used = 0;
      count = 0;
      textBytes = 0;
    }

    /** {@link OutputLine#ORDER} on two records in the array. */
    private int compare(Slot a, Slot b) {
      int byPrefix = Long.compareUnsigned(a.keyPrefix(), b.keyPrefix());
      if (byPrefix != 0) {
        return byPrefix;
      }
      int keyA = a.start() + Integer.BYTES;
      int keyB = b.start() + Integer.BYTES;
      int keyEndA = keyA + (int) INT.get(data, a.start());
      int keyEndB = keyB + (int) INT.get(data, b.start());
      int byKey = Arrays.compareUnsigned(data, keyA, keyEndA, data, keyB, keyEndB);
      if (byKey != 0) {
        return byKey;
      }
      int textA = keyEndA + Integer.BYTES;
      int textB = keyEndB + Integer.BYTES;
      return Arrays.compareUnsigned(data, textA, textA + (int) INT.get(data, keyEndA),
          data, textB, textB + (int) INT.get(data, keyEndB));
    }

    /** Where the record starting at {@code start} ends: after its key, its text and two numbers. */
    private int end(int start) {
      int keyEnd = start + Integer.BYTES + (int) INT.get(data, start);
      return keyEnd + Integer.BYTES + (int) INT.get(data, keyEnd) + 2 * Integer.BYTES;
    }

    private int putBytes(int at, byte[] bytes) {
      INT.set(data, at, bytes.length);
      System.arraycopy(bytes, 0, data, at + Integer.BYTES, bytes.length);
      return at + Integer.BYTES + bytes.length;
    }

    private void reserve(int bytes) {
      if (data.length - used < bytes) {
        data = Arrays.copyOf(data, Math.max(2 * data.length, used + bytes));
      }
    }

    /** The number of {@code value} in the table, added if new. */
    private int entryOf(String value) {
      Integer known = table.putIfAbsent(value, table.size());
      return known == null ? table.size() - 1 : known;
    }

    /** A record in the array, with its key prefix at hand for sorting. */
    private record Slot(long keyPrefix, int start) {}
  }

  /** Opens a part to read its lines. */
  public static Lines open(Part part) {
    try {
      return new PartReader(new Location(part.path()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + part.path(), e);
    }
  }

  /**
   * What a merge writes for each record: its text as it is, another text for it, or null to leave
   * the record out. A rewrite must keep the record's place in the order (its key).
   */
  @FunctionalInterface
  public interface Rewrite {

    /** Every record as it is. */
    Rewrite NONE = asIs(Lines::text);

    /** The text to write for the current record of {@code record}, or null to leave it out. */
    byte[] apply(Lines record);

    /**
     * Whether a kept record of the previous run's file whose key is {@code key} is written as it is
     * (which lets the merge copy a run of such records as one range of the file's bytes); when
     * false, {@link #apply} decides each record.
     */
    default boolean keepsAsIs(byte[] key) {
      return false;
    }

    /** {@code rewrite}, which writes every kept previous record as it is. */
    static Rewrite asIs(Rewrite rewrite) {
      return asIs(rewrite, key -> true);
    }

    /** {@code rewrite}, which writes the kept previous records {@code unchanged} accepts as they are. */
    static Rewrite asIs(Rewrite rewrite, java.util.function.Predicate<byte[]> unchanged) {
      return new Rewrite() {
        @Override
        public byte[] apply(Lines record) {
          return rewrite.apply(record);
        }

        @Override
        public boolean keepsAsIs(byte[] key) {
          return unchanged.test(key);
        }
      };
    }
  }

  /**
   * Lines read from a file, whose consecutive records can be written as one range of its bytes:
   * the previous run's kept records, most of a shard on a night when little changed.
   */
  interface Ranges extends Lines {

    /**
     * Writes the current record and the records after it, as far as each is kept, written as it is
     * ({@link Rewrite#keepsAsIs}) and sorts before {@code bound}, as ranges of the file's bytes (the
     * records it does not keep left out), with their index entries and tags; then moves to the
     * first record it did not write.
     *
     * @param bound the first record of the merge's other inputs, or null when there is none
     * @return how many records it wrote: 0 when the current record is not written as it is (then
     *     nothing moved)
     */
    long copyRun(OutputStream out, RecordIndex.Writer index, Lines bound, Rewrite rewrite, Map<String, long[]> tags)
        throws IOException;

    /** Whether the last {@link #copyRun} ran to the end of the file (no current record is left). */
    boolean exhausted();
  }

  /**
   * Merges sorted inputs into {@code staging/<shard name>} in line order, with the CSV header (and
   * BOM) first, and writes the shard's {@link RecordIndex} beside it. Closes the inputs.
   *
   * @param rewrite what is written for each record (see {@link Rewrite})
   */
  public static FileSummary merge(Location staging, OutputShard shard, List<? extends Lines> inputs, boolean bom,
      Rewrite rewrite) {
    Map<String, long[]> tags = new HashMap<>();
    long records = 0;
    Location target = staging.resolve(shard.name());
    PriorityQueue<Lines> queue = new PriorityQueue<>(PartFiles::compare);
    List<Lines> open = new ArrayList<>(inputs);
    try {
      com.google.common.hash.HashingOutputStream digest = dev.pagefeed.model.Ids.sha256Of(target.create());
      com.google.common.io.CountingOutputStream counted = new com.google.common.io.CountingOutputStream(digest);
      try (OutputStream out = new BufferedOutputStream(counted, 1 << 16);
          RecordIndex.Writer index = RecordIndex.writer(staging, shard)) {
        if (shard.isCsv()) {
          if (bom) {
            out.write(UTF8_BOM);
          }
          out.write(RecordEncoder.header(shard.file()).getBytes(StandardCharsets.UTF_8));
        }
        for (Lines input : inputs) {
          if (input.advance()) {
            queue.add(input);
          }
        }
        while (!queue.isEmpty()) {
          Lines next = queue.poll();
          if (next instanceof Ranges ranges) {
            long copied = ranges.copyRun(out, index, queue.peek(), rewrite, tags);
            if (copied > 0) {
              records += copied;
              if (!ranges.exhausted()) {
                queue.add(next);
              }
              continue;
            }
          }
          byte[] bytes = rewrite.apply(next);
          if (bytes != null) {
            out.write(bytes);
            index.add(next.pathHash(), next.sourceHash(), bytes.length, next.key(), next.tag());
            records++;
            if (!next.tag().isEmpty()) {
              tags.computeIfAbsent(next.tag(), tag -> new long[1])[0]++;
            }
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
      Map<String, Long> counts = new TreeMap<>();
      tags.forEach((tag, count) -> counts.put(tag, count[0]));
      return new FileSummary(shard.name(), records, counted.getCount(), digest.hash().toString(), counts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Merges parts alone (no previous run to reuse) and removes them. */
  public static FileSummary merge(Location staging, OutputShard shard, List<Part> parts, boolean bom) {
    FileSummary summary = merge(staging, shard, parts.stream().map(PartFiles::open).toList(), bom, Rewrite.NONE);
    delete(parts);
    return summary;
  }

  /** Removes merged parts. */
  public static void delete(List<Part> parts) {
    try {
      for (Part part : parts) {
        new Location(part.path()).delete();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove a merged part", e);
    }
  }

  /** Reads a part one record at a time. */
  private static final class PartReader extends CurrentRecord {
    private final BinaryFiles.Input in;
    private final String[] table;
    /** The hashes of each table entry as a source and as its file's path, once asked for. */
    private final long[] sourceHashes;
    private final long[] pathHashes;
    private final boolean[] hashed;

    PartReader(Location path) throws IOException {
      in = BinaryFiles.in(path);
      table = new String[in.readInt()];
      for (int i = 0; i < table.length; i++) {
        table[i] = in.readString();
      }
      sourceHashes = new long[table.length];
      pathHashes = new long[table.length];
      hashed = new boolean[table.length];
    }

    @Override
    public boolean advance() throws IOException {
      if (in.atEnd()) {
        return false;
      }
      setKey(in.readBytes());
      text = in.readBytes();
      tag = table[in.readInt()];
      int source = in.readInt();
      if (!hashed[source]) {
        sourceHashes[source] = SourceRef.hash(table[source]);
        pathHashes[source] = SourceRef.hash(SourceRef.path(table[source]));
        hashed[source] = true;
      }
      sourceHash = sourceHashes[source];
      pathHash = pathHashes[source];
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
