package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.List;

/**
 * A typed field found in a page's text.
 *
 * @param entityId first 16 hex of sha256 of page id, block, start and kind
 * @param pageId the page it was found in
 * @param cardId the card it was found in, or null
 * @param block {@code title}, {@code lead}, {@code article:<index>}, {@code disclaimer},
 *     {@code card:<position>:title} or {@code card:<position>:snippet}
 * @param sectionPath the article block's section path; empty elsewhere
 * @param kind what it is
 * @param text exactly as it stands in the block's cleaned text
 * @param start offset of the first code point in the block's text
 * @param end offset after the last code point
 * @param normalized canonical form, or null when it cannot be normalized
 * @param value the parsed parts
 * @param mod the qualifier from the words around it, or null
 * @param flags notes on the reading
 * @param context the sentence holding it (at most 200 code points)
 */
@JsonPropertyOrder({"schema_version", "entity_id"})
public record Entity(
    String entityId,
    String pageId,
    String cardId,
    String block,
    List<String> sectionPath,
    EntityKind kind,
    String text,
    int start,
    int end,
    String normalized,
    EntityValue value,
    Mod mod,
    List<Flag> flags,
    String context)
    implements Serializable {
  public Entity {
    sectionPath = List.copyOf(sectionPath);
    flags = List.copyOf(flags);
  }

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }
}
