package dev.pagefeed.ingest;

import dev.pagefeed.decode.PageDecoder;
import dev.pagefeed.decode.WarcRecords;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.extract.Budget;
import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Ids;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.segment.PageSegmenter;
import dev.pagefeed.segment.SegmentedPage;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;

/**
 * One input file's whole journey, without a pipeline: decode, segment, extract. A file that is not
 * a page, a page without a title and a page whose extraction outlasts its time budget become error
 * records, each naming the stage that refused it. A bug is not an error record: it stops the run,
 * naming the file.
 */
public final class PageProcessor {

  private final PageDecoder decoder;
  private final PageExtractor extractor = new PageExtractor();
  private final Duration pageTimeout;

  /**
   * @param maxPageBytes larger pages become errors
   * @param encoding the charset every page is decoded with, or null to detect it
   * @param pageTimeout the time one page's extraction may take
   */
  public PageProcessor(long maxPageBytes, Charset encoding, Duration pageTimeout) {
    this.decoder = new PageDecoder(maxPageBytes, encoding);
    this.pageTimeout = pageTimeout;
  }

  /**
   * What one file became: its page's records or an error record, exactly one of them.
   *
   * @param page the page's records, or null
   * @param error why the file gave no page, or null
   */
  public record Outcome(PageRecords page, ErrorRecord error, SourceRecord skipped) {

    public Outcome(PageRecords page, ErrorRecord error) {
      this(page, error, null);
    }

    public static Outcome of(ErrorRecord error) {
      return new Outcome(null, error);
    }

    /** A WARC record that is no page and no error (a request, a redirect): only its line of sources.jsonl. */
    public static Outcome skipped(SourceRecord source) {
      return new Outcome(null, null, source);
    }

    /**
     * A file refused while reading it: unreadable, too large, or not a page's text.
     *
     * @param sha256 the bytes' hash, or null when they were not read
     * @param bytes the file's size
     */
    public static Outcome unread(String path, RejectedInputException refusal, String sha256, long bytes) {
      return of(new ErrorRecord(path, "read", refusal.type(), refusal.getMessage(), "", sha256, bytes));
    }

    /** The input the outcome is of: a file's path, or a WARC record's path and offset. */
    public String sourceId() {
      return page != null ? page.page().source().id() : error != null ? error.sourceId() : skipped.id();
    }

    /** The lines the outcome adds to the output files. */
    public List<RecordEncoder.Encoded> lines(RecordEncoder encoder) {
      return page != null ? encoder.encode(page) : error != null ? encoder.encode(error)
          : List.of(RecordEncoder.encode(skipped));
    }
  }

  /**
   * Processes one file's bytes.
   *
   * @param path the file's path as the records name it
   * @param key the file's source key, what a page without a URL takes its id from
   * @param sha256 the bytes' hash, already taken
   */
  public Outcome process(String path, String key, byte[] bytes, String sha256) {
    RawPage raw;
    try {
      raw = decoder.decode(path, key, bytes, sha256);
    } catch (RejectedInputException e) {
      return Outcome.unread(path, e, sha256, bytes.length);
    }
    return segmentAndExtract(raw, path);
  }

  /**
   * What one record of a WARC file became: a page's records or an error record for a response;
   * an error record for a broken record; for any other record, only its line of sources.jsonl.
   *
   * @param path the WARC file's path
   * @param key the WARC file's source key
   */
  public Outcome process(String path, String key, WarcRecords.Item record) {
    long offset = record.offset();
    String offsetIn = record.inStream() ? SourceRecord.UNCOMPRESSED : null;
    String where = "the WARC record at " + (record.inStream() ? "uncompressed position " : "offset ") + offset;
    switch (record.kind()) {
      case RESPONSE, CONVERSION -> {
        RawPage raw;
        try {
          raw = decoder.decodeRecord(path, key, record);
        } catch (RejectedInputException e) {
          return Outcome.of(new ErrorRecord(path, "read", e.type(), where + ": " + e.getMessage(), "",
              Ids.sha256(record.body()), record.body().length, offset, offsetIn, record.kind().label()));
        }
        return segmentAndExtract(raw, path + " at offset " + offset);
      }
      case BROKEN -> {
        return Outcome.of(new ErrorRecord(path, "read", record.tooLarge() ? ErrorType.TOO_LARGE : ErrorType.BROKEN_RECORD,
            where + " (" + (record.url() == null ? "no URL read" : record.url()) + "): " + record.detail(), "",
            null, 0, offset, offsetIn, WarcRecords.Kind.BROKEN.label()));
      }
      case UNSUPPORTED -> {
        return Outcome.of(new ErrorRecord(path, "read", ErrorType.UNSUPPORTED,
            (record.url() == null ? path : where + " (" + record.url() + ")") + ": " + record.detail(), "",
            null, 0, offset, offsetIn, WarcRecords.Kind.UNSUPPORTED.label()));
      }
      default -> {
        return Outcome.skipped(new SourceRecord(path, null, 0, null, null, null, offset, offsetIn, record.kind().label(),
            null));
      }
    }
  }

  private Outcome segmentAndExtract(RawPage raw, String path) {
    SegmentedPage segmented;
    try {
      segmented = raw.source().format().equals("html")
          ? PageSegmenter.segmentHtml(raw.text(), raw.wrapperUrl(), raw.wrapperTitle())
          : PageSegmenter.segmentText(raw.text(), raw.wrapperUrl());
    } catch (RejectedInputException e) {
      return Outcome.of(ErrorRecord.of(raw.source(), "segment", e, ErrorRecord.excerptOf(raw.text())));
    } catch (RuntimeException bug) {
      throw new IllegalStateException("bug while segmenting " + path, bug);
    }
    try {
      return new Outcome(extractor.extract(raw.source(), segmented, Budget.startingNow(pageTimeout)), null);
    } catch (RejectedInputException e) {
      return Outcome.of(ErrorRecord.of(raw.source(), "extract", e, ErrorRecord.excerptOf(segmented.title())));
    } catch (RuntimeException bug) {
      throw new IllegalStateException("bug while extracting " + path, bug);
    }
  }
}
