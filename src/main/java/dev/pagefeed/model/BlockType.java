package dev.pagefeed.model;

/** What an article block is. */
public enum BlockType implements Labeled {
  HEADING,
  PARAGRAPH,
  LIST_ITEM
}
