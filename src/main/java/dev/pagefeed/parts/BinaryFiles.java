package dev.pagefeed.parts;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import dev.pagefeed.files.Location;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * The binary files a run writes for itself (parts, record indexes): big-endian ints, and byte
 * strings and UTF-8 strings prefixed with their length as an int, Snappy-compressed. A run writes
 * about five times its input as parts and reads it back to merge; compressed, that is a quarter of
 * the bytes through the page cache and the disk.
 *
 * <p>Fields go through a plain array of this class's own rather than {@code DataOutputStream} over
 * a {@code BufferedOutputStream}: those write an int as four synchronized one-byte calls, and a
 * run writes and reads tens of millions of fields.
 */
public final class BinaryFiles {

  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final int BUFFER = 1 << 16;

  private BinaryFiles() {}

  /** Writes {@code values} as a table: their count, then each. */
  public static void writeLongs(Location file, long[] values) throws IOException {
    try (Output out = out(file)) {
      out.writeInt(values.length);
      for (long value : values) {
        out.writeLong(value);
      }
    }
  }

  /** A table {@link #writeLongs} wrote. */
  public static long[] readLongs(Location file) throws IOException {
    try (Input in = in(file)) {
      long[] values = new long[in.readInt()];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readLong();
      }
      return values;
    }
  }

  /** Opens {@code file} to read fields. */
  public static Input in(Location file) throws IOException {
    return new Input(new SnappyInputStream(file.open()));
  }

  /** Creates {@code file} to write fields. */
  public static Output out(Location file) throws IOException {
    return new Output(new SnappyOutputStream(file.create(), BUFFER));
  }

  /** Fields written into a buffer, handed to the stream a buffer at a time. */
  public static final class Output implements Closeable {
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int position;

    private Output(OutputStream out) {
      this.out = out;
    }

    public void writeInt(int value) throws IOException {
      if (position + Integer.BYTES > buffer.length) {
        flush();
      }
      INT.set(buffer, position, value);
      position += Integer.BYTES;
    }

    public void writeLong(long value) throws IOException {
      if (position + Long.BYTES > buffer.length) {
        flush();
      }
      LONG.set(buffer, position, value);
      position += Long.BYTES;
    }

    /** Writes the length, then the bytes. */
    public void writeBytes(byte[] bytes) throws IOException {
      writeInt(bytes.length);
      write(bytes, 0, bytes.length);
    }

    /** Writes bytes as they are, without their length. */
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (position + length > buffer.length) {
        flush();
        if (length > buffer.length) {
          out.write(bytes, offset, length);
          return;
        }
      }
      System.arraycopy(bytes, offset, buffer, position, length);
      position += length;
    }

    public void writeString(String value) throws IOException {
      writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    private void flush() throws IOException {
      out.write(buffer, 0, position);
      position = 0;
    }

    @Override
    public void close() throws IOException {
      try (out) {
        flush();
      }
    }
  }

  /** Fields read from a buffer that is refilled from the stream. */
  public static final class Input implements Closeable {
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    private Input(InputStream in) {
      this.in = in;
    }

    /** True when every byte has been read. */
    public boolean atEnd() throws IOException {
      return !fill(1);
    }

    public int readInt() throws IOException {
      if (!fill(Integer.BYTES)) {
        throw new EOFException("the file ends inside a number");
      }
      int value = (int) INT.get(buffer, position);
      position += Integer.BYTES;
      return value;
    }

    public long readLong() throws IOException {
      if (!fill(Long.BYTES)) {
        throw new EOFException("the file ends inside a number");
      }
      long value = (long) LONG.get(buffer, position);
      position += Long.BYTES;
      return value;
    }

    /** Reads a length, then that many bytes. */
    public byte[] readBytes() throws IOException {
      int length = readInt();
      if (length < 0) {
        throw new IOException("a negative length: the file is damaged");
      }
      byte[] bytes = new byte[length];
      int buffered = Math.min(length, limit - position);
      System.arraycopy(buffer, position, bytes, 0, buffered);
      position += buffered;
      if (buffered < length && in.readNBytes(bytes, buffered, length - buffered) < length - buffered) {
        throw new EOFException("the file ends inside a field");
      }
      return bytes;
    }

    public String readString() throws IOException {
      return new String(readBytes(), StandardCharsets.UTF_8);
    }

    /** Makes at least {@code bytes} bytes available in the buffer; false if the stream ends first. */
    private boolean fill(int bytes) throws IOException {
      if (limit - position >= bytes) {
        return true;
      }
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
      while (limit < bytes) {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
          return false;
        }
        limit += read;
      }
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
