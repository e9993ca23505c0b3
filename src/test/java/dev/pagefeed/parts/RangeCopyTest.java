package dev.pagefeed.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.files.Location;
import dev.pagefeed.model.SourceRef;
import dev.pagefeed.run.OutputCommitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A merge copies runs of the previous run's kept records as ranges of the file's bytes: it must
 * write the same file, index and counts as the merge that writes each record alone, whatever is
 * kept, whatever the new parts hold (keys between, before, after and equal to the kept ones), and
 * wherever a kept record must be rewritten.
 */
class RangeCopyTest {

  @TempDir Path temp;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void rangesWriteWhatRecordByRecordWrites(long seed) throws IOException {
    Random random = new Random(seed);
    int sources = 1 + random.nextInt(40);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      names.add("crawl/" + i + ".txt");
    }
    // The previous run: a few records per source, under random keys (so one source's records are scattered).
    Location previous = Location.of(Files.createDirectories(temp.resolve("previous")));
    List<OutputLine> before = new ArrayList<>();
    int records = random.nextInt(300);
    for (int i = 0; i < records; i++) {
      before.add(line(key(random), names.get(random.nextInt(sources)), random));
    }
    OutputShard shard = new OutputShard(OutputFile.ENTITIES_JSONL, 0, 1);
    OutputCommitter.writeFile(previous, OutputFile.ENTITIES_JSONL, before, false);
    // What this run keeps: all, none, or a random share of the sources.
    Set<Long> kept = new HashSet<>();
    double share = switch ((int) (seed % 3)) {
      case 0 -> 1.0;
      case 1 -> 0.0;
      default -> random.nextDouble();
    };
    for (String name : names) {
      if (random.nextDouble() < share) {
        kept.add(SourceRef.hash(name));
      }
    }
    RecordIndex.Keep keep = (path, source) -> kept.contains(source);
    // This run's parts: new records, some under keys the previous file also has.
    List<List<OutputLine>> parts = new ArrayList<>();
    for (int p = random.nextInt(3); p > 0; p--) {
      List<OutputLine> part = new ArrayList<>();
      for (int i = random.nextInt(40); i > 0; i--) {
        String k = random.nextInt(4) == 0 && !before.isEmpty() ? before.get(random.nextInt(before.size())).sortKey() : key(random);
        part.add(line(k, "new/" + random.nextInt(5) + ".txt", random));
      }
      parts.add(part);
    }
    // Some kept records are rewritten (as a page's duplicate_of would be).
    Set<String> rewritten = new HashSet<>();
    before.stream().filter(l -> random.nextInt(10) == 0).forEach(l -> rewritten.add(l.sortKey()));
    AtomicLong applied = new AtomicLong();
    PartFiles.Rewrite each = record -> {
      applied.incrementAndGet();
      String k = new String(record.key(), StandardCharsets.UTF_8);
      return record.previous() && rewritten.contains(k)
          ? ("{\"rewritten\":\"" + k + "\"}\n").getBytes(StandardCharsets.UTF_8) : record.text();
    };
    Predicate<byte[]> unchanged = k -> !rewritten.contains(new String(k, StandardCharsets.UTF_8));

    Merged one = merge("each", previous, shard, parts, keep, each);
    long perRecord = applied.getAndSet(0);
    Merged ranges = merge("ranges", previous, shard, parts, keep, PartFiles.Rewrite.asIs(each, unchanged));

    assertArrayEquals(one.file(), ranges.file(), "the file");
    assertArrayEquals(one.index(), ranges.index(), "the index");
    assertEquals(one.summary().records(), ranges.summary().records());
    assertEquals(one.summary().sha256(), ranges.summary().sha256());
    assertEquals(one.summary().tags(), ranges.summary().tags());
    long keptRecords = before.stream().filter(l -> kept.contains(SourceRef.hash(l.source()))).count();
    long newRecords = parts.stream().mapToLong(List::size).sum();
    assertEquals(keptRecords + newRecords, perRecord, "record by record: every kept and new record is decided alone");
    long keptRewritten = before.stream()
        .filter(l -> kept.contains(SourceRef.hash(l.source())) && rewritten.contains(l.sortKey())).count();
    assertEquals(newRecords + keptRewritten, applied.get(),
        "ranges: the kept records written as they are are copied, never decided one by one");
  }

  private record Merged(byte[] file, byte[] index, FileSummary summary) {}

  private Merged merge(String name, Location previous, OutputShard shard, List<List<OutputLine>> parts,
      RecordIndex.Keep keep, PartFiles.Rewrite rewrite) throws IOException {
    Location staging = Location.of(Files.createDirectories(temp.resolve(name)));
    List<PartFiles.Lines> inputs = new ArrayList<>();
    for (List<OutputLine> part : parts) {
      inputs.add(PartFiles.open(PartFiles.write(staging, shard, part)));
    }
    inputs.add(new RecordIndex.KeptLines(previous, shard, keep));
    FileSummary summary = PartFiles.merge(staging, shard, inputs, false, rewrite);
    return new Merged(Files.readAllBytes(staging.path().resolve(shard.name())),
        RecordIndex.of(staging, shard).open().readAllBytes(), summary);
  }

  private static String key(Random random) {
    return String.format("%04x", random.nextInt(1 << 12));
  }

  private static OutputLine line(String key, String source, Random random) {
    String text = "{\"id\":\"" + key + "\",\"text\":\"热线" + random.nextInt(100) + "\"}\n";
    return new OutputLine(key, text.getBytes(StandardCharsets.UTF_8), random.nextBoolean() ? "phone" : "url", source);
  }
}
