package dev.pagefeed.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * A page file decoded to text, before segmentation.
 *
 * @param source where the text came from
 * @param text the decoded text, line ends already normalized to LF
 */
public record RawPage(SourceInfo source, String text) implements Serializable {
  public RawPage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
  }
}
