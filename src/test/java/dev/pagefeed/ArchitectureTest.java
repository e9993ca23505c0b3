package dev.pagefeed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The layering, checked on the compiled classes (ArchUnit): the pure packages use no Beam, so
 * every rule is testable without a pipeline, and data flows one way, model ← segment ← extract ←
 * process ← pipeline, with io (decoding, encoding, parts, the commit) below the pipeline only.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.pagefeed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"model", "segment", "extract", "process", "io"})
  void purePackageUsesNoBeam(String pkg) {
    noClasses().that().resideInAPackage("dev.pagefeed." + pkg + "..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
        .because("Beam stays at the edges: every rule in " + pkg + " is testable without a pipeline")
        .check(classes);
  }

  @ParameterizedTest(name = "{0} does not use {1}")
  @CsvSource({
    "model, segment", "model, extract", "model, process", "model, io", "model, pipeline",
    "segment, extract", "segment, process", "segment, io", "segment, pipeline",
    "extract, process", "extract, io", "extract, pipeline",
    "process, pipeline",
    "io, pipeline", "io, segment", "io, extract",
  })
  void dataFlowsOneWay(String from, String to) {
    noClasses().that().resideInAPackage("dev.pagefeed." + from + "..")
        .should().dependOnClassesThat().resideInAPackage("dev.pagefeed." + to + "..")
        .check(classes);
  }

  @Test
  void theCommandLineToolsUseNoRunner() {
    noClasses().that().haveSimpleName("ExtractText")
        .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
        .check(classes);
  }
}
