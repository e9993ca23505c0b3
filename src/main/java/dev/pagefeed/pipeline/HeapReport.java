package dev.pagefeed.pipeline;

/**
 * The driver's live heap, what it holds for the run, measured after a full collection: with
 * {@code -Dpagefeed.reportHeap=true} (bench/scale.sh) at the commit, and with
 * {@code -Dpagefeed.sampleHeap=true} as well (bench/flink-cluster.sh; it costs a full collection every
 * {@link #EVERY_MILLIS} ms, so not for timed runs) its peak while the run goes on. A peak read off
 * the collector's log after young collections counts garbage the old generation has not let go of
 * yet, and grows with a run's length alone; this one does not.
 */
final class HeapReport {

  static final long EVERY_MILLIS = 2000;

  private static volatile double peak;

  private HeapReport() {}

  static boolean enabled() {
    return Boolean.getBoolean("pagefeed.reportHeap");
  }

  /** Starts sampling the live heap (a daemon thread), when asked to. */
  static void start() {
    if (!Boolean.getBoolean("pagefeed.sampleHeap")) {
      return;
    }
    Thread sampler = new Thread(() -> {
      try {
        while (true) {
          live();
          Thread.sleep(EVERY_MILLIS);
        }
      } catch (InterruptedException stopped) {
        // the JVM is ending
      }
    }, "pagefeed-heap");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The live heap in MB now, after a full collection; also counted towards the peak. */
  static double live() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    double used = (runtime.totalMemory() - runtime.freeMemory()) / 1e6;
    synchronized (HeapReport.class) {
      peak = Math.max(peak, used);
    }
    return used;
  }

  /** Prints the live heap at the commit and the peak so far, when enabled. */
  static void atCommit() {
    if (enabled()) {
      double now = live();
      System.err.printf("pagefeed: live heap at the commit %.1f MB%s%n", now, !Boolean.getBoolean("pagefeed.sampleHeap")
          ? "" : String.format(", peak live heap %.1f MB (sampled every %d s)", peak, EVERY_MILLIS / 1000));
    }
  }
}
