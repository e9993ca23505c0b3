package dev.pagefeed.model;

/** The version of the output record schemas; every JSONL record and the manifest carry it. */
public final class Schema {

  /**
   * Bumped whenever a field is added, removed or changes meaning. 2: page ids from the URL or the
   * source key (1 hashed the title and first block), {@code duplicate_of}, {@code source.key}. 3: WARC
   * input: a page's {@code fetched}, {@code source.offset}; {@code offset} and {@code record} in
   * sources.jsonl and errors of WARC records; the manifest's {@code counters.warc_records}. 4:
   * {@code offset_in}, error type {@code not_a_file}, the manifest's {@code warc} list and
   * {@code options.max_removed_percent}. 5: {@code conversion} records (Common Crawl's WET files) as
   * pages, error type and record kind {@code unsupported}.
   */
  public static final int VERSION = 5;

  private Schema() {}
}
