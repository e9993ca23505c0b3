package dev.pagefeed.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pagefeed.model.EntityKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Parquet schemas say what the JSON Schemas say, field by field, and a written file holds the
 * JSON's values exactly (read back with DuckDB, an engine analysts use): decimals never rounded,
 * dates and times as such, an entity's value under its kind.
 */
class ParquetTableTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  // --- the schemas agree ---

  @ParameterizedTest
  @EnumSource(ParquetTable.Kind.class)
  void theParquetSchemaHasTheJsonSchemasFieldsTypesAndNulls(ParquetTable.Kind kind) throws IOException {
    JsonNode schema = JSON.readTree(Path.of("schema", kind.schemaName() + ".schema.json").toFile());
    agree(schema, ParquetTable.schema(kind), kind.schemaName());
  }

  /** A JSON Schema object and a Parquet group: the same fields in the same order, each alike. */
  private static void agree(JsonNode object, GroupType group, String at) {
    List<String> json = new ArrayList<>();
    if (object.has("properties")) {
      object.get("properties").fieldNames().forEachRemaining(json::add);
    } else {
      object.get("required").forEach(name -> json.add(name.asText())); // names by pattern: the required ones
    }
    List<String> parquet = group.getFields().stream().map(Type::getName).toList();
    assertEquals(json, parquet, at + ": fields");
    TreeSet<String> required = new TreeSet<>();
    if (object.has("required")) {
      object.get("required").forEach(name -> required.add(name.asText()));
    }
    for (Type field : group.getFields()) {
      JsonNode property = object.has("properties") ? object.get("properties").get(field.getName())
          : object.get("patternProperties").elements().next();
      String here = at + "." + field.getName();
      boolean nullable = !required.contains(field.getName()) || allowsNull(property);
      assertEquals(nullable, field.isRepetition(Type.Repetition.OPTIONAL), here + ": nullable");
      agree(property, field, here);
    }
  }

  private static void agree(JsonNode property, Type field, String at) {
    String type = jsonType(property);
    if (at.equals("entity.value")) {
      // One group per kind (see entityValuesHaveAGroupPerKind).
      assertEquals("object", type, at);
      return;
    }
    switch (type) {
      case "object" -> agree(property, field.asGroupType(), at);
      case "array" -> {
        GroupType list = field.asGroupType();
        assertTrue(list.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation, at);
        Type element = list.getType(0).asGroupType().getType(0);
        JsonNode items = property.get("items");
        if (jsonType(items).equals("object")) {
          agree(items, element.asGroupType(), at + "[]");
        } else {
          agree(items, element, at + "[]");
        }
      }
      case "string" -> {
        PrimitiveType primitive = field.asPrimitiveType();
        LogicalTypeAnnotation logical = primitive.getLogicalTypeAnnotation();
        String pattern = property.path("pattern").asText();
        if (pattern.equals("^\\d{4}-\\d{2}-\\d{2}$")) {
          assertTrue(logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation, at + " is a DATE");
        } else if (property.path("format").asText().equals("date-time")) {
          assertTrue(logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation, at + " is a TIMESTAMP");
        } else {
          assertTrue(logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation, at + " is a STRING");
        }
      }
      case "integer" -> {
        PrimitiveType.PrimitiveTypeName name = field.asPrimitiveType().getPrimitiveTypeName();
        assertTrue(name == PrimitiveType.PrimitiveTypeName.INT32 || name == PrimitiveType.PrimitiveTypeName.INT64,
            at + " is an integer");
        assertEquals(null, field.getLogicalTypeAnnotation(), at + " is a plain integer");
      }
      case "boolean" -> assertEquals(PrimitiveType.PrimitiveTypeName.BOOLEAN,
          field.asPrimitiveType().getPrimitiveTypeName(), at);
      default -> throw new AssertionError(at + ": no Parquet type for JSON " + property);
    }
  }

  /** The JSON type of a property: its type without null, or that of its enum's or const's values. */
  private static String jsonType(JsonNode property) {
    JsonNode type = property.get("type");
    if (type != null && type.isTextual()) {
      return type.asText();
    }
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (!t.asText().equals("null")) {
          return t.asText();
        }
      }
    }
    JsonNode values = property.has("enum") ? property.get("enum") : property.has("const") ? JSON.createArrayNode()
        .add(property.get("const")) : null;
    if (values != null) {
      for (JsonNode value : values) {
        if (!value.isNull()) {
          return value.isTextual() ? "string" : value.isIntegralNumber() ? "integer" : "?";
        }
      }
    }
    throw new AssertionError("no type in " + property);
  }

  private static boolean allowsNull(JsonNode property) {
    JsonNode type = property.get("type");
    if (type != null && type.isArray()) {
      for (JsonNode t : type) {
        if (t.asText().equals("null")) {
          return true;
        }
      }
    }
    if (property.has("enum")) {
      for (JsonNode value : property.get("enum")) {
        if (value.isNull()) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void entityValuesHaveAGroupPerKindWithTheFieldsTheJsonSchemaRequires() throws IOException {
    GroupType value = ParquetTable.schema(ParquetTable.Kind.ENTITY).getType("value").asGroupType();
    List<String> kinds = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      kinds.add(kind.label());
    }
    assertEquals(kinds, value.getFields().stream().map(Type::getName).toList());
    JsonNode schema = JSON.readTree(Path.of("schema", "entity.schema.json").toFile());
    for (JsonNode rule : schema.get("allOf")) {
      String kind = rule.at("/if/properties/kind/const").asText();
      GroupType group = value.getType(kind).asGroupType();
      JsonNode then = rule.at("/then/properties/value");
      List<String> named = new ArrayList<>();
      then.path("required").forEach(name -> named.add(name.asText()));
      then.path("oneOf").forEach(one -> one.path("required").forEach(name -> named.add(name.asText())));
      for (String field : named) {
        assertTrue(group.containsField(field), "value." + kind + " has " + field);
      }
    }
  }

  // --- the values survive ---

  @Test
  void valuesAreExactAndTyped() throws Exception {
    String money = entity("money", "{\"amount\":0.35,\"currency\":\"CNY\",\"per\":[\"year\",\"person\"]}");
    String range = entity("money", "{\"low\":12345678901234.5,\"high\":-7,\"currency\":\"USD\",\"per\":[]}");
    String percent = entity("percent", "{\"value\":0.000015}");
    String date = entity("date", "{\"iso\":\"-0256\",\"precision\":\"year\",\"era\":\"BCE\"}");
    String none = entity("email", null);
    Path file = write(ParquetTable.Kind.ENTITY, money, range, percent, date, none);
    List<List<String>> rows = query("select value.money.amount, value.money.low, value.money.high, value.money.per, "
        + "value.percent.value, value.date.iso, value.date.era, value is null from '" + file + "' order by start");
    assertEquals(List.of(
        List.of("0.350000", "null", "null", "[year, person]", "null", "null", "null", "false"),
        List.of("null", "12345678901234.500000", "-7.000000", "[]", "null", "null", "null", "false"),
        List.of("null", "null", "null", "null", "0.000015000000", "null", "null", "false"),
        List.of("null", "null", "null", "null", "null", "-0256", "BCE", "false"),
        List.of("null", "null", "null", "null", "null", "null", "null", "true")), rows);
    assertEquals(List.of(List.of("DECIMAL(38,6)"), List.of("DECIMAL(38,12)")),
        query("(select typeof(value.money.amount) from '" + file + "' limit 1) union all "
            + "(select typeof(value.percent.value) from '" + file + "' limit 1)"));
  }

  @Test
  void datesAndFetchTimesAreDatesAndTimestamps() throws Exception {
    String card = "{\"schema_version\":5,\"card_id\":\"0000000000000001\",\"page_id\":\"0000000000000002\",\"position\":0,"
        + "\"section\":\"相关推荐\",\"title\":\"医保报销\",\"snippet\":\"…\",\"snippet_truncated\":true,"
        + "\"category\":\"健康新闻\",\"published\":\"2025-03-21\",\"has_thumbnail\":false,\"url\":null}";
    Path cards = write(ParquetTable.Kind.CARD, card);
    assertEquals(List.of(List.of("2025-03-21", "DATE")), query("select published, typeof(published) from '" + cards + "'"));
    String source = "{\"schema_version\":5,\"path\":\"crawl/a.warc.gz\",\"offset\":1024,\"record\":\"response\","
        + "\"fetched\":\"2025-03-01T08:00:12.345678Z\",\"sha256\":null,\"bytes\":5000,\"page_id\":\"0000000000000002\","
        + "\"content_hash\":null,\"error_type\":null}";
    Path sources = write(ParquetTable.Kind.SOURCE, source);
    assertEquals(List.of(List.of("2025-03-01T08:00:12.345678Z")),
        query("select strftime(fetched at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%fZ') from '" + sources + "'"));
  }

  @Test
  void whatTheSchemaCannotHoldExactlyIsRefusedNotRounded() {
    String tooFine = entity("money", "{\"amount\":0.0000001,\"currency\":\"CNY\",\"per\":[]}");
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> write(ParquetTable.Kind.ENTITY, tooFine));
    assertTrue(refused.getMessage().contains("value.money.amount has more than 6 decimals"), refused.getMessage());
    String nanos = "{\"schema_version\":5,\"path\":\"a.warc\",\"bytes\":1,\"fetched\":\"2025-03-01T08:00:12.123456789Z\"}";
    refused = assertThrows(IllegalArgumentException.class, () -> write(ParquetTable.Kind.SOURCE, nanos));
    assertTrue(refused.getMessage().contains("fetched is finer than a microsecond"), refused.getMessage());
    String unknown = entity("url", "{\"url\":\"http://a.cn/\",\"port\":80}");
    refused = assertThrows(IllegalArgumentException.class, () -> write(ParquetTable.Kind.ENTITY, unknown));
    assertTrue(refused.getMessage().contains("value.url.port is in no column of entity.parquet.txt"), refused.getMessage());
    String missing = "{\"schema_version\":5,\"bytes\":1}";
    refused = assertThrows(IllegalArgumentException.class, () -> write(ParquetTable.Kind.SOURCE, missing));
    assertTrue(refused.getMessage().contains("path is required but missing"), refused.getMessage());
  }

  @Test
  void theSameLinesGiveTheSameBytesAndTheFootersListsAreSorted() throws Exception {
    String[] lines = {entity("money", "{\"amount\":12,\"currency\":\"CNY\",\"per\":[]}"), entity("email", null)};
    byte[] once = bytes(ParquetTable.Kind.ENTITY, ParquetTable.Codec.SNAPPY, lines);
    assertArrayEquals(once, bytes(ParquetTable.Kind.ENTITY, ParquetTable.Codec.SNAPPY, lines));
    int length = java.nio.ByteBuffer.wrap(once, once.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    org.apache.parquet.format.FileMetaData footer = org.apache.parquet.format.Util.readFileMetaData(
        new ByteArrayInputStream(once, once.length - 8 - length, length));
    for (org.apache.parquet.format.RowGroup group : footer.getRow_groups()) {
      for (org.apache.parquet.format.ColumnChunk column : group.getColumns()) {
        List<Integer> encodings = column.getMeta_data().getEncodings().stream()
            .map(org.apache.parquet.format.Encoding::getValue).toList();
        assertEquals(encodings.stream().sorted().toList(), encodings, "encodings in a fixed order");
        assertEquals(org.apache.parquet.format.CompressionCodec.SNAPPY, column.getMeta_data().getCodec());
      }
    }
    assertTrue(footer.getKey_value_metadata() == null || footer.getKey_value_metadata().isEmpty(),
        "nothing of the time or place of writing");
  }

  // --- helpers ---

  private static int entities;

  /** An entity line of {@code kind} with {@code value} (JSON, or null). */
  private static String entity(String kind, String value) {
    int n = entities++;
    return "{\"schema_version\":5,\"entity_id\":\"" + String.format("%016x", n) + "\",\"page_id\":\"00000000000000aa\","
        + "\"card_id\":null,\"block\":\"article:0\",\"section_path\":[\"一、基本医疗保险\"],\"kind\":\"" + kind + "\","
        + "\"text\":\"x\",\"start\":" + n + ",\"end\":" + (n + 1) + ",\"normalized\":null,\"value\":" + value
        + ",\"mod\":null,\"flags\":[],\"context\":\"x\"}";
  }

  private static byte[] bytes(ParquetTable.Kind kind, ParquetTable.Codec codec, String... lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ParquetTable.write(kind, new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
        out, codec);
    return out.toByteArray();
  }

  private Path write(ParquetTable.Kind kind, String... lines) throws IOException {
    Path file = temp.resolve(kind.fileName() + "-" + System.nanoTime() + ".parquet");
    Files.write(file, bytes(kind, ParquetTable.Codec.ZSTD, lines));
    return file;
  }

  private static List<List<String>> query(String sql) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          row.add(value instanceof java.sql.Array array ? java.util.Arrays.toString((Object[]) array.getArray())
              : value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
