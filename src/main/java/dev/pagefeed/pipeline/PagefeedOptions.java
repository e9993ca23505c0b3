package dev.pagefeed.pipeline;

import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.DefaultValueFactory;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** pagefeed's command-line options; {@code --help} lists them with Beam's own. */
public interface PagefeedOptions extends PipelineOptions {

  @Description(
      "Page dumps to read: files, folders (every file below them) or globs; repeat the option "
          + "or separate with commas. Default: the input folder.")
  @Default.InstanceFactory(DefaultInput.class)
  List<String> getInput();

  void setInput(List<String> value);

  @Description("Folder the output files are written to; its previous contents are replaced.")
  @Default.String("output")
  String getOutput();

  void setOutput(String value);

  @Description("Pages larger than this many bytes (after decompression) go to errors.jsonl.")
  @Default.Long(8L * 1024 * 1024)
  long getMaxPageBytes();

  void setMaxPageBytes(long value);

  @Description("A WARC file larger than this many bytes is read in ranges of this size, spread over the workers "
      + "(when its records can be found from anywhere in it: uncompressed, or gzip with a member per record).")
  @Default.Long(1024 * 1024)
  long getWarcRangeBytes();

  void setWarcRangeBytes(long value);

  @Description(
      "Decode every page with this charset (e.g. GB18030, UTF-16LE) instead of detecting it.")
  String getEncoding();

  void setEncoding(String value);

  @Description("A page whose entity extraction takes longer than this goes to errors.jsonl (type timeout).")
  @Default.Long(60)
  long getPageTimeoutSeconds();

  void setPageTimeoutSeconds(long value);

  @Description("Print no progress lines during the run (the summary line at the end stays).")
  @Default.Boolean(false)
  boolean getQuiet();

  void setQuiet(boolean value);

  @Description("Write CSV cells as they are, without the ' that guards cells starting with = + - @.")
  @Default.Boolean(false)
  boolean getCsvRaw();

  void setCsvRaw(boolean value);

  @Description("Start each CSV file with a UTF-8 byte-order mark, for Excel.")
  @Default.Boolean(false)
  boolean getCsvBom();

  void setCsvBom(boolean value);

  @Description("Reuse the previous run's records (in --output) for every input file whose bytes are unchanged, "
      + "and process only new and changed files. The output files are the same as a full run's; changes.jsonl "
      + "lists the pages added, updated and removed either way. Falls back to processing every file, with a "
      + "note, when the previous run was made by another build or with other record-shaping options.")
  @Default.Boolean(false)
  boolean getIncremental();

  void setIncremental(boolean value);

  @Description("A run whose change feed would remove more than this share (percent) of the previous run's pages "
      + "does not become current: the previous run stays, and the run says what it would have removed. 100 allows "
      + "any removal (a crawl that really shrank).")
  @Default.Long(dev.pagefeed.run.RemovalGuard.DEFAULT_PERCENT)
  long getMaxRemovedPercent();

  void setMaxRemovedPercent(long value);

  @Description("The record formats written, any of jsonl, csv and parquet with jsonl among them (default "
      + "jsonl,csv): parquet adds one typed Parquet file per record kind (pages.parquet, cards.parquet, …, sharded "
      + "like the others); jsonl,parquet leaves out CSV. JSONL is always written: incremental runs reuse records "
      + "from it and the other formats are written from it.")
  @Default.String("jsonl,csv")
  String getFormats();

  void setFormats(String value);

  @Description("How Parquet files are compressed: zstd (smaller) or snappy (faster to read).")
  @Default.String("zstd")
  String getParquetCompression();

  void setParquetCompression(String value);

  @Description("Write each record file as this many files (shards), named as Beam names shards "
      + "(pages-00003-of-00016.jsonl); a page, its cards, entities and source line share a shard. 1 writes "
      + "pages.jsonl and so on. Read all shards of a file with one glob (pages-*.jsonl).")
  @Default.Integer(1)
  int getShards();

  void setShards(int value);

  /** The default input: the project's {@code input/} folder. */
  class DefaultInput implements DefaultValueFactory<List<String>> {
    @Override
    public List<String> create(PipelineOptions options) {
      return List.of("input");
    }
  }
}
