package dev.pagefeed.run;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.ChangeKind;
import dev.pagefeed.model.PageChange;
import dev.pagefeed.parts.BinaryFiles;
import dev.pagefeed.parts.FileSummary;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * changes.jsonl: the pages added, updated or removed between two runs, one shard at a time. A page
 * is updated when any of its records changed: its content (content hash), the file it came from
 * (path or bytes, which pages.jsonl and pages.csv record; a file re-saved in another encoding
 * updates its page with the same content hash), or its {@code duplicate_of} (a copy of it appeared
 * or went away). Each page id has one source in each run (the one that holds it), so a page is
 * compared by the line of that source.
 */
public final class ChangeFeed {

  private ChangeFeed() {}

  /**
   * One of the pages a run would remove, for the refusal's message.
   *
   * @param pageId its id
   * @param source the previous run's source of it
   */
  public record Removed(String pageId, String source) implements java.io.Serializable {}

  /**
   * What one shard of changes.jsonl holds.
   *
   * @param file its summary (tags: the changes by kind)
   * @param removed the first of the pages it removes, in page id order (at most {@link #NAMED})
   */
  public record Shard(FileSummary file, List<Removed> removed) {}

  /** How many of a shard's removed pages it names. */
  public static final int NAMED = 10;

  /**
   * Writes one shard of changes.jsonl from the shard's table of page holders ({@link ShardSources})
   * and its pages' {@code duplicate_of}, in page id order. Holds about fifty bytes per page of the
   * shard.
   */
  public static Shard writeShard(Location staging, OutputShard shard, ShardSources.Decision decision,
      DuplicatePages.Copies copies, String runId) {
    PageKeys.Rows before = new PageKeys.Rows(7);
    PageKeys.Rows after = new PageKeys.Rows(7);
    Location table = new Location(decision.holders());
    readHolders(table, (side, in) -> {
      PageKeys.Rows rows = side == ShardSources.BEFORE ? before : after;
      int at = rows.add();
      rows.values[at] = in.readLong();
      rows.values[at + 1] = in.readLong();
      rows.values[at + 2] = in.readInt();
      for (int i = 3; i < 7; i++) {
        rows.values[at + i] = in.readLong();
      }
      in.readString();
    });
    int[] was = before.order(1);
    int[] is = after.order(1);
    java.util.Set<Long> removed = new java.util.LinkedHashSet<>();
    FileSummary file = write(staging, shard, changes -> {
      int i = 0;
      int j = 0;
      while (i < was.length || j < is.length) {
        int by = i == was.length ? 1 : j == is.length ? -1
            : Long.compareUnsigned(before.get(was[i], 0), after.get(is[j], 0));
        if (by < 0) {
          long page = before.get(was[i], 0);
          changes.accept(change(page, ChangeKind.REMOVED, before, was[i], runId));
          if (removed.size() < NAMED) {
            removed.add(page);
          }
          i++;
        } else if (by > 0) {
          changes.accept(change(after.get(is[j], 0), ChangeKind.ADDED, after, is[j], runId));
          j++;
        } else {
          long page = after.get(is[j], 0);
          if (before.get(was[i], 1) != after.get(is[j], 1) || copies.changed(page)) {
            changes.accept(change(page, ChangeKind.UPDATED, after, is[j], runId));
          }
          i++;
          j++;
        }
      }
    });
    List<Removed> named = new ArrayList<>();
    if (!removed.isEmpty()) {
      Map<Long, String> sources = new java.util.HashMap<>();
      readHolders(table, (side, in) -> {
        long page = in.readLong();
        in.readLong();
        in.readInt();
        for (int k = 0; k < 4; k++) {
          in.readLong();
        }
        String source = in.readString();
        if (side == ShardSources.BEFORE && removed.contains(page)) {
          sources.put(page, source);
        }
      });
      removed.forEach(page -> named.add(new Removed(PageKeys.pageIdText(page), sources.get(page))));
    }
    CommitStep.CHANGES_WRITTEN.reached();
    return new Shard(file, named);
  }

  /** The rest of a holders row, read after its side. */
  private interface Row {
    void read(int side, BinaryFiles.Input in) throws IOException;
  }

  private static void readHolders(Location table, Row row) {
    try (BinaryFiles.Input in = BinaryFiles.in(table)) {
      while (!in.atEnd()) {
        row.read(in.readInt(), in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + table, e);
    }
  }

  private static PageChange change(long page, ChangeKind kind, PageKeys.Rows rows, int row, String runId) {
    String contentHash = rows.get(row, 2) == 0 ? null : PageKeys.contentHashText(rows.values, row * rows.width + 3);
    return new PageChange(PageKeys.pageIdText(page), kind, contentHash, runId);
  }

  /** Writes {@code changes} (in page id order) as {@code shard} of changes.jsonl. */
  public static FileSummary write(Location staging, OutputShard shard, List<PageChange> changes) {
    return write(staging, shard, each -> changes.forEach(each));
  }

  /**
   * Writes the changes {@code changes} gives, one at a time in page id order, as {@code shard} of
   * changes.jsonl; tags count them by kind (all kinds, zeros too, on the first shard).
   */
  static FileSummary write(Location staging, OutputShard shard, Consumer<Consumer<PageChange>> changes) {
    Map<String, Long> byKind = new TreeMap<>();
    if (shard.index() == 0) {
      for (ChangeKind kind : ChangeKind.values()) {
        byKind.put(kind.label(), 0L);
      }
    }
    Location target = staging.resolve(shard.name());
    long[] count = new long[1];
    try {
      com.google.common.hash.HashingOutputStream digest = dev.pagefeed.model.Ids.sha256Of(target.create());
      com.google.common.io.CountingOutputStream counted = new com.google.common.io.CountingOutputStream(digest);
      try (Writer out = new BufferedWriter(new java.io.OutputStreamWriter(counted, StandardCharsets.UTF_8))) {
        changes.accept(change -> {
          try {
            out.write(Json.line(change));
            out.write('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          byKind.merge(change.change().label(), 1L, Long::sum);
          count[0]++;
        });
      }
      return new FileSummary(shard.name(), count[0], counted.getCount(), digest.hash().toString(), byKind);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write " + target, e.getCause());
    }
  }
}
