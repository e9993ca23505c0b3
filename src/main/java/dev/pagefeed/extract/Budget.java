package dev.pagefeed.extract;

import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.RejectedInputException;
import java.time.Duration;

/**
 * The time one page's extraction may take. Every extractor is linear in its text, so a page only
 * runs long when it is huge or hostile; past the budget it becomes an error record instead of a
 * stuck run. This is the one place extraction looks at a clock: within the budget, output does not
 * depend on time.
 */
public final class Budget {

  /** No limit, for ad-hoc text and tests. */
  public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, Duration.ZERO);

  private final long deadlineNanos;
  private final Duration allowed;

  private Budget(long deadlineNanos, Duration allowed) {
    this.deadlineNanos = deadlineNanos;
    this.allowed = allowed;
  }

  /** A budget of {@code allowed} starting now. */
  public static Budget startingNow(Duration allowed) {
    long now = System.nanoTime();
    long nanos = allowed.toNanos();
    return new Budget(Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos, allowed);
  }

  /** @throws RejectedInputException of type timeout once the budget is spent */
  public void check() throws RejectedInputException {
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() > deadlineNanos) {
      throw new RejectedInputException(ErrorType.TIMEOUT,
          "extraction took longer than " + allowed.toSeconds() + " s (raise it with --pageTimeoutSeconds)");
    }
  }
}
