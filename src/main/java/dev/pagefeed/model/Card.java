package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * A related-item card: a link to another answer, shown under the article.
 *
 * @param cardId first 16 hex of sha256 of the page id and position
 * @param pageId the page the card belongs to
 * @param position 0-based over all cards of the page
 * @param section the related section it is listed under
 * @param title the linked answer's title
 * @param snippet the preview text, cleaned
 * @param snippetTruncated whether the preview was cut from a longer text
 * @param category the trailer's category, e.g. 健康新闻
 * @param published the trailer's date (ISO), or null
 * @param hasThumbnail whether the title is repeated as a thumbnail caption
 * @param url the card's link, when the input had one
 */
@JsonPropertyOrder({"schema_version", "card_id"})
public record Card(
    String cardId,
    String pageId,
    int position,
    String section,
    String title,
    String snippet,
    boolean snippetTruncated,
    String category,
    String published,
    boolean hasThumbnail,
    String url)
    implements Serializable {

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }
}
