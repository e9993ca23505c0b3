package dev.pagefeed.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pagefeed.encode.Json;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.FileSummary;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the pipeline leaves in the staging folder for the driver's commit, once its workers have
 * merged every file: the summary of each file (records, bytes, sha256, counts by tag) and the few
 * numbers the manifest and the checks need, as one small file ({@link #FILE}). Nothing in it
 * grows with the pages, but for one line per WARC file. The pipeline's last step writes it; a
 * retry of that step writes the same bytes again (the lists are sorted, the file is written beside
 * its place and renamed over it).
 *
 * @param files every file written, each shard of each record file and of changes.jsonl
 * @param warc each WARC file's records, reconciled
 * @param duplicates this run's pages that carry {@code duplicate_of}
 * @param sourcesReused the input files whose records were taken from the previous run
 * @param previousPages how many pages the previous run has (what the removal guard compares with)
 * @param removed the first pages each shard of changes.jsonl removes, for the guard's message
 * @param previousMismatches the previous run's files the workers found not to be what its manifest
 *     says ({@link RunPlan#checks}): when there are any, nothing of this run is committed
 */
public record StagedWork(List<FileSummary> files, List<Manifest.WarcFile> warc, long duplicates, long sourcesReused,
    long previousPages, List<ChangeFeed.Removed> removed, List<PreviousRun.Mismatch> previousMismatches)
    implements Serializable {

  /** Its name in the staging folder. */
  public static final String FILE = "staged-work.json";

  public StagedWork {
    files = files.stream().sorted(Comparator.comparing(FileSummary::file)).toList();
    warc = warc.stream().sorted(Comparator.comparing(Manifest.WarcFile::path)).toList();
    removed = removed.stream().sorted(Comparator.comparing(ChangeFeed.Removed::pageId)).toList();
    previousMismatches = previousMismatches.stream().sorted(Comparator.comparing(PreviousRun.Mismatch::name)).toList();
  }

  /** Writes it into {@code staging}, replacing what an earlier attempt wrote. */
  public void write(Location staging) {
    Location target = staging.resolve(FILE);
    Location written = staging.resolve("." + FILE + "-" + UUID.randomUUID());
    try {
      written.writeString(Json.line(this) + "\n");
      written.renameTo(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** What the pipeline left in {@code staging}. */
  public static StagedWork read(Location staging) {
    Location file = staging.resolve(FILE);
    try {
      return Json.mapper().readValue(file.readString(), new TypeReference<StagedWork>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("the pipeline finished without its summary of the files at " + file, e);
    }
  }
}
