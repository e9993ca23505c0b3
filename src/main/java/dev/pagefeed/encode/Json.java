package dev.pagefeed.encode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/** The one JSON mapper: snake_case names, no pretty-printing, one object per line. */
public final class Json {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new BlackbirdModule())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** One line of JSONL, UTF-8, with its line end: what the output files hold, without a detour through a String. */
  public static byte[] lineBytes(Object record) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
    try {
      MAPPER.writeValue(out, record);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a record could not be written as JSON: " + record, e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** One line of JSONL (no line end). */
  public static String line(Object record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a record could not be written as JSON: " + record, e);
    }
  }
}
