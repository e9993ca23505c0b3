package dev.pagefeed.run;

import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options that shape the records: two runs with equal shapes write the same records for the
 * same file, so a run may reuse another's records only when their shapes are equal. An option
 * that changes what a record holds belongs here, and nowhere else needs to know of it: the
 * manifest records it, and {@link #differences} names it when reuse is refused.
 *
 * @param maxPageBytes larger pages become errors
 * @param encoding the charset every page is decoded with, or null to detect it
 * @param pageTimeoutSeconds the time budget of a page's extraction
 * @param csvRaw whether CSV cells are written without the formula-injection guard
 * @param csvBom whether CSV files start with a UTF-8 BOM
 * @param shards how many files each record file is written as ({@code --shards}); a manifest written
 *     before shards existed has none, which is one
 * @param formats the record formats written ({@code --formats}, normalized: {@code jsonl,csv} or
 *     {@code jsonl,csv,parquet}); a manifest written before formats existed has none, which is
 *     {@code jsonl,csv}
 * @param parquetCompression how Parquet files are compressed ({@code zstd}, {@code snappy}); null
 *     when none are written
 */
public record RecordShape(long maxPageBytes, String encoding, long pageTimeoutSeconds, boolean csvRaw,
    boolean csvBom, int shards, String formats, String parquetCompression) implements Serializable {

  /** The formats written when none are named. */
  public static final String DEFAULT_FORMATS = "jsonl,csv";

  public RecordShape {
    shards = shards == 0 ? 1 : shards;
    formats = formats == null ? DEFAULT_FORMATS : formats;
    parquetCompression = formats.contains("parquet") ? parquetCompression : null;
  }

  /** A shape with one shard per record file. */
  public RecordShape(long maxPageBytes, String encoding, long pageTimeoutSeconds, boolean csvRaw, boolean csvBom) {
    this(maxPageBytes, encoding, pageTimeoutSeconds, csvRaw, csvBom, 1);
  }

  /** Whether CSV files are written. */
  public boolean csv() {
    return java.util.Arrays.asList(formats.split(",")).contains("csv");
  }

  /** The record files a run of this shape writes, in file order. */
  public java.util.List<dev.pagefeed.encode.OutputFile> files() {
    return dev.pagefeed.encode.OutputFile.written(csv());
  }

  /** A shape of the default formats. */
  public RecordShape(long maxPageBytes, String encoding, long pageTimeoutSeconds, boolean csvRaw, boolean csvBom,
      int shards) {
    this(maxPageBytes, encoding, pageTimeoutSeconds, csvRaw, csvBom, shards, DEFAULT_FORMATS, null);
  }

  /** The codec Parquet files are written with, or null when none are written. */
  public dev.pagefeed.encode.ParquetTable.Codec parquet() {
    return parquetCompression == null ? null : dev.pagefeed.encode.ParquetTable.Codec.named(parquetCompression);
  }

  /** The options in which {@code other} differs from this shape, as {@code --name}, in declaration order. */
  public List<String> differences(RecordShape other) {
    List<String> differ = new ArrayList<>();
    for (RecordComponent component : RecordShape.class.getRecordComponents()) {
      if (!Objects.equals(valueOf(component, this), valueOf(component, other))) {
        differ.add("--" + component.getName());
      }
    }
    return differ;
  }

  private static Object valueOf(RecordComponent component, RecordShape shape) {
    try {
      return component.getAccessor().invoke(shape);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component.getName() + " of a record shape", e);
    }
  }
}
