package dev.pagefeed.pipeline;

import java.io.Serializable;

/**
 * Which share of the read groups one pipeline run processes. The DirectRunner holds each step's
 * whole output in memory before the next step runs (it has no back-pressure), so a large corpus is
 * processed as several runs over disjoint shares of the groups, each writing its sorted parts; the
 * last run commits every part at once. Other runners process the corpus in one run.
 *
 * @param index this run's share, from 0
 * @param count how many shares the groups are split into
 */
public record Chunk(int index, int count) implements Serializable {

  /** The whole corpus in one run. */
  public static final Chunk WHOLE = new Chunk(0, 1);

  public Chunk {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("chunk " + index + " of " + count);
    }
  }

  /** Whether a read group belongs to this share. */
  boolean holds(int group) {
    return group % count == index;
  }

  /** Whether this run is the last, which commits. */
  boolean last() {
    return index == count - 1;
  }

  /**
   * How many runs {@code files} files take: on the DirectRunner, one per {@code filesPerShare}
   * files (see {@code --directFilesPerShare}); on other runners one.
   */
  static int countFor(String runner, long files, long filesPerShare) {
    return runner.equals("DirectRunner") ? (int) Math.max(1, (files + filesPerShare - 1) / Math.max(1, filesPerShare)) : 1;
  }
}
