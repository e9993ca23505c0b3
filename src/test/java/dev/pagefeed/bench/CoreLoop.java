package dev.pagefeed.bench;

import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.model.Ids;
import dev.pagefeed.ingest.PageProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The pipeline's work without a pipeline: hash, decode, segment, extract and encode every page of a
 * folder ({@link PageProcessor}, as the pipeline calls it) in a plain loop on T threads, without
 * writing. The yardstick the pipeline runs are compared with.
 *
 * <pre>
 *   java -cp … dev.pagefeed.bench.CoreLoop corpus/ [threads] [read-only]
 * </pre>
 * Prints one line: {@code pages=N bytes=B cold_seconds=C seconds=S mb_per_s=R}: the first pass
 * (cold: JIT, tables) is a warm-up; the rate is the second's.
 */
public final class CoreLoop {

  private CoreLoop() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    boolean readOnly = args.length > 2 && args[2].equals("read-only");
    List<Path> files;
    try (Stream<Path> all = Files.list(dir)) {
      files = all.sorted().toList();
    }
    long cold = System.nanoTime();
    run(files, threads, readOnly); // warm-up: JIT, libphonenumber and place-name tables
    long start = System.nanoTime();
    long[] result = run(files, threads, readOnly);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("pages=%d bytes=%d cold_seconds=%.3f seconds=%.3f mb_per_s=%.2f%n", result[0], result[1],
        (start - cold) / 1e9, seconds, result[1] / 1e6 / seconds);
  }

  /** Processes every file; returns {pages, bytes}. */
  static long[] run(List<Path> files, int threads, boolean readOnly) throws Exception {
    AtomicLong pages = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong lines = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int shard = t;
        futures.add(pool.submit(() -> {
          PageProcessor processor = new PageProcessor(8L << 20, null, Duration.ofSeconds(60)); // the options' defaults
          RecordEncoder encoder = new RecordEncoder(false);
          for (int i = shard; i < files.size(); i += threads) {
            byte[] content = read(files.get(i));
            bytes.addAndGet(content.length);
            if (readOnly) {
              continue;
            }
            PageProcessor.Outcome outcome = processor.process(files.get(i).toString(), files.get(i).getFileName().toString(), content,
                Ids.sha256(content));
            lines.addAndGet(outcome.lines(encoder).size());
            if (outcome.page() != null) {
              pages.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    return new long[] {readOnly ? files.size() : pages.get(), bytes.get()};
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
