package dev.pagefeed.model;

/** The version of the output record schemas; every JSONL record and the manifest carry it. */
public final class Schema {

  /** Bumped whenever a field is added, removed or changes meaning. */
  public static final int VERSION = 1;

  private Schema() {}
}
