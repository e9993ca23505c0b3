package dev.pagefeed.encode;

/**
 * The record files of a run's output folder, each merged from sorted parts; {@code changes.jsonl}
 * and then {@code manifest.json} are written after them.
 */
public enum OutputFile {
  PAGES_JSONL("pages.jsonl"),
  PAGES_CSV("pages.csv"),
  CARDS_JSONL("cards.jsonl"),
  CARDS_CSV("cards.csv"),
  ENTITIES_JSONL("entities.jsonl"),
  ENTITIES_CSV("entities.csv"),
  ERRORS_JSONL("errors.jsonl"),
  /** One line per input file: its fingerprint and what became of it. Merged first. */
  SOURCES_JSONL("sources.jsonl");

  /** The pages added, updated and removed since the previous run. */
  public static final String CHANGES = "changes.jsonl";

  /** Written last; its presence means the files it lists are complete. */
  public static final String MANIFEST = "manifest.json";

  private final String fileName;

  OutputFile(String fileName) {
    this.fileName = fileName;
  }

  public String fileName() {
    return fileName;
  }

  public boolean isCsv() {
    return fileName.endsWith(".csv");
  }

  /** The record files a run writes, in file order: every one, or all but the CSV files. */
  public static java.util.List<OutputFile> written(boolean csv) {
    return java.util.Arrays.stream(values()).filter(file -> csv || !file.isCsv()).toList();
  }
}
