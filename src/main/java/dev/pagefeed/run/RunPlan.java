package dev.pagefeed.run;

import dev.pagefeed.files.Location;
import java.util.Optional;
import java.util.UUID;

/**
 * One run, decided once by the driver before anything is read, and passed down: where it writes,
 * what it was asked, which run was current when it started, and whether that run's records may be
 * reused, with the reason when they may not. Nothing else looks at the previous run's options.
 *
 * @param output the output folder
 * @param staging this run's own folder, where everything is written before the commit
 * @param options what the run was asked to do (the manifest records them)
 * @param previous the run that was current when this one started (what changes.jsonl is relative
 *     to), or null
 * @param refusal why an incremental run reuses nothing, or null (always null in a full run)
 */
public record RunPlan(Location output, Location staging, Manifest.RunOptions options, PreviousRun previous,
    String refusal) {

  /** Plans a run into {@code output} with {@code options}: reads which run is current there. */
  public static RunPlan of(Location output, Manifest.RunOptions options) {
    Location staging = OutputCommitter.stagingFor(output, "run-" + UUID.randomUUID());
    PreviousRun previous = PreviousRun.in(output).orElse(null);
    String refusal = null;
    if (options.incremental()) {
      refusal = previous == null ? "there is no previous run in " + output
          : previous.reuseRefusal(options.shape()).orElse(null);
    }
    return new RunPlan(output, staging, options, previous, refusal);
  }

  /** The previous run whose records of unchanged files this run reuses, if it may reuse any. */
  public Optional<PreviousRun> reusable() {
    return options.incremental() && refusal == null ? Optional.ofNullable(previous) : Optional.empty();
  }
}
