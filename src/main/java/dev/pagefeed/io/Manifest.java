package dev.pagefeed.io;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pagefeed.model.Schema;
import java.util.List;
import java.util.Map;

/**
 * The run's manifest, written last: what the run was asked to do and what each file holds.
 *
 * @param schemaVersion version of the record schemas
 * @param runId first 16 hex of the sha256 over the files' hashes: equal runs have equal ids
 * @param options the options that shape the output
 * @param files per file: name, records, sha256
 * @param counters pages, cards, entities by kind, errors by type
 */
@JsonPropertyOrder({"schema_version", "run_id", "options", "files", "counters"})
public record Manifest(
    int schemaVersion,
    String runId,
    RunOptions options,
    List<FileEntry> files,
    Counters counters) {

  /**
   * The options that shape the output.
   *
   * @param input the input files, folders or globs as given
   * @param maxPageBytes the page size limit
   * @param csvRaw whether CSV cells were written without the formula guard
   * @param csvBom whether CSV files start with a BOM
   */
  public record RunOptions(List<String> input, long maxPageBytes, boolean csvRaw, boolean csvBom)
      implements java.io.Serializable {}

  /** One output file. */
  public record FileEntry(String name, long records, String sha256) {}

  /** What the run produced. */
  public record Counters(long pages, long cards, Map<String, Long> entities, long errors,
      Map<String, Long> errorTypes) {}

  static Manifest of(String runId, RunOptions options, List<FileSummary> summaries) {
    List<FileEntry> files =
        summaries.stream().map(s -> new FileEntry(s.file().fileName(), s.records(), s.sha256())).toList();
    FileSummary pages = find(summaries, OutputFile.PAGES_JSONL);
    FileSummary cards = find(summaries, OutputFile.CARDS_JSONL);
    FileSummary entities = find(summaries, OutputFile.ENTITIES_JSONL);
    FileSummary errors = find(summaries, OutputFile.ERRORS_JSONL);
    return new Manifest(Schema.VERSION, runId, options, files,
        new Counters(pages.records(), cards.records(), entities.tags(), errors.records(), errors.tags()));
  }

  private static FileSummary find(List<FileSummary> summaries, OutputFile file) {
    return summaries.stream().filter(s -> s.file() == file).findFirst().orElseThrow();
  }
}
