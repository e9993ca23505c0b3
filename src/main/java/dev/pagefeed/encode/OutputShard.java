package dev.pagefeed.encode;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.google.common.hash.Hashing;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One shard of a record file ({@code --shards}): with one shard, the file itself
 * ({@code pages.jsonl}); with N, one of N files named as Beam names shards
 * ({@code pages-00003-of-00016.jsonl}). A record's shard is given by its page id, so that a page,
 * its cards, its entities and its source's line share a shard number; records without a page id
 * (errors, sources that gave no page) by their source id.
 *
 * <pre>
 *   new OutputShard(PAGES_JSONL, 3, 16).name() → "pages-00003-of-00016.jsonl"
 *   new OutputShard(PAGES_JSONL, 0, 1).name()  → "pages.jsonl"
 * </pre>
 *
 * @param fileName the record file's name when written whole ({@code pages.jsonl}, {@code changes.jsonl})
 * @param index the shard's number, from 0
 * @param count how many shards the file has
 */
public record OutputShard(String fileName, int index, int count) implements Serializable {

  /** The most shards a file may have. */
  public static final int MAX_SHARDS = 1024;

  public OutputShard {
    if (count < 1 || count > MAX_SHARDS || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + " of " + count);
    }
  }

  public OutputShard(OutputFile file, int index, int count) {
    this(file.fileName(), index, count);
  }

  /** The shards of a file, in order. */
  public static List<OutputShard> all(OutputFile file, int count) {
    return all(file.fileName(), count);
  }

  /** The shards of a file named {@code name}, in order. */
  public static List<OutputShard> all(String name, int count) {
    List<OutputShard> shards = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      shards.add(new OutputShard(name, i, count));
    }
    return shards;
  }

  /** The file's name: the record file's own with one shard, else with Beam's {@code -SSSSS-of-NNNNN}. */
  @JsonIgnore
  public String name() {
    if (count == 1) {
      return fileName;
    }
    int dot = fileName.lastIndexOf('.');
    return String.format("%s-%05d-of-%05d%s", fileName.substring(0, dot), index, count, fileName.substring(dot));
  }

  /** The record file this is a shard of, or null for {@code changes.jsonl}. */
  @JsonIgnore
  public OutputFile file() {
    for (OutputFile file : OutputFile.values()) {
      if (file.fileName().equals(fileName)) {
        return file;
      }
    }
    return null;
  }

  @JsonIgnore
  public boolean isCsv() {
    return fileName.endsWith(".csv");
  }

  /** Beam's shard suffix, as {@link #name} writes it. */
  private static final java.util.regex.Pattern SHARD_SUFFIX = java.util.regex.Pattern.compile("-\\d{5}-of-\\d{5}");

  /**
   * Whether {@code name} is a record file's, whole or one of its shards ({@code pages.jsonl},
   * {@code pages-00003-of-00016.jsonl}, {@code changes.jsonl}): a file pagefeed writes.
   */
  public static boolean isRecordFileName(String name) {
    for (String whole : RECORD_FILE_NAMES) {
      int dot = whole.lastIndexOf('.');
      String stem = whole.substring(0, dot);
      String extension = whole.substring(dot);
      if (name.equals(whole) || (name.startsWith(stem) && name.endsWith(extension)
          && SHARD_SUFFIX.matcher(name.substring(stem.length(), name.length() - extension.length())).matches())) {
        return true;
      }
    }
    return false;
  }

  /** The names of every file pagefeed writes records into, unsharded: the record files, changes.jsonl, the Parquet files. */
  private static final List<String> RECORD_FILE_NAMES = recordFileNames();

  private static List<String> recordFileNames() {
    List<String> names = new ArrayList<>();
    for (OutputFile file : OutputFile.values()) {
      names.add(file.fileName());
    }
    names.add(OutputFile.CHANGES);
    for (ParquetTable.Kind kind : ParquetTable.Kind.values()) {
      names.add(kind.fileName());
    }
    return List.copyOf(names);
  }

  /**
   * The shard number of a record whose shard key (its page id, else its source id) is {@code key}:
   * a fixed hash of the key, so the same on every runner and machine.
   */
  public static int numberOf(String key, int count) {
    if (count == 1) {
      return 0;
    }
    return Math.floorMod(Hashing.murmur3_32_fixed().hashString(key, StandardCharsets.UTF_8).asInt(), count);
  }
}
