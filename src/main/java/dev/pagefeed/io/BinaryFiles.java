package dev.pagefeed.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * The binary files a run writes for itself (parts, record indexes): big-endian ints, and byte
 * strings and UTF-8 strings prefixed with their length as an int, Snappy-compressed. A run writes
 * about five times its input as parts and reads it back to merge; compressed, that is a quarter of
 * the bytes through the page cache and the disk.
 */
final class BinaryFiles {

  private BinaryFiles() {}

  /** Opens {@code path} to read fields, buffered. */
  static DataInputStream in(Path path, int bufferSize) throws IOException {
    return new DataInputStream(
        new BufferedInputStream(new SnappyInputStream(Files.newInputStream(path)), bufferSize));
  }

  /** Creates {@code path} to write fields, buffered. */
  static DataOutputStream out(Path path) throws IOException {
    return new DataOutputStream(
        new BufferedOutputStream(new SnappyOutputStream(Files.newOutputStream(path), 1 << 16), 1 << 16));
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }

  static void writeString(DataOutputStream out, String value) throws IOException {
    writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
  }

  static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
