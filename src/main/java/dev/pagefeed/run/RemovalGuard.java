package dev.pagefeed.run;

import dev.pagefeed.model.ChangeKind;
import dev.pagefeed.model.PageChange;
import dev.pagefeed.model.SourceRecord;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * Checks the change feed of a run against the pages of the run before it.
   *
   * @param before the previous run's sources
   * @param changes this run's change feed
   * @param maxPercent the share of the previous run's pages it may remove
   * @throws TooManyRemovals saying how many pages it would remove, which, and how to allow it
   */
  static void check(List<SourceRecord> before, List<PageChange> changes, long maxPercent) {
    Map<String, String> pathOf = new HashMap<>();
    Set<String> pages = new HashSet<>();
    for (SourceRecord source : before) {
      if (source.pageId() != null && source.errorType() == null) {
        pages.add(source.pageId());
        pathOf.putIfAbsent(source.pageId(), source.id());
      }
    }
    List<PageChange> removed = changes.stream().filter(c -> c.change() == ChangeKind.REMOVED).toList();
    if (pages.isEmpty() || removed.size() * 100L <= maxPercent * pages.size()) {
      return;
    }
    StringBuilder named = new StringBuilder();
    for (PageChange page : removed.subList(0, Math.min(NAMED, removed.size()))) {
      named.append(named.length() == 0 ? "" : ", ").append(page.pageId()).append(" (")
          .append(pathOf.getOrDefault(page.pageId(), "?")).append(')');
    }
    throw new TooManyRemovals(String.format(
        "this run would remove %d of the previous run's %d pages (%d%%), more than --maxRemovedPercent=%d allows,"
            + " so it is not committed and the previous run stays current. It would remove %s%s. Check that"
            + " --input names the whole crawl and that it is all there; if the crawl really shrank, run again with"
            + " --maxRemovedPercent=100",
        removed.size(), pages.size(), removed.size() * 100L / pages.size(), maxPercent, named,
        removed.size() > NAMED ? " and " + (removed.size() - NAMED) + " more" : ""));
  }
}
