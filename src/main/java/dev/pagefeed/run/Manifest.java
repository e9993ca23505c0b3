package dev.pagefeed.run;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.parts.FileSummary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pagefeed.model.Page;
import dev.pagefeed.model.Schema;
import dev.pagefeed.model.SourceRecord;
import java.util.List;
import java.util.Map;

/**
 * The run's manifest, written last: what the run was asked to do and what each file holds.
 *
 * @param schemaVersion version of the record schemas
 * @param runId first 16 hex of the sha256 over the record files' hashes: runs with equal records
 *     have equal ids (changes.jsonl is left out, so a rerun that changes nothing keeps the id)
 * @param previousRunId the run that was current when this one started (what changes.jsonl is
 *     relative to), or null
 * @param build the pagefeed build that made the records (see {@link Build})
 * @param options the options that shape the output
 * @param files per file: name, records, bytes, sha256
 * @param counters pages, cards, entities by kind, errors by type, sources reused, changes
 * @param warc each WARC file's records, reconciled
 * @param inputs the digest of the input files read (what the next run's unchanged-input shortcut compares)
 */
@JsonPropertyOrder({"schema_version", "run_id", "previous_run_id", "build", "options", "files", "counters", "warc", "inputs"})
public record Manifest(
    int schemaVersion,
    String runId,
    String previousRunId,
    String build,
    RunOptions options,
    List<FileEntry> files,
    Counters counters,
    List<WarcFile> warc,
    InputDigest inputs) {

  /**
   * One WARC file's records, reconciled: every record read is a page, a skipped record or an error,
   * each with its line in sources.jsonl ({@code records = pages + skipped + errors}).
   *
   * @param path the file's path, as its lines name it
   * @param records the records read from it
   * @param pages those that gave a page
   * @param skipped those skipped (requests, redirects, images, …)
   * @param errors those that are errors (broken records, responses that gave no page, pages whose id another holds)
   */
  @JsonPropertyOrder({"path", "records", "pages", "skipped", "errors"})
  public record WarcFile(String path, long records, long pages, long skipped, long errors)
      implements java.io.Serializable {

    /** Whether its counts add up. */
    public boolean reconciles() {
      return records == pages + skipped + errors;
    }
  }

  /**
   * What the run was asked to do.
   *
   * @param input the input files, folders or globs as given
   * @param shape the options that shape the records (compared as a whole before records are reused)
   * @param incremental whether the run reused the previous run's records of unchanged files
   * @param maxRemovedPercent the share of the previous run's pages the run may remove (see {@link RemovalGuard})
   */
  public record RunOptions(List<String> input, RecordShape shape, boolean incremental, long maxRemovedPercent)
      implements java.io.Serializable {
    public RunOptions {
      input = List.copyOf(input);
    }

    /** With the default share of removals. */
    public RunOptions(List<String> input, RecordShape shape, boolean incremental) {
      this(input, shape, incremental, RemovalGuard.DEFAULT_PERCENT);
    }
  }

  /** One output file. */
  public record FileEntry(String name, long records, long bytes, String sha256) implements java.io.Serializable {}

  /**
   * What the run produced.
   *
   * @param duplicates pages whose content an earlier page (by id) has: those with {@code duplicate_of}
   * @param sourcesReused input files whose records were taken from the previous run unchanged
   * @param changes pages added, updated and removed since the previous run (changes.jsonl)
   * @param warcFiles WARC files read
   * @param warcRecords their records by kind: {@code response} and {@code conversion} (a page, or an
   *     error of one), and those skipped: {@code request}, {@code metadata}, {@code warcinfo},
   *     {@code revisit}, {@code other_type}, {@code non_200}, {@code not_a_page}; and {@code broken}
   *     and {@code unsupported} ones (each an error)
   * @param errorPages pages that are error pages served as pages (warning {@code error_page})
   */
  @JsonPropertyOrder({"pages", "duplicates", "error_pages", "cards", "entities", "errors", "error_types",
      "sources_reused", "changes", "warc_files", "warc_records"})
  public record Counters(long pages, long duplicates, long errorPages, long cards, Map<String, Long> entities,
      long errors,
      Map<String, Long> errorTypes, long sourcesReused, Map<String, Long> changes, long warcFiles,
      Map<String, Long> warcRecords) {}

  /** The tags of a sources.jsonl the WARC counters and the input digest were taken from, as its merge counted them. */
  static Map<String, Long> sourceTags(Manifest manifest) {
    Counters counters = manifest.counters();
    Map<String, Long> tags = new java.util.TreeMap<>(manifest.inputs().tags());
    counters.warcRecords().forEach((kind, n) -> tags.put(SourceRecord.WARC_TAG + kind, n));
    if (counters.warcFiles() > 0) {
      tags.put(SourceRecord.WARC_TAG + SourceRecord.WARC_FILE, counters.warcFiles());
    }
    return tags;
  }

  /**
   * A run's id: the first 16 hex of the sha256 over its record files' hashes, in file order then
   * shard order (changes.jsonl left out, so a rerun that changes nothing keeps the id).
   */
  public static String runIdOf(List<FileSummary> recordFiles) {
    StringBuilder hashes = new StringBuilder();
    recordFiles.forEach(summary -> hashes.append(summary.sha256()));
    return dev.pagefeed.model.Ids.sha256(hashes.toString()).substring(0, 16);
  }

  static Manifest of(String runId, String previousRunId, RunOptions options, List<FileSummary> summaries,
      long sourcesReused, long duplicates, List<WarcFile> warc) {
    List<FileEntry> files =
        summaries.stream().map(s -> new FileEntry(s.file(), s.records(), s.bytes(), s.sha256())).toList();
    int shards = options.shape().shards();
    FileSummary pages = total(summaries, OutputFile.PAGES_JSONL.fileName(), shards);
    FileSummary cards = total(summaries, OutputFile.CARDS_JSONL.fileName(), shards);
    FileSummary entities = total(summaries, OutputFile.ENTITIES_JSONL.fileName(), shards);
    FileSummary errors = total(summaries, OutputFile.ERRORS_JSONL.fileName(), shards);
    FileSummary changes = total(summaries, OutputFile.CHANGES, shards);
    Map<String, Long> warcRecords = new java.util.TreeMap<>();
    long warcFiles = 0;
    Map<String, Long> sourceTags = total(summaries, OutputFile.SOURCES_JSONL.fileName(), shards).tags();
    InputDigest inputs = InputDigest.of(sourceTags);
    if (inputs == null) {
      throw new IllegalStateException("the summaries of sources.jsonl carry no digest of the inputs");
    }
    for (Map.Entry<String, Long> tag : sourceTags.entrySet()) {
      if (tag.getKey().equals(SourceRecord.WARC_TAG + SourceRecord.WARC_FILE)) {
        warcFiles = tag.getValue();
      } else if (tag.getKey().startsWith(SourceRecord.WARC_TAG)) {
        warcRecords.put(tag.getKey().substring(SourceRecord.WARC_TAG.length()), tag.getValue());
      }
    }
    return new Manifest(Schema.VERSION, runId, previousRunId, Build.id(), options, files,
        new Counters(pages.records(), duplicates, pages.tags().getOrDefault(Page.ERROR_PAGE, 0L), cards.records(),
            entities.tags(), errors.records(), errors.tags(),
            sourcesReused, changes.tags(), warcFiles, warcRecords), warc, inputs);
  }

  /** A file's shards summed: their records and their tags (the bytes and hash are not summed: null). */
  private static FileSummary total(List<FileSummary> summaries, String file, int shards) {
    Map<String, FileSummary> byName = new java.util.HashMap<>();
    summaries.forEach(summary -> byName.put(summary.file(), summary));
    long records = 0;
    Map<String, Long> tags = new java.util.TreeMap<>();
    for (OutputShard shard : OutputShard.all(file, shards)) {
      FileSummary summary = byName.get(shard.name());
      if (summary == null) {
        throw new IllegalStateException("no summary of " + shard.name());
      }
      records += summary.records();
      summary.tags().forEach((tag, n) -> tags.merge(tag, n, Long::sum));
    }
    return new FileSummary(file, records, 0, null, tags);
  }
}
