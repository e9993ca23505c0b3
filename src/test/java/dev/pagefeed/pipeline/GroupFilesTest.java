package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Files are read in groups of about 250, at least one group, at most the cap. */
class GroupFilesTest {

  @Test
  void groupsHoldAboutTheirShareOfFiles() {
    assertEquals(40, GroupFiles.groupsFor(10_000));
    assertEquals(41, GroupFiles.groupsFor(10_001));
    assertEquals(400, GroupFiles.groupsFor(100_000));
  }

  @Test
  void groupsAreAtLeastOneAndAtMostTheCap() {
    assertEquals(1, GroupFiles.groupsFor(0));
    assertEquals(1, GroupFiles.groupsFor(3));
    assertEquals(GroupFiles.MAX_GROUPS, GroupFiles.groupsFor(10_000_000));
  }
}
