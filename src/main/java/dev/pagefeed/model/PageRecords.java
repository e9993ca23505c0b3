package dev.pagefeed.model;

import java.io.Serializable;
import java.util.List;

/**
 * Everything one page produced: the page, its cards and its entities.
 *
 * @param page the page record
 * @param cards its cards, by position
 * @param entities its entities, by block and offset
 */
public record PageRecords(Page page, List<Card> cards, List<Entity> entities)
    implements Serializable {
  public PageRecords {
    cards = List.copyOf(cards);
    entities = List.copyOf(entities);
  }
}
