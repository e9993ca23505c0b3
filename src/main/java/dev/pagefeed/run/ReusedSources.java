package dev.pagefeed.run;

import dev.pagefeed.files.Location;
import dev.pagefeed.model.SourceRef;
import dev.pagefeed.parts.BinaryFiles;
import dev.pagefeed.parts.RecordIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The files an incremental run found unchanged, whose previous records it keeps: each group of
 * files that read them writes their paths' {@link SourceRef#hash hashes} into a small table in the
 * staging folder ({@code reused/<uuid>}), and only the table's name travels through the pipeline;
 * the steps that keep previous records read every table once. (Paths sent as elements would be
 * copied again into a side input's state with every bundle that adds to it: on the DirectRunner,
 * time quadratic in the number of groups.)
 */
public final class ReusedSources {

  /** The staging folder's sub-folder of tables. */
  public static final String FOLDER = "reused";

  private ReusedSources() {}

  /**
   * Writes the hashes of {@code paths} as a table.
   *
   * @return the table's name, for {@link #read}
   */
  public static String write(Location staging, Collection<String> paths) {
    String name = UUID.randomUUID().toString();
    Location table = staging.resolve(FOLDER).resolve(name);
    try {
      BinaryFiles.writeLongs(table, paths.stream().mapToLong(SourceRef::hash).toArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the table of reused files " + table, e);
    }
    return name;
  }

  /** The sorted hashes of every reused file, from the tables {@code names}. */
  public static long[] read(Location staging, Iterable<String> names) {
    List<long[]> tables = new ArrayList<>();
    for (String name : names) {
      Location table = staging.resolve(FOLDER).resolve(name);
      try {
        tables.add(BinaryFiles.readLongs(table));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the table of reused files " + table, e);
      }
    }
    long[] all = tables.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }

  /** Which previous records a run keeps: those of its reused files ({@code reused} sorted, from {@link #read}). */
  public static RecordIndex.Keep keep(long[] reused) {
    return (path, source) -> Arrays.binarySearch(reused, path) >= 0;
  }
}
