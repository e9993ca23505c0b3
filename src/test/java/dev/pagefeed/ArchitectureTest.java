package dev.pagefeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pure packages stay free of Beam, so every rule is testable without a pipeline. */
class ArchitectureTest {

  @ParameterizedTest
  @ValueSource(strings = {"model", "segment", "extract", "process", "io"})
  void purePackageImportsNoBeam(String pkg) throws IOException {
    Path root = Path.of("src/main/java/dev/pagefeed", pkg);
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertFalse(sources.isEmpty(), "no sources found under " + root);
    List<String> offenders =
        sources.stream()
            .filter(p -> {
              try {
                return Files.readString(p).contains("org.apache.beam");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
            .map(Path::toString)
            .toList();
    assertEquals(List.of(), offenders);
  }
}
