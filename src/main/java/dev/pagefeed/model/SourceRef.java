package dev.pagefeed.model;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * How parts and indexes name a record's source: a page file by its path; a WARC record by its
 * file's path, a NUL (which no path holds) and its offset, so that the file's path is always
 * recoverable (a page file may be named {@code a#12}). Indexes store two 64-bit hashes of it: of
 * the source, which a run drops when the source lost its page id, and of its file's path, which an
 * incremental run keeps when the file is unchanged.
 *
 * <pre>
 *   of("crawl/a.warc.gz", 512L) = "crawl/a.warc.gz\0" + "512";  path(that) = "crawl/a.warc.gz"
 *   of("faq/0001.txt", null)    = "faq/0001.txt"
 * </pre>
 *
 * <p>Two different sources share a hash with a chance of about one in 2^64 per pair compared (a
 * kept file against a changed one): for a crawl of 10^7 files of which 10^5 changed, about 5 in
 * 10^8 nights.
 */
public final class SourceRef {

  private static final char WARC_RECORD = '\0';

  private SourceRef() {}

  /** The reference of a page file ({@code offset} null) or of the WARC record at {@code offset}. */
  public static String of(String path, Long offset) {
    return offset == null ? path : path + WARC_RECORD + offset;
  }

  /** The path of the file a reference is in. */
  public static String path(String ref) {
    int at = ref.indexOf(WARC_RECORD);
    return at < 0 ? ref : ref.substring(0, at);
  }

  /** A fixed 64-bit hash of a reference or a path (the same on every machine and runner). */
  public static long hash(String text) {
    return Hashing.murmur3_128().hashString(text, StandardCharsets.UTF_8).asLong();
  }

  /** {@link #hash(String)} of the text whose UTF-8 bytes are {@code utf8}'s first {@code length}. */
  public static long hash(byte[] utf8, int length) {
    return Hashing.murmur3_128().hashBytes(utf8, 0, length).asLong();
  }
}
