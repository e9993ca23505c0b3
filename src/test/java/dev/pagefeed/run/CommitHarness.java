package dev.pagefeed.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pagefeed.encode.Json;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.RecordEncoder;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.SourceRecord;
import dev.pagefeed.parts.PartFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commit's shard steps run by hand, as the pipeline runs them, on given sources: the previous
 * run's (post-claim, as a run writes them) and this run's (as its parts hold them). For tests of
 * which source keeps a page id, {@code duplicate_of} and the change feed.
 */
final class CommitHarness {

  private CommitHarness() {}

  /**
   * What the steps gave.
   *
   * @param sources this run's sources.jsonl lines, shard after shard
   * @param loserErrors the messages of the error lines of sources that lost their page id
   * @param duplicates this run's page id → duplicate_of
   * @param changes changes.jsonl, in page id order: "page_id change content_hash"
   */
  record Outcome(List<SourceRecord> sources, List<String> loserErrors, Map<String, String> duplicates,
      List<String> changes) {}

  static Outcome run(Path dir, List<SourceRecord> before, List<SourceRecord> after, int shards) throws IOException {
    Path previousFolder = Files.createDirectories(dir.resolve("previous"));
    for (OutputShard shard : OutputShard.all(OutputFile.SOURCES_JSONL, shards)) {
      StringBuilder lines = new StringBuilder();
      before.stream().filter(s -> shardOf(s, shards) == shard.index()).sorted(Comparator.comparing(SourceRecord::sortKey))
          .forEach(s -> lines.append(Json.line(s)).append('\n'));
      Files.writeString(previousFolder.resolve(shard.name()), lines);
    }
    PreviousFiles previous = new PreviousFiles(Location.of(previousFolder), shards, Map.of(), false);
    Location staging = Location.of(Files.createDirectories(dir.resolve("staging")));
    Map<Integer, List<OutputLine>> byShard = new TreeMap<>();
    for (SourceRecord source : after) {
      RecordEncoder.Encoded line = RecordEncoder.encode(source);
      byShard.computeIfAbsent(OutputShard.numberOf(line.shardKey(), shards), s -> new ArrayList<>()).add(line.line());
    }
    List<SourceRecord> sources = new ArrayList<>();
    List<String> loserErrors = new ArrayList<>();
    List<ShardSources.Decision> decisions = new ArrayList<>();
    Map<Integer, List<String>> contentFiles = new TreeMap<>();
    for (OutputShard shard : OutputShard.all(OutputFile.SOURCES_JSONL, shards)) {
      List<OutputLine> lines = byShard.getOrDefault(shard.index(), List.of());
      List<PartFiles.Part> parts = lines.isEmpty() ? List.of() : List.of(PartFiles.write(staging, shard, lines));
      ShardSources.Outcome outcome = ShardSources.decide(staging, shard, parts, previous, null);
      decisions.add(outcome.decision());
      outcome.contentFiles().forEach((c, file) -> contentFiles.computeIfAbsent(c, x -> new ArrayList<>()).add(file));
      Files.readAllLines(staging.path().resolve(shard.name())).forEach(l -> sources.add(PreviousRun.parseSource(l)));
      for (PartFiles.Part part : outcome.loserErrors()) {
        try (PartFiles.Lines errors = PartFiles.open(part)) {
          while (errors.advance()) {
            loserErrors.add(Json.mapper().readTree(errors.text()).get("message").asText());
          }
        }
      }
    }
    Map<Integer, List<String>> copyFiles = new TreeMap<>();
    for (List<String> files : contentFiles.values()) {
      DuplicatePages.find(staging, files, shards).copies()
          .forEach((s, file) -> copyFiles.computeIfAbsent(s, x -> new ArrayList<>()).add(file));
    }
    Map<String, String> duplicates = new TreeMap<>();
    List<String> changes = new ArrayList<>();
    for (ShardSources.Decision decision : decisions) {
      DuplicatePages.Copies copies = DuplicatePages.copiesOf(copyFiles.getOrDefault(decision.shard(), List.of()));
      copies.after().forEach((page, first) -> duplicates.put(PageKeys.pageIdText(page), PageKeys.pageIdText(first)));
      OutputShard shard = new OutputShard(OutputFile.CHANGES, decision.shard(), shards);
      ChangeFeed.writeShard(staging, shard, decision, copies, "run");
      for (String line : Files.readAllLines(staging.path().resolve(shard.name()), StandardCharsets.UTF_8)) {
        JsonNode change = Json.mapper().readTree(line);
        changes.add(change.get("page_id").asText() + " " + change.get("change").asText() + " "
            + change.get("content_hash").asText());
      }
    }
    changes.sort(Comparator.naturalOrder());
    return new Outcome(sources, loserErrors, duplicates, changes);
  }

  private static int shardOf(SourceRecord source, int shards) {
    return OutputShard.numberOf(source.pageId() != null ? source.pageId() : source.id(), shards);
  }

  /** What a pipeline over no input leaves: every file of {@code plan}'s shards, empty (CSV: a header). */
  static StagedWork emptyWork(RunPlan plan) {
    int shards = plan.options().shape().shards();
    List<dev.pagefeed.parts.FileSummary> files = new ArrayList<>();
    for (OutputFile file : OutputFile.values()) {
      for (OutputShard shard : OutputShard.all(file, shards)) {
        dev.pagefeed.parts.FileSummary merged = PartFiles.merge(plan.staging(), shard, List.of(),
            plan.options().shape().csvBom());
        // A shard of sources.jsonl carries its share of the input digest and its fingerprints, as ShardSources
        // gives them: here none.
        if (file == OutputFile.SOURCES_JSONL) {
          new Fingerprints.Writer().write(Fingerprints.of(plan.staging(), shard));
        }
        files.add(file != OutputFile.SOURCES_JSONL ? merged : new dev.pagefeed.parts.FileSummary(merged.file(),
            merged.records(), merged.bytes(), merged.sha256(), new InputDigest.Sum().tags()));
      }
    }
    for (OutputShard shard : OutputShard.all(OutputFile.CHANGES, shards)) {
      files.add(ChangeFeed.write(plan.staging(), shard, List.of()));
    }
    return new StagedWork(files, List.of(), 0, 0, 0, List.of(), List.of());
  }
}
