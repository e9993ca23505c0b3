package dev.pagefeed.pipeline;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pages done, for the progress line of long runs. A light in-process reporter: it counts what the
 * DoFns of this JVM finish, which is every page on the DirectRunner and on an embedded Flink
 * cluster; on a remote cluster the runner's own UI shows progress.
 */
final class Progress {

  private static final AtomicLong DONE = new AtomicLong();

  /** How often a progress line is printed. */
  static final long EVERY_MILLIS = 5_000;

  private Progress() {}

  /** One input finished, as a page or as an error. */
  static void pageDone() {
    DONE.incrementAndGet();
  }

  /**
   * Starts a daemon thread printing "pages done / total, rate, ETA" every few seconds.
   *
   * @return the thread, to interrupt when the run ends
   */
  static Thread report(long total, PrintStream out) {
    DONE.set(0);
    long started = System.nanoTime();
    Thread reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(EVERY_MILLIS);
          long done = DONE.get();
          double seconds = (System.nanoTime() - started) / 1e9;
          double rate = done / seconds;
          String eta = rate > 0 && done < total ? String.format(", ETA %.0f s", (total - done) / rate) : "";
          out.printf("pagefeed: %d/%d pages, %.1f pages/s%s%n", done, total, rate, eta);
        }
      } catch (InterruptedException finished) {
        // the run ended
      }
    }, "pagefeed-progress");
    reporter.setDaemon(true);
    reporter.start();
    return reporter;
  }
}
