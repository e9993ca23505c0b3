package dev.pagefeed.run;

import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.model.SourceRef;
import dev.pagefeed.parts.BinaryFiles;
import dev.pagefeed.parts.FileSummary;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.parts.RecordIndex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The first step of a run's commit, for one shard of sources.jsonl: which source keeps each page
 * id, and what the later steps need to know of the shard. A page id's sources all lie in its shard
 * (a record's shard is its page id's), so each shard is decided alone, by whichever worker has it:
 *
 * <ol>
 *   <li>the page ids given by more than one of the shard's sources (this run's and the previous
 *       run's kept ones) are found, and for each the source that keeps it ({@link PageIdentities});
 *   <li>the shard's sources are merged into its file, each source whose page id another holds
 *       written as an error ({@link PageIdentities.Loser}), its error line written as a part of
 *       errors.jsonl, its records to be left out of the other files ({@link Decision#lost});
 *   <li>the shard's files are fingerprinted for the next incremental run ({@link Fingerprints});
 *   <li>the holders of the shard's page ids, this run's and the previous run's, go to a table for
 *       the change feed ({@link Decision#holders}), and their content hashes to the shards of
 *       {@link DuplicatePages}, which finds the pages with the same content.
 * </ol>
 *
 * <p>Memory: eight bytes per source of the shard while the page ids are compared, and about fifty
 * per page for the content hashes, written out at the end.
 */
public final class ShardSources {

  private ShardSources() {}

  /** Where the commit's steps leave their tables, inside the staging folder; removed at the commit. */
  public static final String DECISIONS = "decisions";

  /** Which side of the change a table row is: the previous run's pages or this run's. */
  static final int BEFORE = 0;
  static final int AFTER = 1;

  /**
   * What the later steps of the commit need of one shard.
   *
   * @param shard the shard's number
   * @param lost a file of the hashes ({@link SourceRef#hash}) of the shard's sources whose page id
   *     another holds, sorted: their records are left out
   * @param holders the table of the holders of the shard's page ids, before and after
   * @param previousPages how many pages of the previous run are in the shard
   */
  public record Decision(int shard, String lost, String holders, long previousPages) implements Serializable {}

  /**
   * What deciding a shard gave.
   *
   * @param sources the summary of the shard's sources.jsonl
   * @param loserErrors the parts of errors.jsonl holding the error lines of the sources that lost their page id
   * @param contentFiles per shard of {@link DuplicatePages}, the file of this shard's rows for it
   * @param warc per WARC file with records in the shard: records, pages, skipped, errors
   */
  public record Outcome(FileSummary sources, Decision decision, List<PartFiles.Part> loserErrors,
      Map<Integer, String> contentFiles, Map<String, long[]> warc) {}

  /**
   * Decides shard {@code shard} of sources.jsonl.
   *
   * @param parts this run's parts of it
   * @param previous the previous run, or null
   * @param keep which of the previous run's records this run keeps, or null for none
   */
  public static Outcome decide(Location staging, OutputShard shard, List<PartFiles.Part> parts,
      PreviousFiles previous, RecordIndex.Keep keep) {
    if (shard.file() != OutputFile.SOURCES_JSONL) {
      throw new IllegalArgumentException(shard.name() + " is not a shard of sources.jsonl");
    }
    int shards = shard.count();
    Map<String, String> keepers = keepers(parts, previous, keep, shard);
    Location folder = staging.resolve(DECISIONS).resolve(UUID.randomUUID().toString());
    List<RecordEncoder.Encoded> losers = new ArrayList<>();
    PageKeys.Rows lost = new PageKeys.Rows(1);
    List<PageKeys.Rows> content = new ArrayList<>();
    for (int i = 0; i < shards; i++) {
      content.add(new PageKeys.Rows(6));
    }
    Map<String, long[]> warc = new TreeMap<>();
    Location holdersFile = folder.resolve("holders-" + shard.index());
    InputDigest.Sum inputs = new InputDigest.Sum();
    Fingerprints.Writer fingerprints = new Fingerprints.Writer();
    // The previous run's kept lines pass through the merge: their holders before are taken there, and
    // only the lines not kept are read again for theirs (a night that changed 1% parses 1% twice).
    boolean keptBefore = previous != null && keep != null && previous.shards() == shards;
    long[] keptHolders = {0};
    FileSummary summary;
    long previousPages;
    try (BinaryFiles.Output holders = BinaryFiles.out(holdersFile)) {
      summary = PartFiles.merge(staging, shard, inputs(parts, previous, keep, shard), false, record -> {
        SourceRecord given = PreviousRun.parseSource(record.text());
        SourceRecord claimed = given;
        String holder = given.pageId() == null ? null : keepers.getOrDefault(given.pageId(), null);
        if (holder != null && !holder.equals(given.id())) {
          PageIdentities.Loser loser = new PageIdentities.Loser(given, holder);
          losers.add(RecordEncoder.errorLine(loser.error()));
          lost.add(SourceRef.hash(given.ref()));
          claimed = loser.error().sourceRecord();
        }
        countWarc(claimed, warc);
        if (claimed.isFile()) {
          inputs.add(claimed.path(), claimed.bytes(), claimed.sha256());
        }
        fingerprints.add(claimed);
        byte[] line = claimed == given ? record.text() : Json.lineBytes(claimed);
        if (claimed.pageId() != null) {
          addHolder(holders, AFTER, claimed, lineHash(line), content);
        }
        if (keptBefore && record.previous() && given.pageId() != null) {
          addHolder(holders, BEFORE, given, lineHash(record.text()), content);
          keptHolders[0]++;
        }
        return line;
      });
      CommitStep.SOURCES_MERGED.reached();
      previousPages = previous == null ? 0 : keptHolders[0] + previousHolders(previous, shard, keptBefore ? keep : null,
          (source, line) -> addHolder(holders, BEFORE, source, line, content));
    } catch (IOException | UncheckedIOException e) {
      throw new UncheckedIOException("cannot decide " + shard.name(), e instanceof UncheckedIOException u ? u.getCause()
          : (IOException) e);
    }
    fingerprints.write(Fingerprints.of(staging, shard));
    Map<String, Long> tags = new TreeMap<>(summary.tags());
    tags.putAll(inputs.tags());
    summary = new FileSummary(summary.file(), summary.records(), summary.bytes(), summary.sha256(), tags);
    Location lostFile = folder.resolve("lost-" + shard.index());
    long[] lostHashes = Arrays.copyOf(lost.values, lost.rows);
    Arrays.sort(lostHashes);
    try {
      BinaryFiles.writeLongs(lostFile, lostHashes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + lostFile, e);
    }
    Map<Integer, String> contentFiles = new TreeMap<>();
    for (int c = 0; c < shards; c++) {
      PageKeys.Rows rows = content.get(c);
      if (rows.rows > 0) {
        Location file = folder.resolve("content-" + c + "-from-" + shard.index());
        DuplicatePages.writeRows(file, rows);
        contentFiles.put(c, file.toString());
      }
    }
    return new Outcome(summary, new Decision(shard.index(), lostFile.toString(), holdersFile.toString(), previousPages),
        loserParts(staging, losers, shards), contentFiles, warc);
  }

  /** For each page id the shard's sources give more than once, the id of the source that keeps it. */
  private static Map<String, String> keepers(List<PartFiles.Part> parts, PreviousFiles previous, RecordIndex.Keep keep,
      OutputShard shard) {
    PageKeys.Rows ids = new PageKeys.Rows(1);
    eachLine(parts, previous, keep, shard, line -> {
      String pageId = PreviousRun.pageIdOf(line);
      if (pageId != null) {
        ids.add(PageKeys.pageId(pageId));
      }
    });
    long[] sorted = Arrays.copyOf(ids.values, ids.rows);
    Arrays.sort(sorted);
    java.util.Set<String> shared = new java.util.HashSet<>();
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        shared.add(PageKeys.pageIdText(sorted[i]));
      }
    }
    Map<String, String> keepers = new HashMap<>();
    if (shared.isEmpty()) {
      return keepers;
    }
    Map<String, SourceRecord> best = new HashMap<>();
    eachLine(parts, previous, keep, shard, line -> {
      if (shared.contains(PreviousRun.pageIdOf(line))) {
        SourceRecord source = PreviousRun.parseSource(line);
        best.merge(source.pageId(), source, PageIdentities::keeper);
      }
    });
    best.forEach((pageId, source) -> keepers.put(pageId, source.id()));
    return keepers;
  }

  /** The shard's sources of this run: its parts, and the previous run's kept lines. */
  private static List<PartFiles.Lines> inputs(List<PartFiles.Part> parts, PreviousFiles previous, RecordIndex.Keep keep,
      OutputShard shard) {
    return PreviousFiles.inputs(parts, previous, keep, shard);
  }

  private static void eachLine(List<PartFiles.Part> parts, PreviousFiles previous, RecordIndex.Keep keep,
      OutputShard shard, Consumer<byte[]> each) {
    for (PartFiles.Lines lines : inputs(parts, previous, keep, shard)) {
      try (lines) {
        while (lines.advance()) {
          each.accept(lines.text());
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sources of " + shard.name(), e);
      }
    }
  }

  /**
   * The previous run's holders of page ids in {@code shard}: its shard of the same number when it
   * had as many, else every shard's lines of page ids that fall in this one; each with the hash of
   * its line ({@link SourceRef#hash}). Without the lines {@code kept} keeps, when it is not null
   * (their holders were taken as they were merged): those are skipped by their index, unread.
   *
   * @return how many there are
   */
  private static long previousHolders(PreviousFiles previous, OutputShard shard, RecordIndex.Keep kept,
      java.util.function.ObjLongConsumer<SourceRecord> each) {
    boolean same = previous.shards() == shard.count();
    long[] count = {0};
    java.util.function.Consumer<byte[]> line = text -> {
      SourceRecord source = PreviousRun.parseSource(text);
      if (source.pageId() != null && (same || OutputShard.numberOf(source.pageId(), shard.count()) == shard.index())) {
        each.accept(source, lineHash(text));
        count[0]++;
      }
    };
    for (OutputShard from : same ? List.of(new OutputShard(OutputFile.SOURCES_JSONL, shard.index(), shard.count()))
        : previous.sourcesShards()) {
      try {
        if (kept != null) {
          try (RecordIndex.KeptLines notKept =
              new RecordIndex.KeptLines(previous.folder(), from, (path, source) -> !kept.keeps(path, source))) {
            while (notKept.advance()) {
              line.accept(notKept.text());
            }
          }
        } else {
          try (BufferedReader lines = new BufferedReader(
              new InputStreamReader(previous.folder().resolve(from.name()).open(), StandardCharsets.UTF_8), 1 << 16)) {
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
              line.accept(text.getBytes(StandardCharsets.UTF_8));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the previous run's " + from.name(), e);
      }
    }
    return count[0];
  }

  /**
   * One row of the holders table: side, page id, the hash of the source's line ({@code lineHash}: two
   * runs' lines of a page differ when any field does), content hash, and the source's id (for messages).
   */
  private static void addHolder(BinaryFiles.Output holders, int side, SourceRecord source, long lineHash,
      List<PageKeys.Rows> content) {
    long pageId = PageKeys.pageId(source.pageId());
    long[] hash = new long[4];
    if (source.contentHash() != null) {
      PageKeys.contentHash(source.contentHash(), hash, 0);
      PageKeys.Rows rows = content.get((int) Long.remainderUnsigned(hash[0], content.size()));
      int at = rows.add();
      rows.values[at] = side;
      System.arraycopy(hash, 0, rows.values, at + 1, 4);
      rows.values[at + 5] = pageId;
    }
    try {
      holders.writeInt(side);
      holders.writeLong(pageId);
      holders.writeLong(lineHash);
      holders.writeInt(source.contentHash() == null ? 0 : 1);
      for (long part : hash) {
        holders.writeLong(part);
      }
      holders.writeString(source.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@link SourceRef#hash} of a line as a record file holds it, without its line end. */
  private static long lineHash(byte[] line) {
    int length = line.length;
    return SourceRef.hash(line, length > 0 && line[length - 1] == '\n' ? length - 1 : length);
  }

  /** A WARC file's records as {@link Manifest.WarcFile} counts them: records, pages, skipped, errors. */
  private static void countWarc(SourceRecord source, Map<String, long[]> warc) {
    if (SourceRecord.WARC_FILE.equals(source.record())) {
      warc.computeIfAbsent(source.path(), p -> new long[4]);
    } else if (source.offset() != null) {
      long[] counts = warc.computeIfAbsent(source.path(), p -> new long[4]);
      counts[0]++;
      counts[source.errorType() != null ? 3 : source.pageId() != null ? 1 : 2]++;
    }
  }

  /** The losers' error lines as parts of the shards of errors.jsonl they fall in. */
  private static List<PartFiles.Part> loserParts(Location staging, List<RecordEncoder.Encoded> losers, int shards) {
    Map<Integer, List<OutputLine>> byShard = new TreeMap<>();
    for (RecordEncoder.Encoded line : losers) {
      byShard.computeIfAbsent(OutputShard.numberOf(line.shardKey(), shards), n -> new ArrayList<>()).add(line.line());
    }
    List<PartFiles.Part> parts = new ArrayList<>();
    byShard.forEach((n, lines) ->
        parts.add(PartFiles.write(staging, new OutputShard(OutputFile.ERRORS_JSONL, n, shards), lines)));
    return parts;
  }

  /** The sorted hashes of a decision's lost sources. */
  public static long[] readLost(Decision decision) {
    Location file = new Location(decision.lost());
    try {
      return BinaryFiles.readLongs(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
