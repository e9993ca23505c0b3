package dev.pagefeed.pipeline;

import dev.pagefeed.files.Location;
import dev.pagefeed.run.PreviousRun;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
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

  private UnchangedInput() {}

  /**
   * The previous run's source paths when the files {@code patterns} match are those sources, byte
   * for byte; empty at the first difference.
   *
   * @param baseDir paths below this folder are recorded relative to it, as ProcessPages records them
   */
  static Optional<Set<String>> sameAsBefore(List<String> patterns, PreviousRun previous, String baseDir)
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
    for (String pattern : patterns) {
      for (Location.Listed file : Location.match(pattern)) {
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
    for (Map.Entry<String, String> file : resources.entrySet()) {
      byte[] bytes;
      try (InputStream in = new Location(file.getValue()).open()) {
        bytes = in.readAllBytes();
      }
      if (!Ids.sha256(bytes).equals(byPath.get(file.getKey()).sha256())) {
        return Optional.empty();
      }
    }
    return Optional.of(byPath.keySet());
  }
}
