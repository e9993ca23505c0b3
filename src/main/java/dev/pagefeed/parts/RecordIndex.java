package dev.pagefeed.parts;

import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.RecordEncoder;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import dev.pagefeed.files.Location;

/**
 * Beside each output file of a run, in {@code index/<file>.idx}: for every record in file order,
 * the {@link SourceRef#hash} of its file's path and of its source, its length in bytes, its sort
 * key and its tag. With it the next incremental run copies the records of unchanged sources
 * byte for byte, without parsing JSON or CSV, and whichever worker merges a shard needs no list
 * of the run's sources.
 */
public final class RecordIndex {

  private RecordIndex() {}

  /** Where the index of {@code file} is in a run's folder. */
  public static Location of(Location run, OutputShard shard) {
    return run.resolve("index").resolve(shard.name() + ".idx");
  }

  static Writer writer(Location run, OutputShard file) throws IOException {
    return new Writer(BinaryFiles.out(of(run, file)));
  }

  /** Which of a previous run's records a run keeps: by their file's path and their source (hashes). */
  @FunctionalInterface
  public interface Keep {
    boolean keeps(long pathHash, long sourceHash);
  }

  /** Appends one entry per record written. */
  static final class Writer implements Closeable {
    private final BinaryFiles.Output out;
    /** The few tags there are, encoded once. */
    private final java.util.Map<String, byte[]> tags = new java.util.HashMap<>();

    private Writer(BinaryFiles.Output out) {
      this.out = out;
    }

    void add(long pathHash, long sourceHash, int bytes, byte[] key, String tag) throws IOException {
      out.writeLong(pathHash);
      out.writeLong(sourceHash);
      out.writeInt(bytes);
      out.writeBytes(key);
      out.writeBytes(tags.computeIfAbsent(tag, t -> t.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * The tags of a previous run's shard counted from its index, when {@code keep} keeps every one
   * of its records (the shard can then be reused as a file); empty when it drops one.
   */
  public static java.util.Optional<java.util.Map<String, Long>> tagsIfAllKept(Location run, OutputShard shard,
      Keep keep) throws IOException {
    java.util.Map<String, Long> tags = new java.util.TreeMap<>();
    try (BinaryFiles.Input index = BinaryFiles.in(of(run, shard))) {
      while (!index.atEnd()) {
        long path = index.readLong();
        long source = index.readLong();
        index.readInt();
        index.readBytes();
        String tag = index.readString();
        if (!keep.keeps(path, source)) {
          return java.util.Optional.empty();
        }
        if (!tag.isEmpty()) {
          tags.merge(tag, 1L, Long::sum);
        }
      }
    }
    return java.util.Optional.of(tags);
  }

  /**
   * The records of a previous run's file whose sources are kept, in file order. Checks, at the
   * end, that the index covered the file exactly (a file whose records moved stops the run rather
   * than being half reused). Its bytes are checked against the manifest by the run's {@code
   * CheckPrevious} step, which keeps a run built on a file that does not match from committing.
   */
  public static final class KeptLines extends PartFiles.CurrentRecord implements PartFiles.Ranges {
    private final Location path;
    private final InputStream file;
    private final BinaryFiles.Input index;
    private final Keep keep;
    private final byte[] scratch = new byte[1 << 16];
    private boolean exhausted;

    /**
     * @param run the previous run's folder
     * @param keep which records are kept
     */
    public KeptLines(Location run, OutputShard shard, Keep keep) throws IOException {
      this.path = run.resolve(shard.name());
      this.keep = keep;
      this.file = new BufferedInputStream(path.open(), 1 << 20);
      this.index = BinaryFiles.in(of(run, shard));
      if (shard.isCsv()) {
        skipHeader(RecordEncoder.header(shard.file()).getBytes(StandardCharsets.UTF_8));
      }
    }

    private void skipHeader(byte[] header) throws IOException {
      this.file.mark(3);
      byte[] start = this.file.readNBytes(3);
      if (!(start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF)) {
        this.file.reset();
      }
      discard(header.length);
    }

    /** Reads past {@code bytes} bytes (read, not skipped, so that they are hashed). */
    private void discard(int bytes) throws IOException {
      for (int left = bytes; left > 0; ) {
        int read = file.read(scratch, 0, Math.min(left, scratch.length));
        if (read < 0) {
          throw new EOFException();
        }
        left -= read;
      }
    }

    @Override
    public boolean previous() {
      return true;
    }

    @Override
    public long copyRun(java.io.OutputStream out, Writer written, PartFiles.Lines bound, PartFiles.Rewrite rewrite,
        java.util.Map<String, long[]> tags) throws IOException {
      if (!rewrite.keepsAsIs(key())) {
        return 0;
      }
      out.write(text);
      add(written, new Entry(pathHash, sourceHash, text.length, key(), tag), tags);
      long records = 1;
      long run = 0; // bytes of the file, after those read, that are written next, as they are
      while (true) {
        Entry entry = nextEntry();
        if (entry == null) {
          copy(run, out);
          checkWhole();
          exhausted = true;
          return records;
        }
        if (!keep.keeps(entry.path(), entry.source())) {
          copy(run, out);
          run = 0;
          skip(entry.bytes());
          continue;
        }
        if (rewrite.keepsAsIs(entry.key()) && sortsBefore(entry.key(), bound)) {
          run += entry.bytes();
          add(written, entry, tags);
          records++;
          continue;
        }
        copy(run, out);
        current(entry);
        return records;
      }
    }

    @Override
    public boolean exhausted() {
      return exhausted;
    }

    /** One record's entry in the index: its file's path and source hashes, length, key and tag. */
    private record Entry(long path, long source, int bytes, byte[] key, String tag) {}

    /** The index's next entry, or null at its end. */
    private Entry nextEntry() throws IOException {
      if (index.atEnd()) {
        return null;
      }
      try {
        return new Entry(index.readLong(), index.readLong(), index.readInt(), index.readBytes(), index.readString());
      } catch (EOFException cut) {
        throw changed("index");
      }
    }

    private static void add(Writer written, Entry entry, java.util.Map<String, long[]> tags) throws IOException {
      written.add(entry.path(), entry.source(), entry.bytes(), entry.key(), entry.tag());
      if (!entry.tag().isEmpty()) {
        tags.computeIfAbsent(entry.tag(), t -> new long[1])[0]++;
      }
    }

    /** Whether a record with {@code key} comes before {@code bound}'s current record (a tie is not before: text decides it). */
    private static boolean sortsBefore(byte[] key, PartFiles.Lines bound) {
      if (bound == null) {
        return true;
      }
      int byPrefix = Long.compareUnsigned(dev.pagefeed.encode.OutputLine.keyPrefix(key, 0, key.length), bound.keyPrefix());
      return byPrefix != 0 ? byPrefix < 0 : java.util.Arrays.compareUnsigned(key, bound.key()) < 0;
    }

    /** Copies the next {@code bytes} bytes of the file to {@code out} (read, so that they are hashed). */
    private void copy(long bytes, java.io.OutputStream out) throws IOException {
      for (long left = bytes; left > 0; ) {
        int read = file.read(scratch, 0, (int) Math.min(left, scratch.length));
        if (read < 0) {
          throw changed("index");
        }
        out.write(scratch, 0, read);
        left -= read;
      }
    }

    private void skip(int bytes) throws IOException {
      try {
        discard(bytes);
      } catch (EOFException end) {
        throw changed("index");
      }
    }

    /** Makes the record {@code entry} describes, whose bytes are next in the file, the current one. */
    private void current(Entry entry) throws IOException {
      text = file.readNBytes(entry.bytes());
      if (text.length < entry.bytes()) {
        throw changed("index");
      }
      setKey(entry.key());
      tag = entry.tag();
      pathHash = entry.path();
      sourceHash = entry.source();
    }

    @Override
    public boolean advance() throws IOException {
      while (true) {
        Entry entry = nextEntry();
        if (entry == null) {
          checkWhole();
          return false;
        }
        if (keep.keeps(entry.path(), entry.source())) {
          current(entry);
          return true;
        }
        skip(entry.bytes());
      }
    }

    private void checkWhole() throws IOException {
      if (file.read() != -1) {
        throw changed("index");
      }
    }

    private IllegalStateException changed(String what) {
      return new IllegalStateException("the previous run's " + path.name() + " no longer matches its " + what
          + " (was it edited?); run once without --incremental");
    }

    @Override
    public void close() throws IOException {
      try (index) {
        file.close();
      }
    }
  }
}
