package dev.pagefeed.pipeline;

import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.RawPage;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.segment.PageSegmenter;
import dev.pagefeed.segment.SegmentedPage;
import dev.pagefeed.segment.SourcedPage;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Splits decoded pages into their parts; pages without a title go to {@link #ERRORS}. */
public final class SegmentPages extends PTransform<PCollection<RawPage>, PCollectionTuple> {

  public static final TupleTag<SourcedPage> PAGES = new TupleTag<>() {};
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};

  @Override
  public PCollectionTuple expand(PCollection<RawPage> pages) {
    PCollectionTuple segmented =
        pages.apply("SegmentPage",
            ParDo.of(new SegmentPageFn()).withOutputTags(PAGES, TupleTagList.of(ERRORS)));
    segmented.get(PAGES).setCoder(SerializableCoder.of(SourcedPage.class));
    segmented.get(ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class));
    return segmented;
  }

  /** Segments one page. */
  static final class SegmentPageFn extends DoFn<RawPage, SourcedPage> {

    @ProcessElement
    public void process(@Element RawPage page, MultiOutputReceiver out) {
      try {
        SegmentedPage segmented = page.source().format().equals("html")
            ? PageSegmenter.segmentHtml(page.text())
            : PageSegmenter.segmentText(page.text());
        out.get(PAGES).output(new SourcedPage(page.source(), segmented));
      } catch (RejectedInputException e) {
        Progress.pageDone();
        out.get(ERRORS).output(
            ErrorRecord.of(page.source(), "segment", e, ErrorRecord.excerptOf(page.text())));
      } catch (RuntimeException bug) {
        throw new IllegalStateException("bug while segmenting " + page.source().path(), bug);
      }
    }
  }
}
