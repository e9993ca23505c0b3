package dev.pagefeed.run;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the workers need of the previous run to build on it: its folder, how many shards its files
 * have, and its manifest's entry for each file (records, bytes, sha256). Small: one entry per
 * file shard, nothing per page.
 *
 * @param folder the previous run's folder
 * @param shards its {@code --shards}
 * @param entries its manifest's files by name
 * @param reusable whether this run reuses its records of unchanged files (an incremental run it may build on)
 */
public record PreviousFiles(Location folder, int shards, Map<String, Manifest.FileEntry> entries, boolean reusable)
    implements Serializable {

  public PreviousFiles {
    entries = Map.copyOf(entries);
  }

  /** The previous run of {@code plan}, or null when it has none to build on. */
  public static PreviousFiles of(RunPlan plan) {
    PreviousRun previous = plan.previous();
    if (previous == null) {
      return null;
    }
    Map<String, Manifest.FileEntry> entries = new HashMap<>();
    previous.manifest().files().forEach(entry -> entries.put(entry.name(), entry));
    return new PreviousFiles(previous.folder(), previous.manifest().options().shape().shards(), entries,
        plan.reusable().isPresent());
  }

  /** Its manifest's entry for {@code shard}. */
  public Manifest.FileEntry entry(OutputShard shard) {
    Manifest.FileEntry entry = entries.get(shard.name());
    if (entry == null) {
      throw new IllegalStateException("the previous manifest lists no " + shard.name());
    }
    return entry;
  }

  /** Its sources.jsonl, shard after shard. */
  public List<OutputShard> sourcesShards() {
    return OutputShard.all(OutputFile.SOURCES_JSONL, shards);
  }
}
