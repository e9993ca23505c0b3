package dev.pagefeed.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every record pagefeed writes matches the JSON Schema in {@code schema/} that documents it. */
class OutputSchemaTest {

  static JsonSchema schema(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("schema", name))) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  @ParameterizedTest(name = "{0} against {1}")
  @CsvSource({
    "pages.jsonl, page.schema.json, 2",
    "cards.jsonl, card.schema.json, 40",
    "entities.jsonl, entity.schema.json, 97",
    "errors.jsonl, error.schema.json, 2",
    "sources.jsonl, source.schema.json, 4",
    "changes.jsonl, change.schema.json, 2",
    "manifest.json, manifest.schema.json, 1",
  })
  void everyRecordMatchesItsSchema(String file, String schemaFile, int records) throws IOException {
    JsonSchema schema = schema(schemaFile);
    List<String> lines = Files.readAllLines(SeedRuns.first().resolve(file));
    assertEquals(records, lines.size());
    for (String line : lines) {
      JsonNode record = SeedRuns.read(line);
      Set<ValidationMessage> problems = schema.validate(record);
      assertTrue(problems.isEmpty(), () -> problems + " in " + line);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "entity.schema.json, '{\"schema_version\":2,\"kind\":\"phone\"}'",
    "card.schema.json, '{\"schema_version\":1}'",
    "change.schema.json, '{\"schema_version\":2,\"page_id\":\"0123456789abcdef\",\"change\":\"moved\",\"content_hash\":\"x\",\"run_id\":\"0123456789abcdef\"}'",
    "error.schema.json, '{\"schema_version\":2,\"source\":\"a\",\"stage\":\"read\",\"error_type\":\"gremlins\",\"message\":\"m\",\"excerpt\":\"\"}'",
  })
  void schemasRejectWrongRecords(String schemaFile, String record) throws IOException {
    assertTrue(!schema(schemaFile).validate(SeedRuns.read(record)).isEmpty());
  }
}
