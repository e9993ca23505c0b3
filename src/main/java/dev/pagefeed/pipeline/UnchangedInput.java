package dev.pagefeed.pipeline;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.Ids;
import dev.pagefeed.run.PreviousRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * An incremental run's shortcut: when the input is exactly the files the previous run read (same
 * paths, sizes and sha256, none of them refused unread), there is nothing to process, and the run
 * commits the previous records as they are without starting a pipeline, whose start-up would be
 * most of the run's time.
 *
 * <p>Nothing per file is held: the listing and the previous run's sources are each summed into a
 * {@link Digest} (of paths and sizes, then of paths and content hashes), and the sums compared. The
 * listing's first digest is taken while the driver counts the input ({@link Listing}), so a night
 * whose files changed size costs no second listing.
 */
final class UnchangedInput {

  /**
   * The most input the driver hashes itself (streamed) to find the crawl unchanged: beyond it, the
   * pipeline's workers hash the files in parallel, and reuse each one that is unchanged.
   */
  static final long MAX_DRIVER_BYTES = 256L << 20;

  private UnchangedInput() {}

  /**
   * An order-free sum of 128-bit hashes, one per file: two listings of different files (or sizes,
   * or contents) sum alike with a chance of about 2^-128.
   */
  static final class Digest {
    private long high;
    private long low;
    private long files;
    private long bytes;

    void add(String path, long size, String content) {
      HashCode hash = Hashing.murmur3_128().newHasher().putString(path, StandardCharsets.UTF_8).putLong(size)
          .putString(content == null ? "" : content, StandardCharsets.UTF_8).hash();
      byte[] b = hash.asBytes();
      high += java.nio.ByteBuffer.wrap(b, 0, 8).getLong();
      low += java.nio.ByteBuffer.wrap(b, 8, 8).getLong();
      files++;
      bytes += size;
    }

    long files() {
      return files;
    }

    long bytes() {
      return bytes;
    }

    boolean sameAs(Digest other) {
      return high == other.high && low == other.low && files == other.files && bytes == other.bytes;
    }
  }

  /**
   * What the driver's count of the input saw: the digest of the listed files' paths (as sources
   * record them) and sizes, and whether anything listed cannot be read as a file.
   */
  static final class Listing {
    final Digest files = new Digest();
    boolean problems;

    /** Adds a file {@code root}'s pattern listed. */
    void add(dev.pagefeed.run.SourceKeys.Root root, Location.Listed listed) {
      if (listed.problem() != null) {
        problems = true;
      } else {
        files.add(root.pathOf(listed.file().spec()), listed.bytes(), null);
      }
    }
  }

  /**
   * How many sources the previous run read, when the files {@code inputs} match are those sources
   * byte for byte; empty at the first difference.
   */
  static OptionalLong sameAsBefore(PagefeedPipeline.Inputs inputs, PreviousRun previous) throws IOException {
    Listing listing = inputs.listing();
    if (listing.problems) {
      return OptionalLong.empty(); // what cannot be read is looked at again by every run
    }
    // The previous run's files (a WARC record's line is not one: its file's own line is the fingerprint).
    Digest before = new Digest();
    Digest beforeContent = new Digest();
    boolean[] comparable = {true};
    previous.forEachSource(source -> {
      if (!source.isFile()) {
        return;
      }
      if (source.sha256() == null) {
        comparable[0] = false; // refused unread: read again by every run
      }
      before.add(source.path(), source.bytes(), null);
      beforeContent.add(source.path(), source.bytes(), source.sha256());
    });
    if (!comparable[0] || !before.sameAs(listing.files)) {
      return OptionalLong.empty();
    }
    if (listing.files.bytes() > MAX_DRIVER_BYTES) {
      return OptionalLong.empty(); // hashed by the workers, in parallel: the pipeline reuses every file it finds unchanged
    }
    Digest now = new Digest();
    try {
      for (dev.pagefeed.run.SourceKeys.Root root : inputs.roots()) {
        Location.forEach(root.pattern(), dev.pagefeed.run.OutputCommitter.ownFiles(inputs.output()), file -> {
          try {
            now.add(root.pathOf(file.file().spec()), file.bytes(), Ids.sha256(file.file().open()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return now.sameAs(beforeContent) ? OptionalLong.of(before.files()) : OptionalLong.empty();
  }
}
