package dev.pagefeed.model;

/** The version of the output record schemas; every JSONL record and the manifest carry it. */
public final class Schema {

  /**
   * Bumped whenever a field is added, removed or changes meaning. 2: page ids from the URL or the
   * source key (1 hashed the title and first block), {@code duplicate_of}, {@code source.key}.
   */
  public static final int VERSION = 2;

  private Schema() {}
}
