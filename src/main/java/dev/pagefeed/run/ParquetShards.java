package dev.pagefeed.run;

import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.ParquetTable;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.Ids;
import dev.pagefeed.parts.FileSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The Parquet files of a run ({@code --formats=…,parquet}): each written from its JSONL shard once
 * that is merged, on the worker that has it, so a Parquet file holds exactly the records of its JSONL
 * file, in the same order, and an incremental run's equal a full run's. A shard whose JSONL file is
 * the previous run's, byte for byte, takes the previous Parquet file as it is.
 */
public final class ParquetShards {

  private ParquetShards() {}

  /** The Parquet shard written from the JSONL shard {@code jsonl}, or null when that file has none. */
  public static OutputShard of(OutputShard jsonl) {
    ParquetTable.Kind kind = ParquetTable.Kind.ofJsonl(jsonl.fileName());
    return kind == null ? null : new OutputShard(kind.fileName(), jsonl.index(), jsonl.count());
  }

  /**
   * Writes the Parquet shard of the JSONL shard {@code jsonl} (merged in {@code staging}) beside it.
   *
   * @param previous the previous run, whose Parquet shard is taken when its JSONL shard is this one; or null
   */
  public static FileSummary write(Location staging, FileSummary jsonl, int shards, ParquetTable.Codec codec,
      PreviousFiles previous) {
    OutputShard from = shardNamed(jsonl.file(), shards);
    OutputShard to = of(from);
    Location target = staging.resolve(to.name());
    try {
      Manifest.FileEntry before = previous == null ? null : previous.entries().get(from.name());
      Manifest.FileEntry reusable = previous == null ? null : previous.entries().get(to.name());
      if (previous != null && previous.reusable() && before != null && reusable != null
          && before.sha256().equals(jsonl.sha256())) {
        return previous.linkFileInto(staging, to);
      }
      com.google.common.hash.HashingOutputStream digest = Ids.sha256Of(target.create());
      com.google.common.io.CountingOutputStream counted = new com.google.common.io.CountingOutputStream(digest);
      long records;
      try (InputStream lines = staging.resolve(from.name()).open();
          OutputStream out = new BufferedOutputStream(counted, 1 << 16)) {
        records = ParquetTable.write(ParquetTable.Kind.ofJsonl(from.fileName()), lines, out, codec);
      }
      if (records != jsonl.records()) {
        throw new IllegalStateException(to.name() + " has " + records + " records, " + from.name() + " " + jsonl.records());
      }
      return new FileSummary(to.name(), records, counted.getCount(), digest.hash().toString(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Whether the file (or shard) named {@code name} is a JSONL file written as Parquet too. */
  public static boolean writtenFrom(String name, int shards) {
    return jsonlShard(name, shards) != null;
  }

  private static OutputShard shardNamed(String name, int shards) {
    OutputShard shard = jsonlShard(name, shards);
    if (shard == null) {
      throw new IllegalArgumentException(name + " is no JSONL file written as Parquet");
    }
    return shard;
  }

  private static OutputShard jsonlShard(String name, int shards) {
    for (ParquetTable.Kind kind : ParquetTable.Kind.values()) {
      for (OutputShard shard : OutputShard.all(kind.jsonlFile(), shards)) {
        if (shard.name().equals(name)) {
          return shard;
        }
      }
    }
    return null;
  }
}
