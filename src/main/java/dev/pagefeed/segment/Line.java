package dev.pagefeed.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a page in the line model that every input format is rendered to, so that one
 * segmenter serves text dumps and HTML alike. A text dump says what a line is only by its indent
 * and markers, which the segmenter reads; HTML says it with markup, which the renderer writes into
 * {@link #role}, {@link #level} and {@link #thumbnail}.
 *
 * @param indent leading spaces (a tab counts 4); 0 for rendered HTML
 * @param text the line without its indentation, not yet cleaned
 * @param afterBlank whether a blank line (or a block break) stands right before it
 * @param role what the input's markup says the line is; {@link Role#TEXT} when it says nothing
 *     (text dumps), so that the segmenter's markers decide
 * @param level a {@link Role#HEADING}'s level, 1 or 2; 0 for other lines
 * @param thumbnail whether a {@link Role#CARD_TITLE}'s card shows an image
 * @param href the link the line carries (a card title's page), absolute when it could be made so
 */
public record Line(int indent, String text, boolean afterBlank, Role role, int level, boolean thumbnail, String href) {

  /** What markup says a line is. */
  public enum Role {
    /** Nothing: the segmenter's markers decide. */
    TEXT,
    /** A heading element, at {@link Line#level}. */
    HEADING,
    /** A list item element. */
    LIST_ITEM,
    /** Any other block of text in markup (a paragraph): never a heading, whatever its text. */
    PARAGRAPH,
    /** The header of a related-items list (its text names the section). */
    RELATED_HEADER,
    /** The title of one related item: a card starts here. */
    CARD_TITLE
  }

  public Line {
    if ((role == Role.HEADING) != (level == 1 || level == 2)) {
      throw new IllegalArgumentException("a heading has level 1 or 2, any other line 0: " + role + " " + level);
    }
  }

  /** A line of a text dump: no markup, no link. */
  public Line(int indent, String text, boolean afterBlank) {
    this(indent, text, afterBlank, Role.TEXT, 0, false, null);
  }

  /** A rendered line of the given role (not a heading). */
  public static Line of(Role role, String text, String href) {
    return new Line(0, text, true, role, 0, false, href);
  }

  /** A rendered card title. */
  public static Line cardTitle(String text, boolean thumbnail, String href) {
    return new Line(0, text, true, Role.CARD_TITLE, 0, thumbnail, href);
  }

  /** Splits a text dump into its non-blank lines. */
  public static List<Line> fromText(String text) {
    List<Line> lines = new ArrayList<>();
    boolean blank = false;
    for (String raw : text.split("\r\n|\r|\n", -1)) {
      int indent = 0;
      int i = 0;
      while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t'
          || raw.charAt(i) == '\u3000' || raw.charAt(i) == '\uFEFF')) {
        indent += raw.charAt(i) == '\t' ? 4 : raw.charAt(i) == '\uFEFF' ? 0 : 1;
        i++;
      }
      String rest = raw.substring(i).strip();
      if (rest.isEmpty()) {
        blank = true;
        continue;
      }
      lines.add(new Line(indent, rest, blank));
      blank = false;
    }
    return lines;
  }
}
