package dev.pagefeed.segment;

import dev.pagefeed.model.SourceInfo;
import java.io.Serializable;

/**
 * A segmented page with the source it came from.
 *
 * @param source where the page came from
 * @param page its parts
 */
public record SourcedPage(SourceInfo source, SegmentedPage page) implements Serializable {}
