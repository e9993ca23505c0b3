package dev.pagefeed.run;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.parts.FileSummary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pagefeed.model.Schema;
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
 */
@JsonPropertyOrder({"schema_version", "run_id", "previous_run_id", "build", "options", "files", "counters"})
public record Manifest(
    int schemaVersion,
    String runId,
    String previousRunId,
    String build,
    RunOptions options,
    List<FileEntry> files,
    Counters counters) {

  /**
   * What the run was asked to do.
   *
   * @param input the input files, folders or globs as given
   * @param shape the options that shape the records (compared as a whole before records are reused)
   * @param incremental whether the run reused the previous run's records of unchanged files
   */
  public record RunOptions(List<String> input, RecordShape shape, boolean incremental)
      implements java.io.Serializable {
    public RunOptions {
      input = List.copyOf(input);
    }
  }

  /** One output file. */
  public record FileEntry(String name, long records, long bytes, String sha256) {}

  /**
   * What the run produced.
   *
   * @param duplicates pages whose content an earlier page (by id) has: those with {@code duplicate_of}
   * @param sourcesReused input files whose records were taken from the previous run unchanged
   * @param changes pages added, updated and removed since the previous run (changes.jsonl)
   */
  @JsonPropertyOrder({"pages", "duplicates", "cards", "entities", "errors", "error_types", "sources_reused", "changes"})
  public record Counters(long pages, long duplicates, long cards, Map<String, Long> entities, long errors,
      Map<String, Long> errorTypes, long sourcesReused, Map<String, Long> changes) {}

  static Manifest of(String runId, String previousRunId, RunOptions options, List<FileSummary> summaries,
      long sourcesReused, long duplicates) {
    List<FileEntry> files =
        summaries.stream().map(s -> new FileEntry(s.file(), s.records(), s.bytes(), s.sha256())).toList();
    FileSummary pages = find(summaries, OutputFile.PAGES_JSONL.fileName());
    FileSummary cards = find(summaries, OutputFile.CARDS_JSONL.fileName());
    FileSummary entities = find(summaries, OutputFile.ENTITIES_JSONL.fileName());
    FileSummary errors = find(summaries, OutputFile.ERRORS_JSONL.fileName());
    FileSummary changes = find(summaries, OutputFile.CHANGES);
    return new Manifest(Schema.VERSION, runId, previousRunId, Build.id(), options, files,
        new Counters(pages.records(), duplicates, cards.records(), entities.tags(), errors.records(), errors.tags(),
            sourcesReused, changes.tags()));
  }

  private static FileSummary find(List<FileSummary> summaries, String file) {
    return summaries.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
  }
}
