package dev.pagefeed.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.Schema;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.parts.RecordIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The run that was current in the output folder when a new run started: what the new run's
 * changes.jsonl is relative to, and whose records an incremental run reuses for unchanged files.
 *
 * @param folder the run's own folder ({@code output/.runs/<run>}), which stays in place until
 *     the new run commits
 * @param manifest its manifest
 */
public record PreviousRun(Location folder, Manifest manifest) {

  /**
   * The run in {@code folder}, with its manifest.
   *
   * @throws IOException when its manifest cannot be read or parsed (cut short, edited, another schema)
   */
  public static PreviousRun of(Location folder) throws IOException {
    String text = folder.resolve(OutputFile.MANIFEST).readString();
    Manifest manifest;
    try {
      manifest = Json.mapper().readValue(text, Manifest.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      long at = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
      if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException || at >= text.strip().length()) {
        throw new IOException("it is cut short: its JSON ends after " + text.length() + " characters", e);
      }
      throw new IOException("it is not a manifest pagefeed wrote: " + e.getOriginalMessage().lines().findFirst().orElse("")
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
    }
    if (manifest.files() == null || manifest.counters() == null || manifest.options() == null) {
      throw new IOException("it lacks its files, counters or options");
    }
    return new PreviousRun(folder, manifest);
  }

  /** The names of its record files (all its manifest lists but changes.jsonl, which is never reused). */
  public List<String> recordFiles() {
    java.util.Set<String> changes = new java.util.HashSet<>();
    OutputShard.all(OutputFile.CHANGES, manifest.options().shape().shards()).forEach(c -> changes.add(c.name()));
    return manifest.files().stream().map(Manifest.FileEntry::name).filter(name -> !changes.contains(name)).toList();
  }

  /**
   * The first of {@code names} whose size is not the manifest's (or that the manifest does not
   * list), said for people; empty when all match. Their sha256 the workers check ({@link Checked#check}).
   */
  public Optional<String> sizeMismatch(List<String> names) {
    for (Checked file : checked(names, false)) {
      String why = file.mismatch(false);
      if (why != null) {
        return Optional.of(why);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code names} as files to check against the manifest; a name the manifest does not list is one
   * whose check fails.
   *
   * @param sources whether they are shards of sources.jsonl (what the change feed is computed from)
   */
  public List<Checked> checked(List<String> names, boolean sources) {
    Map<String, Manifest.FileEntry> entries = new HashMap<>();
    manifest.files().forEach(entry -> entries.put(entry.name(), entry));
    List<Checked> files = new java.util.ArrayList<>();
    for (String name : names) {
      Manifest.FileEntry entry = entries.get(name);
      files.add(entry == null ? new Checked(name, null, -1, null, sources)
          : new Checked(name, folder.resolve(name), entry.bytes(), entry.sha256(), sources));
    }
    return files;
  }

  /**
   * A previous run's file found not to be what its manifest says.
   *
   * @param name its name in the run's folder
   * @param sources whether it is a shard of sources.jsonl (then the run is not built on at all)
   * @param why what is wrong with it, said for people
   */
  public record Mismatch(String name, boolean sources, String why) implements java.io.Serializable {}

  /**
   * One of a previous run's files, with what its manifest says of it: a run checks it before it
   * commits anything built on it (the size at the plan, the sha256 on a worker, see {@link RunPlan}).
   *
   * @param name its name in the run's folder
   * @param file where it is, or null when the manifest does not list it
   * @param sources whether it is a shard of sources.jsonl
   */
  public record Checked(String name, Location file, long bytes, String sha256, boolean sources)
      implements java.io.Serializable {

    /** Its mismatch when its size or sha256 is not the manifest's, else null. */
    public Mismatch check() {
      String why = mismatch(true);
      return why == null ? null : new Mismatch(name, sources, why);
    }

    /** Why its bytes are not the manifest's (sizes only, or with {@code contents} the sha256 too), or null when they are. */
    public String mismatch(boolean contents) {
      if (file == null) {
        return "manifest lists no " + name;
      }
      try {
        long size = file.size();
        if (size != bytes) {
          return name + " has " + size + " bytes, its manifest says " + bytes + " (it was changed after it was written)";
        }
        if (contents && !dev.pagefeed.model.Ids.sha256(file.open()).equals(sha256)) {
          return name + " does not match the sha256 its manifest lists (it was changed after it was written)";
        }
      } catch (IOException e) {
        return name + " cannot be read (" + e.getMessage() + ")";
      }
      return null;
    }
  }

  /**
   * Why this run's records cannot be reused by a run with {@code options}, said of the run (a
   * phrase that follows its name), or empty when they can: they must have been made by the same
   * build, schema and record-shaping options, and have their indexes and fingerprints.
   */
  public Optional<String> reuseRefusal(RecordShape shape) {
    for (OutputShard shard : shards(OutputFile.SOURCES_JSONL)) {
      for (Location needed : List.of(folder.resolve(shard.name()), RecordIndex.of(folder, shard),
          Fingerprints.of(folder, shard))) {
        if (!needed.existsUnchecked()) {
          return Optional.of("has no " + folder.relativize(needed) + " (it was removed, or an older pagefeed made the run)");
        }
      }
    }
    if (manifest.schemaVersion() != Schema.VERSION) {
      return Optional.of("has schema version " + manifest.schemaVersion() + ", this pagefeed writes " + Schema.VERSION
          + (manifest.schemaVersion() < 2 ? " (page ids now come from the URL or the file's path below its input root)" : ""));
    }
    if (!Build.id().equals(manifest.build())) {
      return Optional.of("was made by another build of pagefeed (" + manifest.build() + ", this is " + Build.id() + ")");
    }
    RecordShape before = manifest.options().shape();
    return before.equals(shape) ? Optional.empty()
        : Optional.of("was made with other " + String.join(", ", before.differences(shape)));
  }

  /** The shards its record file {@code file} was written as ({@code --shards} of that run). */
  public List<OutputShard> shards(OutputFile file) {
    return OutputShard.all(file, manifest.options().shape().shards());
  }

  /** One line of sources.jsonl. */
  public static SourceRecord parseSource(String line) {
    return parseSource(line.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The {@code page_id} of a line of sources.jsonl (UTF-8), or null when it has none: read token by
   * token without making the line's other values, for the passes that need only the id.
   */
  public static String pageIdOf(byte[] line) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      String pageId = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = "page_id".equals(parser.currentName());
        parser.nextToken();
        if (wanted) {
          pageId = parser.getValueAsString();
        } else {
          parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new IOException("not one whole object");
      }
      return pageId;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("not a line of sources.jsonl: " + new String(line, StandardCharsets.UTF_8), e);
    }
  }

  /**
   * One line of sources.jsonl, as UTF-8 bytes. Read token by token, without a tree: the commit reads
   * every line of a shard more than once.
   */
  public static SourceRecord parseSource(byte[] line) {
    try (JsonParser parser = Json.mapper().getFactory().createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      String path = null;
      String sha256 = null;
      String pageId = null;
      String contentHash = null;
      String errorType = null;
      String offsetIn = null;
      String record = null;
      String fetched = null;
      Long bytes = null;
      Long offset = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "path" -> path = parser.getValueAsString();
          case "sha256" -> sha256 = parser.getValueAsString();
          case "bytes" -> bytes = value == JsonToken.VALUE_NULL ? 0L : parser.getValueAsLong();
          case "page_id" -> pageId = parser.getValueAsString();
          case "content_hash" -> contentHash = parser.getValueAsString();
          case "error_type" -> errorType = parser.getValueAsString();
          case "offset" -> offset = value == JsonToken.VALUE_NULL ? null : parser.getValueAsLong();
          case "offset_in" -> offsetIn = parser.getValueAsString();
          case "record" -> record = parser.getValueAsString();
          case "fetched" -> fetched = parser.getValueAsString();
          default -> parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new IOException("not one whole object");
      }
      if (path == null || bytes == null) {
        throw new IOException("no " + (path == null ? "path" : "bytes"));
      }
      return new SourceRecord(path, sha256, bytes, pageId, contentHash,
          errorType == null ? null : ErrorType.valueOf(errorType.toUpperCase(Locale.ROOT)), offset, offsetIn, record,
          fetched);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("not a line of sources.jsonl: " + new String(line, StandardCharsets.UTF_8), e);
    }
  }
}
