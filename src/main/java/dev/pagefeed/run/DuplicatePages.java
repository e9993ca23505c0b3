package dev.pagefeed.run;

import dev.pagefeed.files.Location;
import dev.pagefeed.parts.BinaryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The commit's grouping by content hash, for one shard of content hashes: pages with the same
 * content hash are all kept, and each but the first in page id order carries
 * {@code duplicate_of}, the id of that first one. Pages of one content lie in different page
 * shards, so {@link ShardSources} sends each page's content hash to the shard of its hash; here
 * the rows of a content shard are sorted by hash and page id, and each group of equal hashes gives
 * its copies' {@code duplicate_of}, for the previous run's pages and for this run's. They go back to
 * the page shards as small tables ({@link Copies}), one per page shard that has any.
 */
public final class DuplicatePages {

  private DuplicatePages() {}

  /**
   * The {@code duplicate_of} of the pages of one page shard that have one, before and after.
   *
   * @param before page id → duplicate_of in the previous run
   * @param after page id → duplicate_of in this run
   */
  public record Copies(Map<Long, Long> before, Map<Long, Long> after) {

    static final Copies NONE = new Copies(Map.of(), Map.of());

    /** This run's {@code duplicate_of} of {@code pageId}, or null. */
    public String now(String pageId) {
      Long first = after.get(PageKeys.pageId(pageId));
      return first == null ? null : PageKeys.pageIdText(first);
    }

    /** The previous run's {@code duplicate_of} of {@code pageId}, or null. */
    public String was(String pageId) {
      Long first = before.get(PageKeys.pageId(pageId));
      return first == null ? null : PageKeys.pageIdText(first);
    }

    /** Whether a page's {@code duplicate_of} differs between the runs. */
    public boolean changed(long pageId) {
      return !java.util.Objects.equals(before.get(pageId), after.get(pageId));
    }

    /** Whether any page's {@code duplicate_of} differs between the runs. */
    public boolean anyChanged() {
      return !before.equals(after);
    }

    /** The copies the tables {@code files} (of one page shard) list. */
    public static Copies read(Iterable<String> files) {
      Map<Long, Long> before = new HashMap<>();
      Map<Long, Long> after = new HashMap<>();
      for (String name : files) {
        Location file = new Location(name);
        try (BinaryFiles.Input in = BinaryFiles.in(file)) {
          while (!in.atEnd()) {
            int side = in.readInt();
            long page = in.readLong();
            long first = in.readLong();
            (side == ShardSources.BEFORE ? before : after).put(page, first);
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
      return new Copies(before, after);
    }
  }

  /**
   * What one content shard gave.
   *
   * @param copies per page shard with copies, the file of its table
   * @param duplicates how many of this run's pages carry {@code duplicate_of}
   */
  public record Outcome(Map<Integer, String> copies, long duplicates) {}

  /** Writes one page shard's rows for a content shard: side, four numbers of the content hash, page id. */
  static void writeRows(Location file, PageKeys.Rows rows) {
    try (BinaryFiles.Output out = BinaryFiles.out(file)) {
      out.writeInt(rows.rows);
      for (int i = 0; i < rows.rows * rows.width; i++) {
        out.writeLong(rows.values[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Groups the rows of one content shard (the files the page shards wrote for it) by content hash.
   *
   * @param pageShards how many page shards there are
   */
  public static Outcome find(Location staging, Iterable<String> rowFiles, int pageShards) {
    PageKeys.Rows rows = new PageKeys.Rows(6);
    for (String name : rowFiles) {
      Location file = new Location(name);
      try (BinaryFiles.Input in = BinaryFiles.in(file)) {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
          int at = rows.add();
          for (int c = 0; c < 6; c++) {
            rows.values[at + c] = in.readLong();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    // By side, content hash and page id: each group of one side and hash starts with its first page.
    int[] order = rows.order(6);
    Map<Integer, PageKeys.Rows> copies = new TreeMap<>();
    long duplicates = 0;
    for (int i = 0, start = 0; i < order.length; i++) {
      if (!sameGroup(rows, order[start], order[i])) {
        start = i;
      }
      long page = rows.get(order[i], 5);
      long first = rows.get(order[start], 5);
      if (page == first) {
        continue; // the first of its group (or the same page given twice)
      }
      int side = (int) rows.get(order[i], 0);
      duplicates += side == ShardSources.AFTER ? 1 : 0;
      PageKeys.Rows table = copies.computeIfAbsent(
          dev.pagefeed.encode.OutputShard.numberOf(PageKeys.pageIdText(page), pageShards), s -> new PageKeys.Rows(3));
      int at = table.add();
      table.values[at] = side;
      table.values[at + 1] = page;
      table.values[at + 2] = first;
    }
    Map<Integer, String> files = new TreeMap<>();
    Location folder = staging.resolve(ShardSources.DECISIONS).resolve(UUID.randomUUID().toString());
    copies.forEach((shard, table) -> {
      Location file = folder.resolve("copies-" + shard);
      try (BinaryFiles.Output out = BinaryFiles.out(file)) {
        for (int i = 0; i < table.rows; i++) {
          out.writeInt((int) table.get(i, 0));
          out.writeLong(table.get(i, 1));
          out.writeLong(table.get(i, 2));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
      files.put(shard, file.toString());
    });
    return new Outcome(files, duplicates);
  }

  private static boolean sameGroup(PageKeys.Rows rows, int a, int b) {
    for (int c = 0; c < 5; c++) {
      if (rows.get(a, c) != rows.get(b, c)) {
        return false;
      }
    }
    return true;
  }

  /** No copies in a shard that has none. */
  static Copies none() {
    return Copies.NONE;
  }

  /** The tables of a page shard, read (an empty list: no copies). */
  public static Copies copiesOf(List<String> files) {
    return files.isEmpty() ? Copies.NONE : Copies.read(files);
  }
}
