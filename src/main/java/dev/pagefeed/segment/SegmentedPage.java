package dev.pagefeed.segment;

import dev.pagefeed.model.Block;
import dev.pagefeed.model.RelatedSection;
import java.util.List;

/**
 * A page split into its parts, all text cleaned; ids and entities come later.
 *
 * @param title the page title
 * @param url canonical URL, or null
 * @param published ISO date from the page metadata, or null
 * @param lead text before the first heading, or null
 * @param blocks article blocks
 * @param disclaimer disclaimer line, or null
 * @param related related sections with card counts
 * @param cards the cards of all related sections, in page order
 * @param warnings what looked off
 */
public record SegmentedPage(
    String title,
    String url,
    String published,
    String lead,
    List<Block> blocks,
    String disclaimer,
    List<RelatedSection> related,
    List<CardDraft> cards,
    List<String> warnings) implements java.io.Serializable {

  /**
   * A card as segmented, before it has ids.
   *
   * @param section the related section
   * @param title the card title
   * @param snippet the cleaned preview
   * @param snippetTruncated whether the preview was cut
   * @param category trailer category, or null
   * @param published trailer date (ISO), or null
   * @param hasThumbnail whether a thumbnail caption repeats the title
   * @param url the card's link, or null
   */
  public record CardDraft(
      String section,
      String title,
      String snippet,
      boolean snippetTruncated,
      String category,
      String published,
      boolean hasThumbnail,
      String url) implements java.io.Serializable {}
}
