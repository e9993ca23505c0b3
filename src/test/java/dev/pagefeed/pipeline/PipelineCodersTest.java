package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pagefeed.encode.OutputFile;
import dev.pagefeed.encode.OutputShard;
import dev.pagefeed.parts.PartFiles;
import dev.pagefeed.pipeline.GroupFiles.FileRef;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

/** The elements that travel between steps come back from their coders as they went in. */
class PipelineCodersTest {

  private static <T> T roundTrip(Coder<T> coder, T value) throws Exception {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, value));
  }

  @Test
  void fileRefsSurviveTheirCoder() throws Exception {
    FileRef file = new FileRef("/crawl/2025/医保 问答/000123.html.gz", "crawl/2025/医保 问答/000123.html.gz",
        "2025/医保 问答/000123.html.gz", 5_000_000_000L);
    assertEquals(file, roundTrip(new GroupFiles.FileRefCoder(), file));
  }

  @Test
  void partsSurviveTheirCoder() throws Exception {
    for (OutputFile file : OutputFile.values()) {
      PartFiles.Part part = new PartFiles.Part(new OutputShard(file, 0, 1), "/out/.runs/r1/parts/" + file.fileName() + "/a.part", 61_234, 3L << 33);
      assertEquals(part, roundTrip(new ProcessPages.PartCoder(), part));
    }
  }
}
