package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scheduled run is started from whatever folder the scheduler is in: the paths records name are
 * the paths as {@code --input} wrote them, so the same command from another folder finds the same
 * sources, and an incremental run reuses them all.
 */
class WorkingFolderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;
  Path crawl;
  Path output;

  @BeforeEach
  void crawl() throws IOException {
    crawl = Files.createDirectories(temp.resolve("home/crawl"));
    Files.writeString(crawl.resolve("a.txt"), "医保报销问答\n\n报销比例为70%,可拨打12393咨询。", StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(crawl.resolve("faq")).resolve("b.txt"),
        "异地就医问答\n\n异地就医备案后报销比例为60%。", StandardCharsets.UTF_8);
    output = temp.resolve("out");
  }

  @Test
  void anAbsoluteInputIsRecordedAbsoluteFromAnyWorkingFolder() throws Exception {
    // The first run starts in the folder above the crawl, where a path relative to it would be "crawl/a.txt".
    run(temp.resolve("home"), "--input=" + crawl, "--output=" + output);
    assertEquals(List.of(crawl + "/a.txt", crawl + "/faq/b.txt"), sourcePaths());

    run(Files.createDirectories(temp.resolve("elsewhere")), "--input=" + crawl, "--output=" + output, "--incremental");
    assertEquals(List.of(crawl + "/a.txt", crawl + "/faq/b.txt"), sourcePaths());
    assertEquals(List.of(), Files.readAllLines(Invariants.currentRun(output).resolve("changes.jsonl")),
        "nothing changed: no page is updated for having been read from another working folder");
  }

  @Test
  void aRelativeInputIsRecordedAsWritten() throws Exception {
    run(temp.resolve("home"), "--input=./crawl/", "--output=" + output);
    assertEquals(List.of("crawl/a.txt", "crawl/faq/b.txt"), sourcePaths());

    run(crawl.resolve("faq"), "--input=../../crawl", "--output=" + output, "--incremental");
    assertEquals(List.of("../../crawl/a.txt", "../../crawl/faq/b.txt"), sourcePaths());
  }

  private List<String> sourcePaths() throws IOException {
    List<String> paths = new ArrayList<>();
    for (String line : Files.readAllLines(Invariants.currentRun(output).resolve("sources.jsonl"))) {
      JsonNode source = JSON.readTree(line);
      paths.add(source.get("path").asText());
    }
    paths.sort(null);
    return paths;
  }

  /** Runs pagefeed in a child JVM started in {@code folder}, and checks it succeeded. */
  private static void run(Path folder, String... args) throws IOException, InterruptedException {
    CommandLineTest.Run run = CommandLineTest.pagefeedIn(folder, args);
    assertEquals(0, run.status(), run.err());
  }
}
