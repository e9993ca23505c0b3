package dev.pagefeed.model;

import java.io.Serializable;
import java.util.List;

/**
 * One block of a page's main article.
 *
 * @param index 0-based position among the article's blocks
 * @param type heading, paragraph or list item
 * @param level heading level (1 outermost); null for paragraphs and list items
 * @param text cleaned text
 * @param sectionPath texts of the headings above, outermost first; a heading includes itself
 */
public record Block(int index, BlockType type, Integer level, String text, List<String> sectionPath)
    implements Serializable {
  public Block {
    sectionPath = List.copyOf(sectionPath);
  }
}
