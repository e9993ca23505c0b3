package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Files are read in groups of about 1,000 files or 4 MiB, at least one group, at most the cap; the
 * listing hands them on in batches of one group's files, each file once.
 */
class GroupFilesTest {

  /** What a listing handed on. */
  private static final class Handed implements DoFn.OutputReceiver<KV<Integer, List<GroupFiles.FileRef>>> {
    final List<KV<Integer, List<GroupFiles.FileRef>>> batches = new ArrayList<>();

    @Override
    public void output(KV<Integer, List<GroupFiles.FileRef>> batch) {
      batches.add(batch);
    }

    @Override
    public void outputWithTimestamp(KV<Integer, List<GroupFiles.FileRef>> batch, Instant timestamp) {
      throw new AssertionError("batches carry no timestamp");
    }

    @Override
    public void outputWindowedValue(KV<Integer, List<GroupFiles.FileRef>> batch, Instant timestamp,
        java.util.Collection<? extends BoundedWindow> windows, org.apache.beam.sdk.transforms.windowing.PaneInfo pane) {
      throw new AssertionError("batches carry no window");
    }
  }

  /** Lists {@code files} files into {@code groups} groups as the listing does; returns the batches. */
  private static List<KV<Integer, List<GroupFiles.FileRef>>> list(int files, int groups) {
    Handed handed = new Handed();
    GroupFiles.Batches batches = new GroupFiles.Batches(groups, handed);
    for (int i = 0; i < files; i++) {
      String path = "/crawl/" + i + ".html";
      batches.add(Math.floorMod(path.hashCode(), groups), new GroupFiles.FileRef(path, path, i + ".html", 400));
    }
    batches.handOnAll();
    return handed.batches;
  }

  @Test
  void everyFileIsHandedOnOnceInItsGroupsBatches() {
    for (int[] size : new int[][] {{0, 1}, {1, 1}, {255, 1}, {256, 1}, {257, 1}, {3000, 3}, {70_000, 4096}, {200_000, 7}}) {
      int files = size[0];
      int groups = size[1];
      List<KV<Integer, List<GroupFiles.FileRef>>> batches = list(files, groups);
      Map<Integer, List<String>> byGroup = new TreeMap<>();
      for (KV<Integer, List<GroupFiles.FileRef>> batch : batches) {
        assertTrue(!batch.getValue().isEmpty() && batch.getValue().size() <= GroupFiles.BATCH_FILES,
            "a batch of " + batch.getValue().size());
        for (GroupFiles.FileRef file : batch.getValue()) {
          assertEquals(Math.floorMod(file.path().hashCode(), groups), (int) batch.getKey(), file.path() + "'s group");
          byGroup.computeIfAbsent(batch.getKey(), g -> new ArrayList<>()).add(file.path());
        }
      }
      List<String> all = byGroup.values().stream().flatMap(List::stream).sorted().toList();
      assertEquals(files, all.size(), files + " files in " + groups + " groups");
      assertEquals(files, new java.util.HashSet<>(all).size(), "each file once");
      // Full batches, plus each group's unfinished one at the end and whenever the held files
      // reached their limit: far fewer elements than files, what the grouping is charged per element.
      int most = files / GroupFiles.BATCH_FILES + groups * (1 + files / GroupFiles.HELD_FILES);
      assertTrue(batches.size() <= most, batches.size() + " batches for " + files + " files in " + groups + " groups");
    }
  }

  @Test
  void aListingHoldsAtMostTheHeldFilesInItsBatches() {
    // 4,096 groups of up to 256 files could hold a million; the listing hands every batch on first.
    List<KV<Integer, List<GroupFiles.FileRef>>> batches = list(GroupFiles.HELD_FILES + 1, GroupFiles.MAX_GROUPS);
    int before = 0;
    for (KV<Integer, List<GroupFiles.FileRef>> batch : batches) {
      before += batch.getValue().size();
      if (before >= GroupFiles.HELD_FILES) {
        break;
      }
    }
    assertEquals(GroupFiles.HELD_FILES, before, "the batches handed on when the held files reached the limit");
  }

  private static final long KB = 1024;

  @Test
  void smallPagesAreGroupedByTheirCount() {
    assertEquals(10, GroupFiles.groupsFor(10_000, 10_000 * 400));
    assertEquals(11, GroupFiles.groupsFor(10_001, 10_001 * 400));
    assertEquals(100, GroupFiles.groupsFor(100_000, 100_000 * 400));
  }

  @Test
  void largePagesAreGroupedByTheirBytes() {
    // 10,000 pages of 13 KB (130 MB): 32 groups of about 4 MiB rather than 10 of 1,000 pages.
    assertEquals(32, GroupFiles.groupsFor(10_000, 10_000 * 13 * KB));
    // One WARC file of a GB is still one file: never more groups than files.
    assertEquals(1, GroupFiles.groupsFor(1, 1L << 30));
  }

  @Test
  void groupsAreAtLeastOneAndAtMostTheCap() {
    assertEquals(1, GroupFiles.groupsFor(0, 0));
    assertEquals(1, GroupFiles.groupsFor(3, 1200));
    assertEquals(GroupFiles.MAX_GROUPS, GroupFiles.groupsFor(10_000_000, 10_000_000 * 400));
  }
}
