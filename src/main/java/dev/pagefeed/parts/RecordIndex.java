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
import java.util.BitSet;
import java.util.List;

/**
 * Beside each output file of a run, in {@code index/<file>.idx}: for every record in file order,
 * the number of its source (its line in sources.jsonl, counted from 0), its length in bytes, its
 * sort key and its tag. With it the next incremental run copies the records of unchanged sources
 * byte for byte, without parsing JSON or CSV.
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

  /** Appends one entry per record written. */
  static final class Writer implements Closeable {
    private final BinaryFiles.Output out;
    /** The few tags there are, encoded once. */
    private final java.util.Map<String, byte[]> tags = new java.util.HashMap<>();

    private Writer(BinaryFiles.Output out) {
      this.out = out;
    }

    void add(int source, int bytes, byte[] key, String tag) throws IOException {
      out.writeInt(source);
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
   * The records of a previous run's file whose sources are kept, in file order. Checks, at the
   * end, that the index covered the file exactly (a file edited after it was written stops the
   * run rather than being half reused).
   */
  public static final class KeptLines extends PartFiles.CurrentRecord {
    private final Location path;
    private final InputStream file;
    private final BinaryFiles.Input index;
    private final List<String> sources;
    private final BitSet kept;

    /**
     * @param run the previous run's folder
     * @param sources the previous run's source paths by number
     * @param kept the numbers of the sources whose records are kept
     */
    public KeptLines(Location run, OutputShard shard, List<String> sources, BitSet kept) throws IOException {
      this.path = run.resolve(shard.name());
      this.sources = sources;
      this.kept = kept;
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
      this.file.skipNBytes(header.length);
    }

    @Override
    public boolean advance() throws IOException {
      while (true) {
        if (index.atEnd()) {
          checkWhole();
          return false;
        }
        int number;
        int bytes;
        byte[] recordKey;
        String recordTag;
        try {
          number = index.readInt();
          bytes = index.readInt();
          recordKey = index.readBytes();
          recordTag = index.readString();
        } catch (EOFException cut) {
          throw changed();
        }
        if (kept.get(number)) {
          text = file.readNBytes(bytes);
          if (text.length < bytes) {
            throw changed();
          }
          setKey(recordKey);
          tag = recordTag;
          source = sources.get(number);
          return true;
        }
        try {
          file.skipNBytes(bytes);
        } catch (EOFException end) {
          throw changed();
        }
      }
    }

    private void checkWhole() throws IOException {
      if (file.read() != -1) {
        throw changed();
      }
    }

    private IllegalStateException changed() {
      return new IllegalStateException("the previous run's " + path.name() + " no longer matches its index "
          + "(was it edited?); run once without --incremental");
    }

    @Override
    public void close() throws IOException {
      try (index) {
        file.close();
      }
    }
  }
}
