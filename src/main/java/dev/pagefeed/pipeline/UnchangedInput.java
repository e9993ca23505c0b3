package dev.pagefeed.pipeline;

import dev.pagefeed.files.Location;
import dev.pagefeed.model.Ids;
import dev.pagefeed.run.InputDigest;
import dev.pagefeed.run.PreviousRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/**
 * An incremental run's shortcut: when the input is exactly the files the previous run read (same
 * paths, sizes and sha256, none of them refused unread), there is nothing to process, and the run
 * commits the previous records as they are without starting a pipeline, whose start-up would be
 * most of the run's time.
 *
 * <p>Nothing per file is held, and no record file is read: the listing is summed into an {@link
 * InputDigest} while the driver counts the input ({@link Listing}) and compared with the one the
 * previous run's manifest keeps (of paths and sizes, then of paths and content hashes), so a night
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
   * What the driver's count of the input saw: the digest of the listed files' paths (as sources
   * record them) and sizes, and whether anything listed cannot be read as a file.
   */
  static final class Listing {
    final InputDigest.Sum files = new InputDigest.Sum();
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
    // The previous run's files, as its manifest sums them (a WARC record is not one: its file is).
    InputDigest before = previous.manifest().inputs();
    if (before == null || before.unhashed() > 0 || !listing.files.sameListing(before)) {
      return OptionalLong.empty(); // a file not read whole is read again by every run
    }
    if (listing.files.bytes() > MAX_DRIVER_BYTES) {
      return OptionalLong.empty(); // hashed by the workers, in parallel: the pipeline reuses every file it finds unchanged
    }
    InputDigest.Sum now = new InputDigest.Sum();
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
    return now.sameContent(before) ? OptionalLong.of(before.files()) : OptionalLong.empty();
  }
}
