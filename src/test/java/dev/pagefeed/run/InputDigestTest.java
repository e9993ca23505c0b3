package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input digest is a sum: shards add up in any order, and the manifest's form reads back as the sum. */
class InputDigestTest {

  private static final String[][] FILES = {
    {"crawl/a.txt", "10", "aa"}, {"crawl/b.txt", "10", "bb"}, {"crawl/deep/c.txt", "7", "cc"}, {"d.warc.gz", "99", "dd"}};

  @Test
  void shardsSummedInAnyOrderGiveTheWholeDigest() {
    InputDigest.Sum whole = new InputDigest.Sum();
    for (String[] file : FILES) {
      whole.add(file[0], Long.parseLong(file[1]), file[2]);
    }
    for (int[] split : new int[][] {{0, 1, 0, 1}, {1, 1, 0, 0}, {2, 0, 1, 2}}) {
      Map<Integer, InputDigest.Sum> shards = new HashMap<>();
      for (int i = 0; i < FILES.length; i++) {
        shards.computeIfAbsent(split[i], s -> new InputDigest.Sum()).add(FILES[i][0], Long.parseLong(FILES[i][1]), FILES[i][2]);
      }
      Map<String, Long> tags = new HashMap<>();
      shards.values().forEach(shard -> shard.tags().forEach((tag, n) -> tags.merge(tag, n, Long::sum)));
      assertEquals(whole.digest(), InputDigest.of(tags));
    }
    assertEquals(whole.digest(), InputDigest.of(whole.digest().tags()), "the manifest's form reads back as its sum");
  }

  @Test
  void aListingMatchesOnPathsAndSizesAndTheContentOnHashesToo() {
    InputDigest.Sum read = new InputDigest.Sum();
    InputDigest.Sum listed = new InputDigest.Sum();
    for (String[] file : FILES) {
      read.add(file[0], Long.parseLong(file[1]), file[2]);
      listed.add(file[0], Long.parseLong(file[1]), null);
    }
    InputDigest before = read.digest();
    assertEquals(0, before.unhashed());
    assertTrue(listed.sameListing(before));
    assertFalse(listed.sameContent(before), "a listing knows no contents");
    InputDigest.Sum swapped = sum(new String[][] {
      {"crawl/a.txt", "10", "bb"}, {"crawl/b.txt", "10", "aa"}, {"crawl/deep/c.txt", "7", "cc"}, {"d.warc.gz", "99", "dd"}});
    assertTrue(swapped.sameListing(before));
    assertFalse(swapped.sameContent(before), "two files that swapped their contents");
    InputDigest.Sum moved = sum(new String[][] {
      {"crawl/a.txt", "10", "aa"}, {"crawl/b.txt", "10", "bb"}, {"crawl/c.txt", "7", "cc"}, {"d.warc.gz", "99", "dd"}});
    assertFalse(moved.sameListing(before), "a file moved to another folder");
    assertEquals(4, listed.digest().unhashed());
  }

  private static InputDigest.Sum sum(String[][] files) {
    InputDigest.Sum sum = new InputDigest.Sum();
    for (String[] file : files) {
      sum.add(file[0], Long.parseLong(file[1]), file[2]);
    }
    return sum;
  }
}
