package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** How the DirectRunner's input is shared out over runs. */
class ShareTest {

  private static final long GIB = 1L << 30;

  @Test
  void directRunnerSharesByTheOptionOrByTheHeap() {
    assertEquals(10, Share.countFor("DirectRunner", 100_000, 10_000, 6 * GIB));
    assertEquals(1, Share.countFor("DirectRunner", 10_000, 0, 6 * GIB));
    // 1.5 GiB holds about 10,700 files: 100,000 take 10 runs.
    assertEquals(10, Share.countFor("DirectRunner", 100_000, 0, 3 * GIB / 2));
    // A tiny heap still takes shares of the minimum size.
    assertEquals(50, Share.countFor("DirectRunner", 100_000, 0, 64L << 20));
    assertEquals(1, Share.countFor("FlinkRunner", 1_000_000, 10, 64L << 20));
  }

  @Test
  void sharesSplitTheGroupsWithoutOverlap() {
    int groups = 37;
    int[] holders = new int[groups];
    for (int index = 0; index < 4; index++) {
      Share share = new Share(index, 4);
      for (int group = 0; group < groups; group++) {
        holders[group] += share.holds(group) ? 1 : 0;
      }
    }
    for (int count : holders) {
      assertEquals(1, count);
    }
    assertThrows(IllegalArgumentException.class, () -> new Share(4, 4));
  }
}
