package dev.pagefeed.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One page: its main article and what the page says about its related cards.
 *
 * @param pageId first 16 hex of sha256 of the page's URL, else of its source key (see {@link Ids#pageId})
 * @param duplicateOf the id of the first page, in page id order, of the run's pages with this
 *     page's content hash, when that is another page; else null. Set when the run commits, which
 *     alone sees every page (see {@code PageIdentities})
 * @param contentHash sha256 of the cleaned page text; changes iff the content changes
 * @param source where it came from
 * @param title the page title (the query)
 * @param url canonical URL, or null
 * @param published ISO date from the page's metadata, or null
 * @param fetched when a crawler fetched it (a WARC record's {@code WARC-Date}, ISO 8601), or null
 * @param lead text before the first heading, or null
 * @param blocks the article's headings, paragraphs and list items
 * @param disclaimer the disclaimer line, or null
 * @param related the related sections with their card counts
 * @param counts how many blocks, cards and entities (by kind) the page has
 * @param warnings what looked off but did not stop the page
 */
@JsonPropertyOrder({"schema_version", "page_id", "duplicate_of"})
public record Page(
    String pageId,
    String duplicateOf,
    String contentHash,
    SourceInfo source,
    String title,
    String url,
    String published,
    String fetched,
    String lead,
    List<Block> blocks,
    String disclaimer,
    List<RelatedSection> related,
    Counts counts,
    List<String> warnings)
    implements Serializable {
  /** The warning of an error page served as a page (a 404 banner with status 200); the manifest counts them. */
  public static final String ERROR_PAGE = "error_page";

  public Page {
    blocks = List.copyOf(blocks);
    related = List.copyOf(related);
    warnings = List.copyOf(warnings);
  }

  @JsonProperty("schema_version")
  public int schemaVersion() {
    return Schema.VERSION;
  }

  /** This page marked as a copy of {@code pageId} (or as no copy, with null). */
  public Page withDuplicateOf(String pageId) {
    return new Page(this.pageId, pageId, contentHash, source, title, url, published, fetched, lead, blocks, disclaimer,
        related, counts, warnings);
  }

  /**
   * How many records a page produced.
   *
   * @param blocks article blocks
   * @param cards related cards
   * @param entities entities by kind, every kind present (0 when none)
   */
  public record Counts(int blocks, int cards, Map<EntityKind, Integer> entities)
      implements Serializable {
    public Counts {
      // Every kind in enum order, so that the JSON is the same on every run.
      Map<EntityKind, Integer> all = new EnumMap<>(EntityKind.class);
      for (EntityKind kind : EntityKind.values()) {
        all.put(kind, entities.getOrDefault(kind, 0));
      }
      entities = Collections.unmodifiableMap(all);
    }
  }
}
