package dev.pagefeed.run;

import dev.pagefeed.files.Location;
import dev.pagefeed.encode.OutputFile;
import java.util.List;
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
 * @param current the folder of the run that was current when this one started, or null; the
 *     commit switches only if it still is
 * @param previous that run, when it can be built on (what changes.jsonl is relative to), or null: a
 *     run whose manifest cannot be read or whose sources.jsonl does not match it is not built on
 * @param distrust why the current run is not built on (or its records not reused), or null
 * @param refusal why an incremental run reuses nothing, or null (always null in a full run)
 */
public record RunPlan(Location output, Location staging, Manifest.RunOptions options, Location current,
    PreviousRun previous, String distrust, String refusal) {

  /**
   * Plans a run into {@code output} with {@code options}: reads which run is current there, and
   * checks the sizes of the files this run would build on against that run's manifest: its
   * sources.jsonl, which the change feed is computed from, and, for an incremental run, every record
   * file it would copy records from. Their sha256 the workers check ({@link #checks}): the driver
   * reads no record file. A current run whose manifest cannot be read or whose
   * sources.jsonl does not match is not built on (every page is then {@code added}, and the
   * manifest's previous run is null); one whose record files do not match gives no records to reuse.
   */
  public static RunPlan of(Location output, Manifest.RunOptions options) {
    Location staging = OutputCommitter.stagingFor(output, "run-" + UUID.randomUUID());
    Location current = OutputCommitter.currentRun(output);
    PreviousRun previous = null;
    String distrust = null;
    if (current != null) {
      try {
        previous = PreviousRun.of(current);
        distrust = previous.sizeMismatch(sourcesNames(previous)).orElse(null);
      } catch (java.io.IOException | RuntimeException unreadable) {
        String why = String.valueOf(unreadable.getMessage()).lines().findFirst().orElse("");
        distrust = "its manifest.json cannot be read (" + (why.length() > 120 ? why.substring(0, 120) + "…" : why) + ")";
      }
      if (distrust != null) {
        previous = null;
      }
    }
    String refusal = null;
    if (options.incremental()) {
      refusal = distrust != null ? notBuiltOn(current, distrust)
          : previous == null ? "there is no previous run in " + output
          : previous.reuseRefusal(options.shape()).map(why -> "the current run " + current.name() + " " + why).orElse(null);
      if (refusal == null) {
        refusal = previous.sizeMismatch(previous.recordFiles()).map(RunPlan::notReused).orElse(null);
        distrust = refusal;
      }
    }
    return new RunPlan(output, staging, options, current, previous, distrust, refusal);
  }

  /** Why an incremental run reuses nothing when the current run cannot be built on. */
  private static String notBuiltOn(Location current, String why) {
    return "the current run " + current.name() + " cannot be built on: " + why;
  }

  /** Why a run reuses nothing when one of the current run's record files does not match its manifest. */
  private static String notReused(String mismatch) {
    return "the current run's " + mismatch;
  }

  private static List<String> sourcesNames(PreviousRun previous) {
    return previous.shards(OutputFile.SOURCES_JSONL).stream().map(dev.pagefeed.encode.OutputShard::name).toList();
  }

  /**
   * The previous run's files whose sha256 the workers check against its manifest (their sizes were
   * checked here): its sources.jsonl when the run builds on it, and its record files too when the run
   * reuses them. Nothing built on a file that fails is committed: the run is planned again ({@link #after}).
   */
  public List<PreviousRun.Checked> checks() {
    if (previous == null) {
      return List.of();
    }
    List<String> sources = sourcesNames(previous);
    List<PreviousRun.Checked> files = new java.util.ArrayList<>(previous.checked(sources, true));
    if (reusable().isPresent()) {
      files.addAll(previous.checked(previous.recordFiles().stream().filter(name -> !sources.contains(name)).toList(),
          false));
    }
    return files;
  }

  /**
   * This run planned again, in a new staging folder, once {@code found} (not empty) says which of the
   * previous run's files are not what its manifest says: a shard of sources.jsonl and the previous run is
   * not built on; a record file and its records are not reused. As {@link #of} plans when it finds them.
   */
  public RunPlan after(List<PreviousRun.Mismatch> found) {
    PreviousRun.Mismatch first = found.stream().filter(PreviousRun.Mismatch::sources).findFirst()
        .orElse(found.get(0));
    Location again = OutputCommitter.stagingFor(output, "run-" + UUID.randomUUID());
    if (first.sources()) {
      return new RunPlan(output, again, options, current, null, first.why(),
          options.incremental() ? notBuiltOn(current, first.why()) : null);
    }
    String refusal = notReused(first.why());
    return new RunPlan(output, again, options, current, previous, refusal, refusal);
  }

  /** The previous run whose records of unchanged files this run reuses, if it may reuse any. */
  public Optional<PreviousRun> reusable() {
    return options.incremental() && refusal == null ? Optional.ofNullable(previous) : Optional.empty();
  }
}
