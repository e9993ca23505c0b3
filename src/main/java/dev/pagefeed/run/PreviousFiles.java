package dev.pagefeed.run;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.parts.RecordIndex;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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

  /**
   * What a shard of this run is merged from: this run's {@code parts} of it, opened, and the
   * previous run's records of the same shard that {@code keep} keeps (none when it is null). Their
   * file is not hashed here: {@code CheckPrevious} hashes every previous file a run builds on, and
   * nothing merged from one that does not match is committed ({@link RunPlan#checks}).
   */
  public static List<PartFiles.Lines> inputs(List<PartFiles.Part> parts, PreviousFiles previous,
      RecordIndex.Keep keep, OutputShard shard) {
    List<PartFiles.Lines> inputs = new ArrayList<>();
    parts.stream().filter(part -> part.records() > 0).map(PartFiles::open).forEach(inputs::add);
    if (keep != null) {
      try {
        inputs.add(new RecordIndex.KeptLines(previous.folder(), shard, keep));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous run's " + shard.name(), e);
      }
    }
    return inputs;
  }

  /**
   * Its file {@code shard}, which has no index (a Parquet file), as this run's in {@code staging}: a
   * hard link on a local disk (a copy elsewhere), after checking its size against its manifest.
   */
  public FileSummary linkFileInto(Location staging, OutputShard shard) {
    Manifest.FileEntry entry = entry(shard);
    try {
      Location from = folder.resolve(shard.name());
      if (from.size() != entry.bytes()) {
        throw new IllegalStateException("the previous run's " + shard.name() + " no longer matches its manifest "
            + "(was it edited?); run once without --incremental");
      }
      from.copyTo(staging.resolve(shard.name()));
      return new FileSummary(shard.name(), entry.records(), entry.bytes(), entry.sha256(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reuse the previous run's " + shard.name(), e);
    }
  }

  /**
   * Its {@code shard} and the shard's index (and a sources.jsonl shard's fingerprints) as this run's
   * in {@code staging}: hard links on a local
   * disk (copies elsewhere), after checking the file's size against its manifest.
   *
   * @return the file's manifest entry
   */
  public Manifest.FileEntry linkInto(Location staging, OutputShard shard) {
    linkFileInto(staging, shard);
    try {
      RecordIndex.of(folder, shard).copyTo(RecordIndex.of(staging, shard));
      if (shard.file() == OutputFile.SOURCES_JSONL) {
        Fingerprints.of(folder, shard).copyTo(Fingerprints.of(staging, shard));
      }
      return entry(shard);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reuse the previous run's index of " + shard.name(), e);
    }
  }

}
