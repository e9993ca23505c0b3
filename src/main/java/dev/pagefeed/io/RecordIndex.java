package dev.pagefeed.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
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
  public static Path of(Path run, OutputFile file) {
    return run.resolve("index").resolve(file.fileName() + ".idx");
  }

  static Writer writer(Path run, OutputFile file) throws IOException {
    Path path = of(run, file);
    Files.createDirectories(path.getParent());
    return new Writer(new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)));
  }

  /** Appends one entry per record written. */
  static final class Writer implements Closeable {
    private final DataOutputStream out;

    private Writer(DataOutputStream out) {
      this.out = out;
    }

    void add(int source, int bytes, OutputLine line) throws IOException {
      out.writeInt(source);
      out.writeInt(bytes);
      out.writeUTF(line.sortKey());
      out.writeUTF(line.tag());
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * The records of a previous run's file whose sources are kept, in file order. Checks, at the
   * end, that the file still has the sha256 its manifest gave and that the index covered it all.
   */
  static final class KeptLines implements PartFiles.Lines {
    private final Path path;
    private final DigestInputStream digested;
    private final InputStream file;
    private final DataInputStream index;
    private final List<String> sources;
    private final BitSet kept;
    private final String sha256;
    private final byte[] scratch = new byte[1 << 14];
    private OutputLine line;

    /**
     * @param run the previous run's folder
     * @param sources the previous run's source paths by number
     * @param kept the numbers of the sources whose records are kept
     * @param sha256 the file's hash in the previous manifest
     */
    KeptLines(Path run, OutputFile file, List<String> sources, BitSet kept, String sha256) throws IOException {
      this.path = run.resolve(file.fileName());
      this.sources = sources;
      this.kept = kept;
      this.sha256 = sha256;
      try {
        this.digested = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
      this.file = new BufferedInputStream(digested, 1 << 16);
      this.index = new DataInputStream(new BufferedInputStream(Files.newInputStream(of(run, file)), 1 << 16));
      if (file.isCsv()) {
        skipHeader(RecordEncoder.header(file).getBytes(StandardCharsets.UTF_8));
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

    @Override
    public boolean advance() throws IOException {
      while (true) {
        int source;
        try {
          source = index.readInt();
        } catch (EOFException end) {
          checkWhole();
          return false;
        }
        int bytes = index.readInt();
        String key = index.readUTF();
        String tag = index.readUTF();
        if (kept.get(source)) {
          byte[] text = file.readNBytes(bytes);
          if (text.length < bytes) {
            throw new EOFException(path + " ends before its index does");
          }
          line = new OutputLine(key, new String(text, StandardCharsets.UTF_8), tag, sources.get(source));
          return true;
        }
        discard(bytes);
      }
    }

    /** Reads past bytes (not skips: every byte goes through the digest). */
    private void discard(int bytes) throws IOException {
      int left = bytes;
      while (left > 0) {
        int n = file.read(scratch, 0, Math.min(scratch.length, left));
        if (n < 0) {
          throw new EOFException(path + " ends before its index does");
        }
        left -= n;
      }
    }

    private void checkWhole() throws IOException {
      if (file.read() != -1 || !HexFormat.of().formatHex(digested.getMessageDigest().digest()).equals(sha256)) {
        throw new IllegalStateException("the previous run's " + path.getFileName() + " no longer matches its manifest "
            + "and index (was it edited?); run once without --incremental");
      }
    }

    @Override
    public OutputLine line() {
      return line;
    }

    @Override
    public void close() throws IOException {
      try (index) {
        file.close();
      }
    }
  }
}
