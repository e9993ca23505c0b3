package dev.pagefeed.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pagefeed.encode.Json;
import dev.pagefeed.files.Location;
import dev.pagefeed.parts.PartFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the pipeline leaves in the staging folder for the driver's commit: the parts it wrote and
 * the sources whose records are reused, as one small file ({@link #FILE}). The pipeline's last
 * step writes it; a retry of that step writes the same bytes again (the lists are sorted, the file
 * is written beside its place and renamed over it), so running it twice changes nothing.
 *
 * @param parts the parts of this run's records
 * @param reused the paths of the sources whose records are taken from the previous run
 */
public record StagedWork(List<PartFiles.Part> parts, List<String> reused) {

  /** Its name in the staging folder. */
  public static final String FILE = "staged-work.json";

  public StagedWork {
    parts = parts.stream().sorted(Comparator.comparing(PartFiles.Part::path)).toList();
    reused = reused.stream().sorted().distinct().toList();
  }

  /** No parts: every source reused, as listed. */
  public static StagedWork reusedOnly(java.util.Collection<String> reused) {
    return new StagedWork(List.of(), List.copyOf(reused));
  }

  /** Writes it into {@code staging}, replacing what an earlier attempt wrote. */
  public void write(Location staging) {
    Location target = staging.resolve(FILE);
    Location written = staging.resolve("." + FILE + "-" + UUID.randomUUID());
    try {
      written.writeString(Json.line(this) + "\n");
      written.renameTo(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** What the pipeline left in {@code staging}. */
  public static StagedWork read(Location staging) {
    Location file = staging.resolve(FILE);
    try {
      return Json.mapper().readValue(file.readString(), new TypeReference<StagedWork>() {});
    } catch (IOException e) {
      throw new UncheckedIOException("the pipeline finished without its list of parts at " + file, e);
    }
  }
}
