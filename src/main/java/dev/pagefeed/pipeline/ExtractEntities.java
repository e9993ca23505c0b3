package dev.pagefeed.pipeline;

import dev.pagefeed.extract.Budget;
import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.EntityKind;
import dev.pagefeed.model.ErrorRecord;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.model.RejectedInputException;
import dev.pagefeed.segment.SourcedPage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Gives each segmented page its ids and entities: the page, card and entity records. A page whose
 * extraction outlasts its time budget goes to {@link #ERRORS}.
 */
public final class ExtractEntities extends PTransform<PCollection<SourcedPage>, PCollectionTuple> {

  public static final TupleTag<PageRecords> PAGES = new TupleTag<>() {};
  public static final TupleTag<ErrorRecord> ERRORS = new TupleTag<>() {};

  private final long pageTimeoutSeconds;

  /** @param pageTimeoutSeconds the time one page's extraction may take */
  public ExtractEntities(long pageTimeoutSeconds) {
    this.pageTimeoutSeconds = pageTimeoutSeconds;
  }

  @Override
  public PCollectionTuple expand(PCollection<SourcedPage> pages) {
    PCollectionTuple extracted = pages.apply("ExtractPage",
        ParDo.of(new ExtractEntitiesFn(pageTimeoutSeconds)).withOutputTags(PAGES, TupleTagList.of(ERRORS)));
    extracted.get(PAGES).setCoder(SerializableCoder.of(PageRecords.class));
    extracted.get(ERRORS).setCoder(SerializableCoder.of(ErrorRecord.class));
    return extracted;
  }

  /** Extracts one page's records. */
  static final class ExtractEntitiesFn extends DoFn<SourcedPage, PageRecords> {

    private final Counter pages = Metrics.counter(ExtractEntities.class, "pages");
    private final Counter cards = Metrics.counter(ExtractEntities.class, "cards");
    private final Counter timeouts = Metrics.counter(ExtractEntities.class, "pages_timed_out");
    private final Map<EntityKind, Counter> entities = new EnumMap<>(EntityKind.class);
    private final long pageTimeoutSeconds;
    private transient PageExtractor extractor;

    ExtractEntitiesFn(long pageTimeoutSeconds) {
      this.pageTimeoutSeconds = pageTimeoutSeconds;
      for (EntityKind kind : EntityKind.values()) {
        entities.put(kind, Metrics.counter(ExtractEntities.class, "entities_" + kind.label()));
      }
    }

    @Setup
    public void setup() {
      extractor = new PageExtractor();
    }

    @ProcessElement
    public void process(@Element SourcedPage page, MultiOutputReceiver out) {
      PageRecords records;
      try {
        records = extractor.extract(page.source(), page.page(),
            Budget.startingNow(Duration.ofSeconds(pageTimeoutSeconds)));
      } catch (RejectedInputException e) {
        timeouts.inc();
        Progress.pageDone();
        out.get(ERRORS).output(ErrorRecord.of(page.source(), "extract", e,
            ErrorRecord.excerptOf(page.page().title())));
        return;
      } catch (RuntimeException bug) {
        throw new IllegalStateException("bug while extracting " + page.source().path(), bug);
      }
      pages.inc();
      Progress.pageDone();
      cards.inc(records.cards().size());
      for (Entity entity : records.entities()) {
        entities.get(entity.kind()).inc();
      }
      out.get(PAGES).output(records);
    }
  }
}
