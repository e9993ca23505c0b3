package dev.pagefeed.encode;

import dev.pagefeed.encode.CsvTable.Column;
import dev.pagefeed.model.Card;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.Flag;
import dev.pagefeed.model.Page;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.Schema;
import dev.pagefeed.model.SourceRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Encodes records as the lines of the output files: JSONL through {@link Json}, CSV through the
 * fixed tables below (their column lists are the documented CSV headers).
 */
public final class RecordEncoder implements Serializable {

  /** One line of pages.csv: ids, source, title, counts, disclaimer; no nested fields. */
  public static final CsvTable<Page> PAGES_CSV = new CsvTable<>(pageColumns());

  public static final CsvTable<Card> CARDS_CSV =
      new CsvTable<>(
          List.of(
              new Column<>("schema_version", c -> Schema.VERSION),
              new Column<>("card_id", Card::cardId),
              new Column<>("page_id", Card::pageId),
              new Column<>("position", Card::position),
              new Column<>("section", Card::section),
              new Column<>("title", Card::title),
              new Column<>("snippet", Card::snippet),
              new Column<>("snippet_truncated", Card::snippetTruncated),
              new Column<>("category", Card::category),
              new Column<>("published", Card::published),
              new Column<>("has_thumbnail", Card::hasThumbnail),
              new Column<>("url", Card::url)));

  public static final CsvTable<Entity> ENTITIES_CSV =
      new CsvTable<>(
          List.of(
              new Column<>("schema_version", e -> Schema.VERSION),
              new Column<>("entity_id", Entity::entityId),
              new Column<>("page_id", Entity::pageId),
              new Column<>("card_id", Entity::cardId),
              new Column<>("block", Entity::block),
              new Column<>("section_path", e -> String.join(" > ", e.sectionPath())),
              new Column<>("kind", e -> e.kind().label()),
              new Column<>("text", Entity::text),
              new Column<>("start", Entity::start),
              new Column<>("end", Entity::end),
              new Column<>("normalized", Entity::normalized),
              new Column<>("mod", e -> e.mod() == null ? null : e.mod().label()),
              new Column<>("flags", e -> e.flags().stream().map(Flag::label).collect(Collectors.joining("|"))),
              new Column<>("context", Entity::context),
              new Column<>("value", e -> e.value() == null ? null : Json.line(e.value()))));

  private final boolean csvRaw;
  private final boolean csv;

  /** @param csvRaw true to write CSV cells without the formula-injection guard */
  public RecordEncoder(boolean csvRaw) {
    this(csvRaw, true);
  }

  /**
   * @param csvRaw true to write CSV cells without the formula-injection guard
   * @param csv false to write no CSV lines ({@code --formats} without csv)
   */
  public RecordEncoder(boolean csvRaw, boolean csv) {
    this.csvRaw = csvRaw;
    this.csv = csv;
  }

  /**
   * A file and one of its lines.
   *
   * @param shardKey what gives the line's shard ({@link OutputShard#numberOf}): its page id, else its source id
   */
  public record Encoded(OutputFile file, OutputLine line, String shardKey) implements Serializable {}

  /** The lines one page's records add to the output files, its source's line included. */
  public List<Encoded> encode(PageRecords records) {
    List<Encoded> out = new ArrayList<>();
    Page page = records.page();
    String source = page.source().ref();
    // Tagged so that the manifest counts error pages.
    String pageId = page.pageId();
    add(out, OutputFile.PAGES_JSONL, pageId, Json.lineBytes(page),
        page.warnings().contains(Page.ERROR_PAGE) ? Page.ERROR_PAGE : "", source, pageId);
    if (csv) {
      add(out, OutputFile.PAGES_CSV, pageId, PAGES_CSV.row(page, csvRaw), "", source, pageId);
    }
    for (Card card : records.cards()) {
      add(out, OutputFile.CARDS_JSONL, card.cardId(), Json.lineBytes(card), "", source, pageId);
      if (csv) {
        add(out, OutputFile.CARDS_CSV, card.cardId(), CARDS_CSV.row(card, csvRaw), "", source, pageId);
      }
    }
    for (Entity entity : records.entities()) {
      String kind = entity.kind().label();
      add(out, OutputFile.ENTITIES_JSONL, entity.entityId(), Json.lineBytes(entity), kind, source, pageId);
      if (csv) {
        add(out, OutputFile.ENTITIES_CSV, entity.entityId(), ENTITIES_CSV.row(entity, csvRaw), kind, source, pageId);
      }
    }
    out.add(encode(SourceRecord.of(page)));
    return out;
  }

  /** The lines an error adds: to errors.jsonl, and its source's line. */
  public List<Encoded> encode(ErrorRecord error) {
    return List.of(errorLine(error), encode(error.sourceRecord()));
  }

  /** An error's line of errors.jsonl alone. */
  public static Encoded errorLine(ErrorRecord error) {
    return new Encoded(OutputFile.ERRORS_JSONL,
        new OutputLine(error.sortKey(), Json.lineBytes(error), error.errorType().label(),
            error.sourceRecord().ref()),
        error.sourceId());
  }

  /** A line of sources.jsonl, tagged as the manifest counts it ({@link SourceRecord#tag}). */
  public static Encoded encode(SourceRecord source) {
    return new Encoded(OutputFile.SOURCES_JSONL,
        new OutputLine(source.sortKey(), Json.lineBytes(source), source.tag(), source.ref()),
        source.pageId() != null ? source.pageId() : source.id());
  }

  /**
   * A page's line of pages.jsonl or pages.csv with its {@code duplicate_of} set to {@code now},
   * without encoding the page again: only the commit knows a page's copies, and the line's first
   * fields are fixed ({@code schema_version}, {@code page_id}, {@code duplicate_of}, all plain
   * ASCII), so the line is its new start and the rest as it was. Equals the line of the same page
   * encoded with {@code now}.
   *
   * @param was the line's {@code duplicate_of} as written, or null
   * @throws IllegalStateException when the line does not start as a page line with {@code was}
   */
  public static byte[] withDuplicateOf(OutputFile file, byte[] line, String pageId, String was, String now) {
    byte[] old = pageLineStart(file, pageId, was);
    if (line.length < old.length || !java.util.Arrays.equals(line, 0, old.length, old, 0, old.length)) {
      throw new IllegalStateException("not the " + file.fileName() + " line of page " + pageId + " with duplicate_of "
          + was + ": " + new String(line, 0, Math.min(line.length, 80), java.nio.charset.StandardCharsets.UTF_8));
    }
    byte[] start = pageLineStart(file, pageId, now);
    byte[] changed = new byte[start.length + line.length - old.length];
    System.arraycopy(start, 0, changed, 0, start.length);
    System.arraycopy(line, old.length, changed, start.length, line.length - old.length);
    return changed;
  }

  /** The first three fields of a page's line, up to and with the separator after duplicate_of. */
  private static byte[] pageLineStart(OutputFile file, String pageId, String duplicateOf) {
    String start = switch (file) {
      case PAGES_JSONL -> "{\"schema_version\":" + Schema.VERSION + ",\"page_id\":\"" + pageId
          + "\",\"duplicate_of\":" + (duplicateOf == null ? "null" : "\"" + duplicateOf + "\"") + ",";
      case PAGES_CSV -> Schema.VERSION + "," + pageId + "," + (duplicateOf == null ? "" : duplicateOf) + ",";
      default -> throw new IllegalArgumentException(file.fileName() + " holds no page lines");
    };
    return start.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The header line of a CSV file, or empty for JSONL. */
  public static String header(OutputFile file) {
    return switch (file) {
      case PAGES_CSV -> PAGES_CSV.header();
      case CARDS_CSV -> CARDS_CSV.header();
      case ENTITIES_CSV -> ENTITIES_CSV.header();
      default -> "";
    };
  }

  private static void add(List<Encoded> out, OutputFile file, String id, byte[] text, String tag, String source,
      String shardKey) {
    // The id orders the file; the text breaks ties between equal ids (two dumps of one page).
    out.add(new Encoded(file, new OutputLine(id, text, tag, source), shardKey));
  }

  private static List<Column<Page>> pageColumns() {
    List<Column<Page>> columns = new ArrayList<>(List.of(
        new Column<>("schema_version", p -> Schema.VERSION),
        new Column<>("page_id", Page::pageId),
        new Column<>("duplicate_of", Page::duplicateOf),
        new Column<>("content_hash", Page::contentHash),
        new Column<>("source_path", p -> p.source().path()),
        new Column<>("source_format", p -> p.source().format()),
        new Column<>("source_encoding", p -> p.source().encoding()),
        new Column<>("source_compression", p -> p.source().compression()),
        new Column<>("source_bytes", p -> p.source().bytes()),
        new Column<>("source_sha256", p -> p.source().sha256()),
        new Column<>("source_offset", p -> p.source().offset()),
        new Column<>("title", Page::title),
        new Column<>("url", Page::url),
        new Column<>("published", Page::published),
        new Column<>("fetched", Page::fetched),
        new Column<>("lead", Page::lead),
        new Column<>("disclaimer", Page::disclaimer),
        new Column<>("block_count", p -> p.counts().blocks()),
        new Column<>("card_count", p -> p.counts().cards())));
    for (EntityKind kind : EntityKind.values()) {
      columns.add(new Column<>(kind.label() + "_count", p -> p.counts().entities().get(kind)));
    }
    columns.add(new Column<>("related", p -> p.related().stream()
        .map(r -> r.section() + ":" + r.cardCount()).collect(Collectors.joining("|"))));
    columns.add(new Column<>("warnings", p -> String.join("|", p.warnings())));
    return columns;
  }
}
