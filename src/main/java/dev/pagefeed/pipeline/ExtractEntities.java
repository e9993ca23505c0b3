package dev.pagefeed.pipeline;

import dev.pagefeed.extract.PageExtractor;
import dev.pagefeed.model.Entity;
import dev.pagefeed.model.EntityKind;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import dev.pagefeed.model.PageRecords;
import dev.pagefeed.segment.SourcedPage;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Gives each segmented page its ids and entities: the page, card and entity records. */
public final class ExtractEntities extends PTransform<PCollection<SourcedPage>, PCollection<PageRecords>> {

  @Override
  public PCollection<PageRecords> expand(PCollection<SourcedPage> pages) {
    return pages
        .apply("ExtractPage", ParDo.of(new ExtractEntitiesFn()))
        .setCoder(SerializableCoder.of(PageRecords.class));
  }

  /** Extracts one page's records. */
  static final class ExtractEntitiesFn extends DoFn<SourcedPage, PageRecords> {

    private final Counter pages = Metrics.counter(ExtractEntities.class, "pages");
    private final Counter cards = Metrics.counter(ExtractEntities.class, "cards");
    private final Map<EntityKind, Counter> entities = new EnumMap<>(EntityKind.class);
    private transient PageExtractor extractor;

    ExtractEntitiesFn() {
      for (EntityKind kind : EntityKind.values()) {
        entities.put(kind, Metrics.counter(ExtractEntities.class, "entities_" + kind.label()));
      }
    }

    @Setup
    public void setup() {
      extractor = new PageExtractor();
    }

    @ProcessElement
    public void process(@Element SourcedPage page, OutputReceiver<PageRecords> out) {
      PageRecords records;
      try {
        records = extractor.extract(page.source(), page.page());
      } catch (RuntimeException bug) {
        throw new IllegalStateException("bug while extracting " + page.source().path(), bug);
      }
      pages.inc();
      cards.inc(records.cards().size());
      for (Entity entity : records.entities()) {
        entities.get(entity.kind()).inc();
      }
      out.output(records);
    }
  }
}
