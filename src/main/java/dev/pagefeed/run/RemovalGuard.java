package dev.pagefeed.run;

import dev.pagefeed.model.ChangeKind;
import dev.pagefeed.parts.FileSummary;
import java.util.List;

/**
 * The guard against a night that would wipe the warehouse (rsync's {@code --max-delete}): a run
 * whose change feed removes more than a share of the previous run's pages is not committed. A
 * half-mounted crawl folder, a wrong {@code --input} or a changed option look like that; a crawl
 * that really shrank is let through by raising the share.
 */
public final class RemovalGuard {

  /** The share of the previous run's pages (percent) a run may remove by default. */
  public static final long DEFAULT_PERCENT = 50;

  /** How many of the pages it would remove the refusal names. */
  private static final int NAMED = 10;

  private RemovalGuard() {}

  /** A run that would remove too much: nothing is switched, the previous run stays current. */
  public static final class TooManyRemovals extends RunRefused {
    TooManyRemovals(String message) {
      super(message);
    }
  }

  /**
   * Checks a run's change feed against the pages of the run before it.
   *
   * @param previousPages how many pages the previous run has
   * @param summaries the run's files, changes.jsonl's shards among them (their tags count the changes by kind)
   * @param removed the first pages each shard of changes.jsonl removes, with their sources
   * @param maxPercent the share of the previous run's pages it may remove
   * @throws TooManyRemovals saying how many pages it would remove, which, and how to allow it
   */
  static void check(long previousPages, List<FileSummary> summaries, List<ChangeFeed.Removed> removed,
      long maxPercent) {
    long removing = 0;
    for (FileSummary summary : summaries) {
      if (summary.file().startsWith("changes") && summary.file().endsWith(".jsonl")) { // not changes.parquet
        removing += summary.tags().getOrDefault(ChangeKind.REMOVED.label(), 0L);
      }
    }
    if (previousPages == 0 || removing * 100L <= maxPercent * previousPages) {
      return;
    }
    List<ChangeFeed.Removed> first = removed.stream()
        .sorted(java.util.Comparator.comparing(ChangeFeed.Removed::pageId)).limit(NAMED).toList();
    StringBuilder named = new StringBuilder();
    for (ChangeFeed.Removed page : first) {
      named.append(named.length() == 0 ? "" : ", ").append(page.pageId()).append(" (")
          .append(page.source() == null ? "?" : page.source()).append(')');
    }
    throw new TooManyRemovals(String.format(
        "this run would remove %d of the previous run's %d pages (%d%%), more than --maxRemovedPercent=%d allows,"
            + " so it is not committed and the previous run stays current. It would remove %s%s. Check that"
            + " --input names the whole crawl and that it is all there; if the crawl really shrank, run again with"
            + " --maxRemovedPercent=100",
        removing, previousPages, removing * 100L / previousPages, maxPercent, named,
        removing > NAMED ? " and " + (removing - NAMED) + " more" : ""));
  }
}
