package dev.pagefeed.run;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.parts.RecordIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commit's merge of one shard of a record file (all but sources.jsonl, which
 * {@link ShardSources} merges): this run's parts of it and the previous run's kept records,
 * without the records of sources that lost their page id, each page line with its
 * {@code duplicate_of} as this run resolved it. A shard nothing changes is the previous run's
 * file, linked (or copied) as it is.
 */
public final class ShardMerge {

  private ShardMerge() {}

  /**
   * Merges {@code shard}.
   *
   * @param parts this run's parts of it
   * @param previous the previous run, or null
   * @param keep which of the previous run's records are kept (by their file), or null for none
   * @param lost the sorted hashes of the shard's sources whose page id another holds
   * @param copies the {@code duplicate_of} of the shard's pages, before and after
   */
  public static FileSummary merge(Location staging, OutputShard shard, List<PartFiles.Part> parts,
      PreviousFiles previous, RecordIndex.Keep keep, long[] lost, DuplicatePages.Copies copies, boolean bom) {
    if (shard.file() == null || shard.file() == OutputFile.SOURCES_JSONL) {
      throw new IllegalArgumentException(shard.name() + " is not merged here");
    }
    boolean pageLines = shard.file() == OutputFile.PAGES_JSONL || shard.file() == OutputFile.PAGES_CSV;
    // Error lines are left as they are: a source that lost its page id has only its new one.
    boolean dropsLost = shard.file() != OutputFile.ERRORS_JSONL && lost.length > 0;
    RecordIndex.Keep kept = keep == null ? null
        : (path, source) -> keep.keeps(path, source) && !(dropsLost && Arrays.binarySearch(lost, source) >= 0);
    List<PartFiles.Part> written = parts.stream().filter(p -> p.records() > 0).toList();
    boolean copiesChanged = pageLines && copies.anyChanged();
    if (kept != null && written.isEmpty() && !dropsLost && !copiesChanged) {
      Optional<FileSummary> reused = reuseWhole(staging, shard, previous, kept);
      if (reused.isPresent()) {
        CommitStep.FILES_MERGED.reached();
        return reused.get();
      }
    }
    List<PartFiles.Lines> inputs = PreviousFiles.inputs(written, previous, kept, shard);
    // A kept previous record is never a lost source's (the keep leaves those out), so it is written
    // as it is unless its page's duplicate_of changed: runs of such records are copied as byte ranges.
    PartFiles.Rewrite rewrite = !pageLines
        ? PartFiles.Rewrite.asIs(record -> dropsLost && isLost(lost, record) ? null : record.text())
        : PartFiles.Rewrite.asIs(record -> {
          if (dropsLost && isLost(lost, record)) {
            return null;
          }
          String pageId = new String(record.key(), StandardCharsets.UTF_8);
          String was = record.previous() ? copies.was(pageId) : null;
          String now = copies.now(pageId);
          return java.util.Objects.equals(was, now) ? record.text()
              : RecordEncoder.withDuplicateOf(shard.file(), record.text(), pageId, was, now);
        }, key -> !copiesChanged || sameCopyOf(copies, new String(key, StandardCharsets.UTF_8)));
    // The parts stay until the commit removes them: a retried merge reads them again.
    FileSummary summary = PartFiles.merge(staging, shard, inputs, bom, rewrite);
    CommitStep.FILES_MERGED.reached();
    return summary;
  }

  private static boolean sameCopyOf(DuplicatePages.Copies copies, String pageId) {
    return java.util.Objects.equals(copies.was(pageId), copies.now(pageId));
  }

  private static boolean isLost(long[] lost, PartFiles.Lines record) {
    return Arrays.binarySearch(lost, record.sourceHash()) >= 0;
  }

  /** The previous run's shard as this run's, when every one of its records is kept (see {@link PreviousFiles#linkInto}). */
  private static Optional<FileSummary> reuseWhole(Location staging, OutputShard shard, PreviousFiles previous,
      RecordIndex.Keep kept) {
    Optional<Map<String, Long>> tags;
    try {
      tags = RecordIndex.tagsIfAllKept(previous.folder(), shard, kept);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the previous run's index of " + shard.name(), e);
    }
    if (tags.isEmpty()) {
      return Optional.empty();
    }
    Manifest.FileEntry entry = previous.linkInto(staging, shard);
    return Optional.of(new FileSummary(shard.name(), entry.records(), entry.bytes(), entry.sha256(), tags.get()));
  }
}
