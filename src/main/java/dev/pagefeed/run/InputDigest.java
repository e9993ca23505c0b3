package dev.pagefeed.run;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An order-free digest of a run's input files, for the unchanged-input shortcut: two sums of
 * 128-bit hashes, one per file, the first of each file's path and size (what a listing sees), the
 * second of its path, size and sha256 (what reading it sees). Two sets of files sum alike with a
 * chance of about 2^-128. The commit's workers sum a run's sources.jsonl shard by shard and the
 * manifest keeps the total ({@link Manifest#inputs}), so the next run's driver compares its own
 * listing with it without reading any record file.
 *
 * <p>Sums add with wrapping arithmetic, so shards (and the counts a {@link
 * dev.pagefeed.parts.FileSummary} carries as tags) add up in any order.
 *
 * @param files how many input files
 * @param bytes their bytes in all
 * @param unhashed how many were not read whole (no sha256: refused, unreadable): such a run is never
 *     found unchanged, since those files are looked at again by every run
 * @param listing the sum of the files' path-and-size hashes, 32 hex digits
 * @param content the sum of the files' path, size and sha256 hashes, 32 hex digits
 */
public record InputDigest(long files, long bytes, long unhashed, String listing, String content)
    implements java.io.Serializable {

  /** The prefix of the tags a sources.jsonl shard's summary carries its part of the digest in. */
  static final String TAG = "input_digest:";

  /** A digest being summed. */
  public static final class Sum {
    private final long[] n = new long[7]; // files, bytes, unhashed, listing high, low, content high, low

    private static final String[] NAMES =
        {"files", "bytes", "unhashed", "listing_high", "listing_low", "content_high", "content_low"};

    /**
     * Adds one file.
     *
     * @param path its path as sources.jsonl records it
     * @param sha256 its sha256, or null when it is only listed (or was not read whole)
     */
    public void add(String path, long size, String sha256) {
      n[0]++;
      n[1] += size;
      if (sha256 == null) {
        n[2]++;
      }
      addHash(3, path, size, "");
      addHash(5, path, size, sha256 == null ? "" : sha256);
    }

    private void addHash(int at, String path, long size, String content) {
      HashCode hash = Hashing.murmur3_128().newHasher().putString(path, StandardCharsets.UTF_8).putLong(size)
          .putString(content, StandardCharsets.UTF_8).hash();
      ByteBuffer bytes = ByteBuffer.wrap(hash.asBytes());
      n[at] += bytes.getLong();
      n[at + 1] += bytes.getLong();
    }

    /** The files added. */
    public long files() {
      return n[0];
    }

    /** Their bytes. */
    public long bytes() {
      return n[1];
    }

    /** Whether its files' paths and sizes are those of {@code digest}. */
    public boolean sameListing(InputDigest digest) {
      return digest.files() == n[0] && digest.bytes() == n[1] && digest.listing().equals(hex(3));
    }

    /** Whether its files' paths, sizes and contents are those of {@code digest}. */
    public boolean sameContent(InputDigest digest) {
      return sameListing(digest) && digest.content().equals(hex(5));
    }

    /** The sum as tags of a summary, to be added up with other shards' ({@link #of(Map)}). */
    public Map<String, Long> tags() {
      Map<String, Long> tags = new TreeMap<>();
      for (int i = 0; i < n.length; i++) {
        tags.put(TAG + NAMES[i], n[i]);
      }
      return tags;
    }

    /** The digest. */
    public InputDigest digest() {
      return new InputDigest(n[0], n[1], n[2], hex(3), hex(5));
    }

    private String hex(int at) {
      return String.format("%016x%016x", n[at], n[at + 1]);
    }
  }

  /** The digest summed in {@code tags} (a sources.jsonl's tags, added up over its shards), or null when none is. */
  static InputDigest of(Map<String, Long> tags) {
    Sum sum = new Sum();
    boolean any = false;
    for (int i = 0; i < Sum.NAMES.length; i++) {
      Long value = tags.get(TAG + Sum.NAMES[i]);
      if (value != null) {
        sum.n[i] = value;
        any = true;
      }
    }
    return any ? sum.digest() : null;
  }

  /** As the tags it was summed from ({@link Sum#tags}). */
  Map<String, Long> tags() {
    Sum sum = new Sum();
    sum.n[0] = files;
    sum.n[1] = bytes;
    sum.n[2] = unhashed;
    setHex(sum.n, 3, listing);
    setHex(sum.n, 5, content);
    return sum.tags();
  }

  private static void setHex(long[] n, int at, String hex) {
    n[at] = Long.parseUnsignedLong(hex.substring(0, 16), 16);
    n[at + 1] = Long.parseUnsignedLong(hex.substring(16), 16);
  }
}
