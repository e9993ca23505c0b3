package dev.pagefeed.model;

import java.io.Serializable;

/**
 * A related-items section of a page, such as 相关推荐.
 *
 * @param section the section's header text
 * @param cardCount how many cards it holds (may be 0)
 */
public record RelatedSection(String section, int cardCount) implements Serializable {}
