package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Files are read in groups of about 1,000 files or 4 MiB, at least one group, at most the cap. */
class GroupFilesTest {

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
