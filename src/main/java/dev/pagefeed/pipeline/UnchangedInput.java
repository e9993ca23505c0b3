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

  private UnchangedInput() {}

  /**
   * The previous run's source paths when the files {@code patterns} match are those sources, byte
   * for byte; empty at the first difference.
   *
   * @param baseDir paths below this folder are recorded relative to it, as ProcessPages records them
   */
  static Optional<Set<String>> sameAsBefore(PagefeedPipeline.Inputs inputs, PreviousRun previous, String baseDir)
      throws IOException {
    Map<String, SourceRecord> byPath = new HashMap<>();
    for (SourceRecord source : previous.sources()) {
      if (!source.isFile()) {
        continue; // a WARC record: its file's own line is the fingerprint
      }
      if (source.sha256() == null || byPath.put(source.path(), source) != null) {
        return Optional.empty(); // read again by every run, or listed twice
      }
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
