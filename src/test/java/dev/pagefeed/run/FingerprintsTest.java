package dev.pagefeed.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pagefeed.files.Location;
import dev.pagefeed.model.ErrorType;
import dev.pagefeed.model.SourceRecord;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's fingerprints: which files a next run may reuse unread, shard tables read as one. */
class FingerprintsTest {

  @TempDir Path run;

  private static final String A = "aa".repeat(32);
  private static final String B = "bb".repeat(32);

  private static SourceRecord file(String path, String sha256) {
    return new SourceRecord(path, sha256, 10, null, null, null, null, null);
  }

  @Test
  void aFileIsUnchangedOnlyWithItsOwnHashUnderItsOwnPath() {
    Fingerprints.Writer one = new Fingerprints.Writer();
    Fingerprints.Writer two = new Fingerprints.Writer();
    for (int i = 0; i < 300; i++) {
      (i % 2 == 0 ? one : two).add(file("crawl/" + i + ".txt", i % 3 == 0 ? A : B));
    }
    Location first = Location.of(run.resolve("one"));
    Location second = Location.of(run.resolve("two"));
    one.write(first);
    two.write(second);
    Fingerprints read = Fingerprints.read(List.of(first, second));
    assertEquals(300, read.size());
    for (int i = 0; i < 300; i++) {
      String path = "crawl/" + i + ".txt";
      assertTrue(read.unchanged(path, i % 3 == 0 ? A : B), path);
      assertFalse(read.unchanged(path, i % 3 == 0 ? B : A), "another content under the same path: " + path);
    }
    assertFalse(read.unchanged("crawl/300.txt", A), "a path it never saw");
    assertFalse(Fingerprints.none().unchanged("crawl/0.txt", A));
  }

  @Test
  void whatIsNotAWholeFileReadWholeOrLostItsIdIsReadAgain() {
    Fingerprints.Writer shard = new Fingerprints.Writer();
    shard.add(file("kept.txt", A));
    shard.add(file("partly.txt", null)); // read only in part: no sha256
    shard.add(new SourceRecord("crawl.warc.gz", A, 10, "c29033584c44a57c", B, null, 512L, SourceRecord.RESPONSE));
    shard.add(file("crawl.warc.gz", B)); // the WARC file's own line
    shard.add(file("lost.txt", A));
    Fingerprints.Writer other = new Fingerprints.Writer();
    SourceRecord loser = new SourceRecord("lost.txt", A, 10, null, null, ErrorType.DUPLICATE_ID, null, null);
    other.add(loser); // in another shard, as a WARC record's loss can be
    Location first = Location.of(run.resolve("one"));
    Location second = Location.of(run.resolve("two"));
    shard.write(first);
    other.write(second);
    Fingerprints read = Fingerprints.read(List.of(first, second));
    assertTrue(read.unchanged("kept.txt", A));
    assertTrue(read.unchanged("crawl.warc.gz", B), "a WARC file by its own line");
    assertFalse(read.unchanged("crawl.warc.gz", A), "not by a record's body hash");
    assertFalse(read.unchanged("lost.txt", A), "lost its page id in another shard");
    assertEquals(2, read.size());
  }

  @Test
  void aTableCutShortIsRefused() throws Exception {
    Fingerprints.Writer shard = new Fingerprints.Writer();
    shard.add(file("a.txt", A));
    Location table = Location.of(run.resolve("t"));
    shard.write(table);
    byte[] bytes = Files.readAllBytes(run.resolve("t"));
    Files.write(run.resolve("t"), java.util.Arrays.copyOf(bytes, bytes.length - 8));
    assertThrows(UncheckedIOException.class, () -> Fingerprints.read(List.of(table)));
  }
}
