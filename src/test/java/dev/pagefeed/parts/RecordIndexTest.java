package dev.pagefeed.parts;

import dev.pagefeed.files.Location;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.model.SourceRef;
import dev.pagefeed.run.OutputCommitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.SnappyInputStream;

/**
 * A run's index gives back the records of the sources an incremental run keeps, byte for byte;
 * a file or index that no longer match each other stop the run rather than being half reused.
 */
class RecordIndexTest {

  @TempDir Path run;

  private static final List<String> SOURCES = List.of("a.txt", "b.html");

  @BeforeEach
  void writeARun() {
    List<OutputLine> lines = new ArrayList<>();
    lines.add(new OutputLine("0c", "{\"id\":\"0c\",\"text\":\"热线12393\"}\n".getBytes(StandardCharsets.UTF_8), "phone", "a.txt"));
    lines.add(new OutputLine("1b", "{\"id\":\"1b\"}\n".getBytes(StandardCharsets.UTF_8), "url", "b.html"));
    lines.add(new OutputLine("2a", "{\"id\":\"2a\"}\n".getBytes(StandardCharsets.UTF_8), "phone", "a.txt"));
    OutputCommitter.writeFile(Location.of(run), OutputFile.ENTITIES_JSONL, lines, false);
  }

  /** The kept records, each with its key, tag, the name of its source and its text. */
  private List<String> keptLines(BitSet kept) throws Exception {
    java.util.Map<Long, String> byHash = new java.util.HashMap<>();
    SOURCES.forEach(source -> byHash.put(SourceRef.hash(source), source));
    RecordIndex.Keep keep = (path, source) -> {
      assertEquals(path, source, "a page file's source is its path");
      return kept.get(SOURCES.indexOf(byHash.get(path)));
    };
    List<String> texts = new ArrayList<>();
    try (RecordIndex.KeptLines lines = new RecordIndex.KeptLines(Location.of(run), new OutputShard(OutputFile.ENTITIES_JSONL, 0, 1), keep)) {
      while (lines.advance()) {
        texts.add(new String(lines.key(), StandardCharsets.UTF_8) + " " + lines.tag() + " " + byHash.get(lines.sourceHash()) + " "
            + new String(lines.text(), StandardCharsets.UTF_8).strip());
      }
    }
    return texts;
  }

  @Test
  void keptSourcesComeBackWithTheirKeysTagsAndText() throws Exception {
    BitSet onlyA = new BitSet();
    onlyA.set(0);
    assertEquals(List.of("0c phone a.txt {\"id\":\"0c\",\"text\":\"热线12393\"}", "2a phone a.txt {\"id\":\"2a\"}"),
        keptLines(onlyA));
  }

  @Test
  void aCutIndexStopsTheRun() throws Exception {
    Location index = RecordIndex.of(Location.of(run), new OutputShard(OutputFile.ENTITIES_JSONL, 0, 1));
    // The index is compressed: rewrite it less the last two bytes of its last entry.
    byte[] whole;
    try (SnappyInputStream in = new SnappyInputStream(index.open())) {
      whole = in.readAllBytes();
    }
    try (BinaryFiles.Output out = BinaryFiles.out(index)) {
      out.write(whole, 0, whole.length - 2);
    }
    BitSet all = new BitSet();
    all.set(0, 2);
    IllegalStateException stop = assertThrows(IllegalStateException.class, () -> keptLines(all));
    assertTrue(stop.getMessage().contains("no longer matches its index"), stop.getMessage());
  }

  @Test
  void aFileLongerThanItsIndexStopsTheRun() throws Exception {
    Files.writeString(run.resolve("entities.jsonl"), "{\"id\":\"9z\"}\n", StandardOpenOption.APPEND);
    BitSet all = new BitSet();
    all.set(0, 2);
    IllegalStateException stop = assertThrows(IllegalStateException.class, () -> keptLines(all));
    assertTrue(stop.getMessage().contains("no longer matches its index"), stop.getMessage());
  }

  @Test
  void aShardIsReusableWholeOnlyWhenEveryRecordIsKept() throws Exception {
    OutputShard shard = new OutputShard(OutputFile.ENTITIES_JSONL, 0, 1);
    assertEquals(java.util.Optional.of(java.util.Map.of("phone", 2L, "url", 1L)),
        RecordIndex.tagsIfAllKept(Location.of(run), shard, (path, source) -> true));
    long a = SourceRef.hash("a.txt");
    assertEquals(java.util.Optional.empty(), RecordIndex.tagsIfAllKept(Location.of(run), shard, (path, source) -> path == a));
  }
}
