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
 * every rule is testable without a pipeline, and data flows one way: decode → segment → extract
 * (ingest runs one file through them), encode → parts → run (the commit), and pipeline on top.
 * No package both encodes records and commits runs.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.pagefeed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"model", "decode", "segment", "extract", "ingest", "encode", "parts", "run"})
  void purePackageUsesNoBeam(String pkg) {
    noClasses().that().resideInAPackage("dev.pagefeed." + pkg + "..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
        .because("Beam stays at the edges: every rule in " + pkg + " is testable without a pipeline")
        .check(classes);
  }

  @ParameterizedTest(name = "{0} does not use {1}")
  @CsvSource({
    "model, decode", "model, segment", "model, extract", "model, ingest", "model, encode", "model, parts",
    "model, run", "model, pipeline",
    "decode, segment", "decode, extract", "decode, ingest", "decode, encode", "decode, parts", "decode, run",
    "decode, pipeline",
    "segment, extract", "segment, ingest", "segment, encode", "segment, parts", "segment, run", "segment, pipeline",
    "extract, ingest", "extract, encode", "extract, parts", "extract, run", "extract, pipeline",
    "ingest, parts", "ingest, run", "ingest, pipeline",
    "encode, decode", "encode, segment", "encode, extract", "encode, ingest", "encode, parts", "encode, run",
    "encode, pipeline",
    "parts, decode", "parts, segment", "parts, extract", "parts, ingest", "parts, run", "parts, pipeline",
    "run, decode", "run, segment", "run, extract", "run, ingest", "run, pipeline",
    "files, model", "files, decode", "files, segment", "files, extract", "files, ingest", "files, encode",
    "files, parts", "files, run", "files, pipeline",
    "model, files", "decode, files", "segment, files", "extract, files", "ingest, files", "encode, files",
  })
  void dataFlowsOneWay(String from, String to) {
    noClasses().that().resideInAPackage("dev.pagefeed." + from + "..")
        .should().dependOnClassesThat().resideInAPackage("dev.pagefeed." + to + "..")
        .check(classes);
  }

  @Test
  void onlyFilesAndThePipelineUseBeam() {
    noClasses().that().resideOutsideOfPackages("dev.pagefeed.files..", "dev.pagefeed.pipeline..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
        .because("files/ is the one door to Beam's file systems; the pipeline is the rest of Beam")
        .check(classes);
  }

  @Test
  void filesUsesBeamOnlyForItsFileSystems() {
    // Of the options, only what file systems are configured with (an object store's endpoint and
    // credentials are pipeline options).
    noClasses().that().resideInAPackage("dev.pagefeed.files..")
        .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                "org.apache.beam.sdk.transforms..", "org.apache.beam.sdk.values..", "org.apache.beam.sdk.options..",
                "org.apache.beam.sdk.coders..", "org.apache.beam.sdk.metrics..", "org.apache.beam.runners..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(
                    org.apache.beam.sdk.options.PipelineOptions.class))))
        .check(classes);
  }

  @Test
  void theCommandLineToolsUseNoRunner() {
    noClasses().that().haveSimpleName("ExtractText")
        .should().dependOnClassesThat().resideInAPackage("org.apache.beam..")
        .check(classes);
  }
}
