package dev.pagefeed.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A page file decoded to text, before segmentation.
 *
 * @param source where the text came from
 * @param text the decoded text, line ends already normalized to LF, without a crawler's wrapper
 * @param wrapperUrl the URL a crawler's wrapper around the page named, or null
 * @param wrapperTitle the title a crawler's wrapper gave, or null
 */
public record RawPage(SourceInfo source, String text, String wrapperUrl, String wrapperTitle) implements Serializable {
  public RawPage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
