package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.files.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options that shape records are one value: any difference refuses reuse and is named; and a
 * run refuses to switch when another became current since it was planned (two writers).
 */
class RecordShapeTest {

  private static final RecordShape SHAPE = new RecordShape(8 << 20, null, 60, false, false);

  @Test
  void eachOptionThatDiffersIsNamed() {
    assertEquals(List.of(), SHAPE.differences(new RecordShape(8 << 20, null, 60, false, false)));
    assertEquals(List.of("--maxPageBytes"), SHAPE.differences(new RecordShape(1 << 20, null, 60, false, false)));
    assertEquals(List.of("--encoding"), SHAPE.differences(new RecordShape(8 << 20, "GB18030", 60, false, false)));
    assertEquals(List.of("--pageTimeoutSeconds"), SHAPE.differences(new RecordShape(8 << 20, null, 5, false, false)));
    assertEquals(List.of("--csvRaw", "--csvBom"), SHAPE.differences(new RecordShape(8 << 20, null, 60, true, true)));
    assertEquals(List.of("--shards"), SHAPE.differences(new RecordShape(8 << 20, null, 60, false, false, 16)));
    assertEquals(List.of("--formats", "--parquetCompression"), SHAPE.differences(
        new RecordShape(8 << 20, null, 60, false, false, 1, "jsonl,csv,parquet", "zstd")));
    RecordShape zstd = new RecordShape(8 << 20, null, 60, false, false, 1, "jsonl,csv,parquet", "zstd");
    assertEquals(List.of("--parquetCompression"),
        zstd.differences(new RecordShape(8 << 20, null, 60, false, false, 1, "jsonl,csv,parquet", "snappy")));
    assertEquals(List.of(), SHAPE.differences(new RecordShape(8 << 20, null, 60, false, false, 1, "jsonl,csv", "snappy")),
        "without Parquet files, their compression is no difference");
    // Every component of the record counts: a new option added to it is compared without more code.
    assertEquals(RecordShape.class.getRecordComponents().length,
        SHAPE.differences(new RecordShape(1, "UTF-8", 1, true, true, 4, "jsonl,csv,parquet", "snappy")).size());
  }

  @Test
  void aPlanRefusesReuseNamingTheOptions(@TempDir Path output) {
    Location out = Location.of(output);
    RunPlan first = RunPlan.of(out, new Manifest.RunOptions(List.of("in"), SHAPE, false));
    OutputCommitter.commit(first, CommitHarness.emptyWork(first));
    RunPlan same = RunPlan.of(out, new Manifest.RunOptions(List.of("in"), SHAPE, true));
    assertEquals(null, same.refusal());
    assertTrue(same.reusable().isPresent());
    RunPlan other = RunPlan.of(out, new Manifest.RunOptions(List.of("in"),
        new RecordShape(8 << 20, null, 60, true, false), true));
    assertTrue(other.refusal().matches("the current run run-[0-9a-f-]+ was made with other --csvRaw"), other.refusal());
    assertTrue(other.reusable().isEmpty());
    RunPlan full = RunPlan.of(out, new Manifest.RunOptions(List.of("in"), SHAPE, false));
    assertTrue(full.reusable().isEmpty(), "a full run reuses nothing");
  }

  @Test
  void aRunDoesNotSwitchOverOneThatCommittedSinceItStarted(@TempDir Path output) throws Exception {
    Location out = Location.of(output);
    Manifest.RunOptions options = new Manifest.RunOptions(List.of("in"), SHAPE, false);
    RunPlan slow = RunPlan.of(out, options);
    RunPlan fast = RunPlan.of(out, options);
    OutputCommitter.commit(fast, CommitHarness.emptyWork(fast));
    String pointer = Files.readString(output.resolve(OutputCommitter.POINTER));
    IllegalStateException stop = assertThrows(IllegalStateException.class,
        () -> OutputCommitter.commit(slow, CommitHarness.emptyWork(slow)));
    assertTrue(stop.getMessage().contains("became current"), stop.getMessage());
    assertEquals(pointer, Files.readString(output.resolve(OutputCommitter.POINTER)), "the other run stays current");
  }
}
