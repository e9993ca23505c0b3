package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.encode.Json;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A line of sources.jsonl reads back as the record it was written from, whatever it holds. */
class PreviousRunTest {

  /** Every shape of line: each optional field present and absent, each error type. */
  private static List<SourceRecord> everyShape() {
    List<SourceRecord> records = new ArrayList<>();
    String hash = "ab".repeat(32);
    for (String path : List.of("a.txt", "站点/页 1.html", "s3://bucket/crawl/\"quoted\"\\path.warc.gz")) {
      records.add(new SourceRecord(path, hash, 328, "c29033584c44a57c", hash, null));
      records.add(new SourceRecord(path, null, 0, null, null, ErrorType.UNREADABLE));
      records.add(new SourceRecord(path, hash, 1L << 40, null, null, null, null, SourceRecord.WARC_FILE));
      for (ErrorType type : ErrorType.values()) {
        records.add(new SourceRecord(path, hash, 12, "0000000000000001", hash, type, 4096L, SourceRecord.RESPONSE));
      }
      records.add(new SourceRecord(path, hash, 12, "ffffffffffffffff", hash, null, 0L, SourceRecord.UNCOMPRESSED,
          SourceRecord.RESPONSE, "2024-05-01T08:00:00Z"));
      records.add(new SourceRecord(path, null, 7, null, null, null, 77L, null, "non_200", null));
    }
    return records;
  }

  /**
   * A previous file is checked against its manifest's size and sha256: one letter changed at the same
   * length is found by the hash (what CheckPrevious does on a worker), not by the size (what the plan looks at).
   */
  @Test
  void aFileChangedAtItsLengthIsFoundByItsHashAndOnlyThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path run)
      throws java.io.IOException {
    java.nio.file.Path file = run.resolve("entities.jsonl");
    java.nio.file.Files.writeString(file, "{\"id\":\"1a\"}\n{\"id\":\"1b\"}\n");
    long bytes = java.nio.file.Files.size(file);
    String sha256 = dev.pagefeed.model.Ids.sha256(java.nio.file.Files.readAllBytes(file));
    PreviousRun.Checked checked = new PreviousRun.Checked("entities.jsonl",
        dev.pagefeed.files.Location.of(file), bytes, sha256, false);
    assertEquals(null, checked.check(), "as written");
    java.nio.file.Files.writeString(file, "{\"id\":\"1a\"}\n{\"id\":\"1c\"}\n");
    assertEquals(null, checked.mismatch(false), "the same size");
    PreviousRun.Mismatch found = checked.check();
    assertEquals(new PreviousRun.Mismatch("entities.jsonl", false,
        "entities.jsonl does not match the sha256 its manifest lists (it was changed after it was written)"), found);
    java.nio.file.Files.writeString(file, "{\"id\":\"1a\"}\n");
    assertTrue(checked.mismatch(false).startsWith("entities.jsonl has 12 bytes, its manifest says " + bytes), checked.mismatch(false));
    assertEquals("manifest lists no cards.jsonl", new PreviousRun.Checked("cards.jsonl", null, -1, null, false).check().why());
  }

  @Test
  void everyShapeOfLineReadsBackAsItsRecord() {
    for (SourceRecord record : everyShape()) {
      String line = Json.line(record);
      assertEquals(record, PreviousRun.parseSource(line), line);
      assertEquals(line, Json.line(PreviousRun.parseSource(line)), "the line written again is the same line");
      assertEquals(record.pageId(), PreviousRun.pageIdOf(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          "the page id alone: " + line);
    }
  }

  @Test
  void fieldsInAnotherOrderAndUnknownFieldsReadTheSame() {
    SourceRecord record = new SourceRecord("a.txt", "ab".repeat(32), 5, "c29033584c44a57c", "cd".repeat(32), null,
        9L, SourceRecord.RESPONSE);
    String reordered = "{\"offset\":9,\"bytes\":5,\"later\":{\"nested\":[1,{\"path\":\"x\"}]},\"record\":\"response\","
        + "\"page_id\":\"c29033584c44a57c\",\"path\":\"a.txt\",\"sha256\":\"" + "ab".repeat(32) + "\",\"content_hash\":\""
        + "cd".repeat(32) + "\",\"error_type\":null,\"schema_version\":5}";
    assertEquals(record, PreviousRun.parseSource(reordered));
    assertEquals("c29033584c44a57c", PreviousRun.pageIdOf(reordered.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "the nested \"path\" and the other fields are passed over");
  }

  @Test
  void aLineThatIsNoSourceSaysSoAndQuotesIt() {
    for (String line : List.of("", "[]", "{\"bytes\":3}", "{\"path\":\"a\"}", "{\"path\":\"a\",\"bytes\":3",
        "{\"path\":\"a\",\"bytes\":3,\"error_type\":\"no_such_type\"}")) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> PreviousRun.parseSource(line), line);
      assertTrue(e.getMessage().startsWith("not a line of sources.jsonl: ") && e.getMessage().endsWith(line),
          e.getMessage());
    }
  }
}
