package dev.pagefeed.pipeline;

import java.io.PrintStream;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/**
 * The progress line of long runs, from the run's Beam metrics: the driver polls the
 * {@link PipelineResult} for the files and pages the workers have done ({@code ProcessPages}' counters), so
 * it counts pages processed in other JVMs too, as on a Flink session cluster. The runner must hand
 * the result back before the run ends: pagefeed asks the DirectRunner not to block and Flink on a
 * session cluster to run detached (see {@code PagefeedPipeline.withRunDefaults}); an embedded Flink
 * cluster blocks until the end, and meanwhile the line says how long the run has gone on.
 */
final class Progress {

  /** How often a progress line is printed. */
  static final long EVERY_MILLIS = 5_000;

  private Progress() {}

  /**
   * Waits for the run to end, printing "files done / total, pages, rate, ETA" every few seconds to
   * {@code out} (none when null), and the final count when the run is done.
   *
   * @return the state the run ended in
   */
  static PipelineResult.State follow(PipelineResult result, long total, PrintStream out) {
    long started = System.nanoTime();
    String printed = null;
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(Duration.millis(EVERY_MILLIS));
      if (state == null) {
        state = result.getState();
      }
      boolean over = state != null && state.isTerminal();
      if (out != null && (!over || state == PipelineResult.State.DONE)) {
        String line = line(counter(result, ProcessPages.FILES_DONE), counter(result, "pages"), total,
            (System.nanoTime() - started) / 1e9);
        if (!over || !sameCount(line, printed)) { // the last count once, not again when nothing moved
          out.println(line);
          printed = line;
        }
      }
      if (over) {
        return state;
      }
    }
  }

  /** Whether two progress lines give the same counts (their rates differ with the time). */
  private static boolean sameCount(String line, String other) {
    return other != null && counts(line).equals(counts(other));
  }

  private static String counts(String line) {
    int rate = line.indexOf(" pages,");
    return rate < 0 ? line : line.substring(0, rate);
  }

  /**
   * While a runner that blocks in {@code run()} (an embedded Flink cluster) has not handed back its
   * result, prints how long the run has gone on every few seconds, from a daemon thread.
   *
   * @return the thread, to interrupt when {@code run()} returns
   */
  static Thread whileBlocked(long total, PrintStream out) {
    long started = System.nanoTime();
    Thread reporter = new Thread(() -> {
      try {
        while (out != null) {
          Thread.sleep(EVERY_MILLIS);
          out.println(line(-1, -1, total, (System.nanoTime() - started) / 1e9));
        }
      } catch (InterruptedException returned) {
        // run() returned: follow() reports from here on
      }
    }, "pagefeed-progress");
    reporter.setDaemon(true);
    reporter.start();
    return reporter;
  }

  /**
   * "pagefeed: done/total files, pages, pages/s, ETA" (a file is a page, or a WARC file of many);
   * done is -1 when the runner reports no metrics yet. The ETA is by files.
   */
  static String line(long done, long pages, long total, double seconds) {
    if (done < 0) {
      return String.format("pagefeed: running for %.0f s (%d files; the runner reports no count while it runs)",
          seconds, total);
    }
    double fileRate = done / Math.max(seconds, 1e-9);
    String eta = fileRate > 0 && done < total ? String.format(", ETA %.0f s", (total - done) / fileRate) : "";
    return String.format("pagefeed: %d/%d files, %s, %.1f pages/s%s", done, total,
        PagefeedPipeline.count(Math.max(pages, 0), "page"), Math.max(pages, 0) / Math.max(seconds, 1e-9), eta);
  }

  /** A counter of ProcessPages so far, summed over the workers' attempts; -1 when the runner has no metrics to give. */
  static long counter(PipelineResult result, String name) {
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.named(ProcessPages.class, name)).build());
      long done = 0;
      boolean any = false;
      for (MetricResult<Long> counter : metrics.getCounters()) {
        Long attempted = counter.getAttempted();
        if (attempted != null) {
          done += attempted;
          any = true;
        }
      }
      return any ? done : -1;
    } catch (RuntimeException noMetrics) {
      return -1; // a runner whose result cannot give metrics while it runs
    }
  }
}
