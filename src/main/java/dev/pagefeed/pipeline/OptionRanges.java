package dev.pagefeed.pipeline;

import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The valid range of every numeric option, checked at the command line before anything is read: a
 * zero or negative limit would turn every page into an error (and the next change feed into a list
 * of removals), so it is refused with the range instead.
 */
final class OptionRanges {

  private OptionRanges() {}

  /**
   * One option's range.
   *
   * @param name the option as typed, without {@code --}
   * @param value reads it from the options
   * @param min the smallest valid value
   * @param max the largest valid value
   */
  record Range(String name, ToLongFunction<PipelineOptions> value, long min, long max) {

    /** Why {@code options} holds no valid value, or null. */
    String refusal(PipelineOptions options) {
      long given = value.applyAsLong(options);
      return given >= min && given <= max ? null
          : "--" + name + "=" + given + " is out of range; pass a whole number from " + min + " to " + max;
    }
  }

  /** The largest byte array a page can be read into. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  static final List<Range> RANGES = List.of(
      new Range("maxPageBytes", o -> o.as(PagefeedOptions.class).getMaxPageBytes(), 1024, MAX_ARRAY),
      new Range("pageTimeoutSeconds", o -> o.as(PagefeedOptions.class).getPageTimeoutSeconds(), 1, 24 * 3600),
      new Range("warcRangeBytes", o -> o.as(PagefeedOptions.class).getWarcRangeBytes(), 4096, Long.MAX_VALUE),
      new Range("maxRemovedPercent", o -> o.as(PagefeedOptions.class).getMaxRemovedPercent(), 0, 100),
      new Range("shards", o -> o.as(PagefeedOptions.class).getShards(), 1, dev.pagefeed.encode.OutputShard.MAX_SHARDS),
      new Range("targetParallelism", o -> o.as(DirectOptions.class).getTargetParallelism(), 1, 1024));

  /**
   * Checks every numeric option.
   *
   * @throws IllegalArgumentException naming the first option out of its range, with the range
   */
  static void check(PipelineOptions options) {
    for (Range range : RANGES) {
      String refusal = range.refusal(options);
      if (refusal != null) {
        throw new IllegalArgumentException(refusal);
      }
    }
  }
}
