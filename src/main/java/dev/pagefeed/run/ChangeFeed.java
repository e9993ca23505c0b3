package dev.pagefeed.run;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.parts.FileSummary;

import dev.pagefeed.model.ChangeKind;
import dev.pagefeed.model.PageChange;
import dev.pagefeed.model.SourceRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import dev.pagefeed.files.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * changes.jsonl: the pages added, updated or removed between two runs. A page is updated when any
 * of its records changed: its content (content hash), the file it came from (path or bytes,
 * which pages.jsonl and pages.csv record; a file re-saved in another encoding updates its page
 * with the same content hash), or its {@code duplicate_of} (a copy of it appeared or went away).
 */
public final class ChangeFeed {

  private ChangeFeed() {}

  /**
   * The changes from the pages of {@code before} to those of {@code after}, in page id order. A
   * page id given by several files (copies of one page) is updated when any of them changed, was
   * added or removed; its line carries the content hash of its first file by path.
   */
  public static List<PageChange> between(Collection<SourceRecord> before, Collection<SourceRecord> after,
      String runId) {
    return between(before, after, runId, PageIdentities.duplicates(before), PageIdentities.duplicates(after));
  }

  /**
   * The same, with each run's {@link PageIdentities#duplicates} already known (the commit has
   * them).
   */
  public static List<PageChange> between(Collection<SourceRecord> before, Collection<SourceRecord> after,
      String runId, Map<String, String> duplicatesBefore, Map<String, String> duplicatesAfter) {
    Map<String, TreeMap<String, SourceRecord>> was = filesByPage(before);
    Map<String, TreeMap<String, SourceRecord>> is = filesByPage(after);
    TreeSet<String> pageIds = new TreeSet<>(was.keySet());
    pageIds.addAll(is.keySet());
    List<PageChange> changes = new ArrayList<>();
    for (String pageId : pageIds) {
      TreeMap<String, SourceRecord> old = was.get(pageId);
      TreeMap<String, SourceRecord> now = is.get(pageId);
      if (old == null) {
        changes.add(new PageChange(pageId, ChangeKind.ADDED, now.firstEntry().getValue().contentHash(), runId));
      } else if (now == null) {
        changes.add(new PageChange(pageId, ChangeKind.REMOVED, old.firstEntry().getValue().contentHash(), runId));
      } else if (!old.equals(now) || PageIdentities.duplicateChanged(pageId, duplicatesBefore, duplicatesAfter)) {
        changes.add(new PageChange(pageId, ChangeKind.UPDATED, now.firstEntry().getValue().contentHash(), runId));
      }
    }
    return changes;
  }

  /**
   * Writes the changes as {@code staging/changes.jsonl} (or its shards, each change in its page id's
   * shard); tags count them by kind (all kinds, zeros too, on the first shard).
   */
  public static List<FileSummary> write(Location staging, List<PageChange> changes, int shards) {
    List<List<PageChange>> byShard = new java.util.ArrayList<>();
    for (int i = 0; i < shards; i++) {
      byShard.add(new java.util.ArrayList<>());
    }
    for (PageChange change : changes) {
      byShard.get(OutputShard.numberOf(change.pageId(), shards)).add(change);
    }
    List<FileSummary> summaries = new java.util.ArrayList<>();
    for (OutputShard shard : OutputShard.all(OutputFile.CHANGES, shards)) {
      summaries.add(write(staging, shard, byShard.get(shard.index())));
    }
    return summaries;
  }

  private static FileSummary write(Location staging, OutputShard shard, List<PageChange> changes) {
    Map<String, Long> byKind = new TreeMap<>();
    if (shard.index() == 0) {
      for (ChangeKind kind : ChangeKind.values()) {
        byKind.put(kind.label(), 0L);
      }
    }
    Location target = staging.resolve(shard.name());
    try {
      com.google.common.hash.HashingOutputStream digest = dev.pagefeed.model.Ids.sha256Of(target.create());
      com.google.common.io.CountingOutputStream counted = new com.google.common.io.CountingOutputStream(digest);
      try (Writer out = new BufferedWriter(new java.io.OutputStreamWriter(counted, StandardCharsets.UTF_8))) {
        for (PageChange change : changes) {
          out.write(Json.line(change));
          out.write('\n');
          byKind.merge(change.change().label(), 1L, Long::sum);
        }
      }
      return new FileSummary(shard.name(), changes.size(), counted.getCount(), digest.hash().toString(), byKind);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Page id → its files by path (records compare by every field: hash, bytes, content hash). */
  private static Map<String, TreeMap<String, SourceRecord>> filesByPage(Collection<SourceRecord> sources) {
    Map<String, TreeMap<String, SourceRecord>> byPage = new java.util.HashMap<>();
    for (SourceRecord source : sources) {
      if (source.pageId() != null) {
        byPage.computeIfAbsent(source.pageId(), id -> new TreeMap<>()).put(source.path(), source);
      }
    }
    return byPage;
  }
}
