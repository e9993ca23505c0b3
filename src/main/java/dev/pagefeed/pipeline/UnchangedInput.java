package dev.pagefeed.pipeline;

import dev.pagefeed.files.Location;
import dev.pagefeed.run.PreviousRun;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.SourceRecord;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An incremental run's shortcut: when the input is exactly the files the previous run read (same
 * paths, sizes and sha256, none of them refused unread), there is nothing to process, and the run
 * commits the previous records as they are without starting a pipeline, whose start-up would be
 * most of the run's time.
 */
final class UnchangedInput {

  /**
   * The most input the driver hashes itself (streamed) to find the crawl unchanged: beyond it, the
   * pipeline's workers hash the files in parallel, and reuse each one that is unchanged.
   */
  static final long MAX_DRIVER_BYTES = 256L << 20;

  /** The most files the driver compares itself; beyond it, the pipeline's workers find the files unchanged. */
  static final int MAX_DRIVER_FILES = 100_000;

  private UnchangedInput() {}

  /**
   * The previous run's source paths when the files {@code patterns} match are those sources, byte
   * for byte; empty at the first difference.
   *
   * @param baseDir paths below this folder are recorded relative to it, as ProcessPages records them
   */
  static Optional<Set<String>> sameAsBefore(PagefeedPipeline.Inputs inputs, PreviousRun previous, String baseDir)
      throws IOException {
    // The previous run's files (a WARC record's line is not one: its file's own line is the fingerprint),
    // at most MAX_DRIVER_FILES of them: the driver holds nothing that grows with the crawl.
    Map<String, SourceRecord> byPath = new HashMap<>();
    boolean[] shortcut = {true};
    previous.forEachSource(source -> {
      if (!shortcut[0] || !source.isFile()) {
        return;
      }
      if (source.sha256() == null || byPath.put(source.path(), source) != null || byPath.size() > MAX_DRIVER_FILES) {
        shortcut[0] = false; // read again by every run, listed twice, or too many to compare here
        byPath.clear();
      }
    });
    if (!shortcut[0]) {
      return Optional.empty();
    }
    Map<String, String> resources = new HashMap<>();
    for (String pattern : inputs.patterns()) {
      for (Location.Listed file : inputs.list(pattern)) {
        if (file.problem() != null) {
          return Optional.empty(); // looked at again by every run
        }
        String path = SourcePaths.relative(file.file().spec(), baseDir);
        SourceRecord source = byPath.get(path);
        if (source == null || source.bytes() != file.bytes() || resources.put(path, file.file().spec()) != null) {
          return Optional.empty();
        }
      }
    }
    if (resources.size() != byPath.size()) {
      return Optional.empty();
    }
    long total = byPath.values().stream().mapToLong(SourceRecord::bytes).sum();
    if (total > MAX_DRIVER_BYTES) {
      return Optional.empty(); // hashed by the workers, in parallel: the pipeline reuses every file it finds unchanged
    }
    for (Map.Entry<String, String> file : resources.entrySet()) {
      if (!Ids.sha256(new Location(file.getValue()).open()).equals(byPath.get(file.getKey()).sha256())) {
        return Optional.empty();
      }
    }
    return Optional.of(byPath.keySet());
  }
}
