package dev.pagefeed.parts;

import dev.pagefeed.files.Location;
import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.encode.OutputLine;
import dev.pagefeed.encode.RecordEncoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts written by buffers merge into one file in key order, whatever part a line was in. */
class PartFilesTest {

  @TempDir Path staging;

  private static RecordEncoder.Encoded line(String key, String text, String tag, String source) {
    return new RecordEncoder.Encoded(OutputFile.ERRORS_JSONL,
        new OutputLine(key, (text + "\n").getBytes(StandardCharsets.UTF_8), tag, source), source);
  }

  @Test
  void partsMergeInKeyOrderWithTiesBrokenByTheirBytes() throws Exception {
    PartFiles.Buffer first = new PartFiles.Buffer(Location.of(staging), 1);
    first.add(line("c", "third", "timeout", "b.txt"));
    first.add(line("a", "first", "binary", "a.txt"));
    PartFiles.Buffer second = new PartFiles.Buffer(Location.of(staging), 1);
    second.add(line("b", "zweite", "binary", "a.txt"));
    second.add(line("b", "second, 二", "", "c.txt"));
    second.add(line("b", "second", "", "c.txt"));
    List<PartFiles.Part> parts = new java.util.ArrayList<>(first.flush());
    parts.addAll(second.flush());
    assertEquals(2, parts.size());
    assertEquals(3, parts.get(1).records());
    assertEquals("second\n".length() + "second, 二\n".getBytes(StandardCharsets.UTF_8).length + "zweite\n".length(),
        parts.get(1).bytes());

    FileSummary summary = PartFiles.merge(Location.of(staging), new OutputShard(OutputFile.ERRORS_JSONL, 0, 1), parts, false);

    assertEquals("first\nsecond\nsecond, 二\nzweite\nthird\n",
        Files.readString(staging.resolve("errors.jsonl"), StandardCharsets.UTF_8));
    assertEquals(5, summary.records());
    assertEquals(Map.of("binary", 2L, "timeout", 1L), summary.tags());
    for (PartFiles.Part part : parts) {
      assertFalse(Files.exists(Path.of(part.path())), "a merged part is removed");
    }
    assertTrue(RecordIndex.of(Location.of(staging), new OutputShard(OutputFile.ERRORS_JSONL, 0, 1)).exists());
  }

  @Test
  void aFullBufferSaysSo() {
    PartFiles.Buffer buffer = new PartFiles.Buffer(Location.of(staging), 1);
    for (int i = 0; i < PartFiles.Buffer.MAX_LINES - 1; i++) {
      buffer.add(line("k" + i, "x", "", "a.txt"));
    }
    assertFalse(buffer.full());
    buffer.add(line("last", "x", "", "a.txt"));
    assertTrue(buffer.full());
    assertEquals(PartFiles.Buffer.MAX_LINES, buffer.flush().get(0).records());
    assertFalse(buffer.full());
    assertTrue(buffer.flush().isEmpty());
  }

  @Test
  void aClearedBufferWritesNothingOfWhatItHeld() throws Exception {
    PartFiles.Buffer buffer = new PartFiles.Buffer(Location.of(staging), 1);
    buffer.add(line("a", "dropped", "", "a.txt"));
    buffer.clear();
    assertTrue(buffer.flush().isEmpty());
    buffer.add(line("b", "kept", "", "b.txt"));
    List<PartFiles.Part> parts = buffer.flush();
    assertEquals(1, parts.size());
    assertEquals(1, parts.get(0).records());
    PartFiles.merge(Location.of(staging), new OutputShard(OutputFile.ERRORS_JSONL, 0, 1), parts, false);
    assertEquals("kept\n", Files.readString(staging.resolve("errors.jsonl"), StandardCharsets.UTF_8));
  }

  @Test
  void aBufferOfFewLargeLinesIsFullByItsBytes() {
    PartFiles.Buffer buffer = new PartFiles.Buffer(Location.of(staging), 1);
    String large = "页".repeat(1 << 20); // 3 MB of UTF-8
    int lines = 0;
    while (!buffer.full()) {
      buffer.add(line("k" + lines++, large, "", "a.txt"));
    }
    assertEquals(PartFiles.Buffer.MAX_BYTES / (3L << 20) + 1, lines);
    assertEquals(lines, buffer.flush().get(0).records());
  }
}
