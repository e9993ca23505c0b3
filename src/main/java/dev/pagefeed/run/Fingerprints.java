package dev.pagefeed.run;

import com.google.common.hash.Hashing;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.parts.BinaryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A run's fingerprints of its input files, for the next incremental run's readers: the files whose
 * bytes were read whole and whose records stand alone, each as a 128-bit hash of its path and one
 * of its sha256, so that a reader reuses a file unread when its sha256 is unchanged. Each shard's
 * decision writes its shard's table beside the shard's index ({@link #of}), from the lines it
 * writes, and a reader loads the tables once per worker JVM: 32 bytes per file, nothing parsed.
 *
 * <p>Not fingerprinted, and so read again by every run: a file read only in part (too large,
 * unreadable), a WARC record (its file's own line is the fingerprint), and a file one of whose
 * sources lost its page id to another file (it gets the id back when that file goes away, and its
 * records were never written). The tables are derived from sources.jsonl, which the run checks
 * against its manifest; a damaged table can only make a file read again (a file is kept only when
 * its own sha256 is found under its own path).
 */
public final class Fingerprints {

  /** Columns of a file's row: its path's hash, its sha256's hash (two each). */
  private static final int WIDTH = 4;

  private final PageKeys.Rows files;

  private Fingerprints(PageKeys.Rows files) {
    this.files = files;
  }

  /** Where the fingerprints of a shard of sources.jsonl are in a run's folder. */
  public static Location of(Location run, OutputShard sourcesShard) {
    return run.resolve("index").resolve(sourcesShard.name() + ".fingerprints");
  }

  /** None: every file is read. */
  public static Fingerprints none() {
    return new Fingerprints(new PageKeys.Rows(WIDTH));
  }

  /** One shard's fingerprints, collected from its lines as they are written. */
  public static final class Writer {
    private final PageKeys.Rows files = new PageKeys.Rows(WIDTH);
    private final PageKeys.Rows lost = new PageKeys.Rows(2);

    /** Adds a line of the shard. */
    public void add(SourceRecord source) {
      if (source.errorType() == ErrorType.DUPLICATE_ID) {
        int at = lost.add();
        hash(source.path(), lost.values, at);
      } else if (source.isFile() && source.sha256() != null) {
        int at = files.add();
        hash(source.path(), files.values, at);
        hash(source.sha256(), files.values, at + 2);
      }
    }

    /** Writes them to {@code file}: the files' rows, then the paths that lost a page id. */
    public void write(Location file) {
      long[] table = new long[2 + files.rows * WIDTH + lost.rows * 2];
      table[0] = files.rows;
      table[1] = lost.rows;
      System.arraycopy(files.values, 0, table, 2, files.rows * WIDTH);
      System.arraycopy(lost.values, 0, table, 2 + files.rows * WIDTH, lost.rows * 2);
      try {
        BinaryFiles.writeLongs(file, table);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
  }

  /**
   * The fingerprints in {@code tables} (a run's, one per shard of its sources.jsonl), without the
   * files any of them lists as having lost a page id.
   *
   * @throws UncheckedIOException when a table cannot be read or is not one
   */
  public static Fingerprints read(List<Location> tables) {
    PageKeys.Rows all = new PageKeys.Rows(WIDTH);
    PageKeys.Rows lost = new PageKeys.Rows(2);
    for (Location file : tables) {
      long[] table;
      try {
        table = BinaryFiles.readLongs(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous run's " + file, e);
      }
      if (table.length < 2 || table.length != 2 + table[0] * WIDTH + table[1] * 2) {
        throw new UncheckedIOException(new IOException("the previous run's " + file + " is not a table of fingerprints"));
      }
      append(all, table, 2, (int) table[0], WIDTH);
      append(lost, table, 2 + (int) table[0] * WIDTH, (int) table[1], 2);
    }
    int[] lostOrder = lost.order(2);
    PageKeys.Rows sorted = new PageKeys.Rows(WIDTH);
    for (int row : all.order(2)) {
      if (find(lost, lostOrder, all.get(row, 0), all.get(row, 1)) < 0) {
        int at = sorted.add();
        System.arraycopy(all.values, row * WIDTH, sorted.values, at, WIDTH);
      }
    }
    return new Fingerprints(sorted);
  }

  private static void append(PageKeys.Rows rows, long[] table, int from, int count, int width) {
    for (int i = 0; i < count; i++) {
      int at = rows.add();
      System.arraycopy(table, from + i * width, rows.values, at, width);
    }
  }

  /** Whether the file at {@code path} (as sources.jsonl names it) had the sha256 {@code sha256} when it was fingerprinted. */
  public boolean unchanged(String path, String sha256) {
    long[] key = new long[WIDTH];
    hash(path, key, 0);
    int row = find(files, null, key[0], key[1]);
    if (row < 0) {
      return false;
    }
    hash(sha256, key, 2);
    return files.get(row, 2) == key[2] && files.get(row, 3) == key[3];
  }

  /** How many files it has. */
  public int size() {
    return files.rows;
  }

  /** The row (in {@code order}, or in row order when null) whose first two columns are {@code high, low}, or -1. */
  private static int find(PageKeys.Rows rows, int[] order, long high, long low) {
    int from = 0;
    int to = rows.rows - 1;
    while (from <= to) {
      int middle = (from + to) >>> 1;
      int row = order == null ? middle : order[middle];
      int by = Long.compareUnsigned(rows.get(row, 0), high);
      if (by == 0) {
        by = Long.compareUnsigned(rows.get(row, 1), low);
      }
      if (by == 0) {
        return row;
      }
      if (by < 0) {
        from = middle + 1;
      } else {
        to = middle - 1;
      }
    }
    return -1;
  }

  private static void hash(String text, long[] into, int at) {
    ByteBuffer hash = ByteBuffer.wrap(Hashing.murmur3_128().hashString(text, StandardCharsets.UTF_8).asBytes());
    into[at] = hash.getLong();
    into[at + 1] = hash.getLong();
  }
}
