package dev.pagefeed.encode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A record file's JSONL lines as a typed Parquet file: one schema per record kind, kept beside the
 * JSON Schemas ({@code schema/<kind>.parquet.txt}), integers as integers, money, percentages and
 * quantities as exact DECIMALs, dates as DATE and fetch times as TIMESTAMP, lists as LISTs and
 * objects as groups; an entity's {@code value} becomes the group of its kind
 * ({@code value.money.amount}), so a query needs no JSON functions.
 *
 * <p>Written with parquet-java through pagefeed's own {@link org.apache.parquet.io.OutputFile} and
 * codecs, so no Hadoop class is needed at run time; nothing in a file depends on when or where it
 * was written, so the same lines give the same bytes.
 */
public final class ParquetTable {

  /** The record kinds written as Parquet, each with its JSONL file and its schema. */
  public enum Kind {
    PAGE("pages.jsonl", "page"),
    CARD("cards.jsonl", "card"),
    ENTITY("entities.jsonl", "entity"),
    ERROR("errors.jsonl", "error"),
    SOURCE("sources.jsonl", "source"),
    CHANGE(OutputFile.CHANGES, "change");

    private final String jsonl;
    private final String schemaName;

    Kind(String jsonl, String schemaName) {
      this.jsonl = jsonl;
      this.schemaName = schemaName;
    }

    /** The JSONL file whose lines the Parquet file holds ({@code pages.jsonl}). */
    public String jsonlFile() {
      return jsonl;
    }

    /** The Parquet file's name when written whole ({@code pages.parquet}). */
    public String fileName() {
      return jsonl.substring(0, jsonl.length() - ".jsonl".length()) + ".parquet";
    }

    /** The name of its schema in {@code schema/} ({@code page}: {@code page.parquet.txt}). */
    public String schemaName() {
      return schemaName;
    }

    /** The kind whose JSONL file is named {@code fileName}, or null. */
    public static Kind ofJsonl(String fileName) {
      for (Kind kind : values()) {
        if (kind.jsonl.equals(fileName)) {
          return kind;
        }
      }
      return null;
    }
  }

  /** The compressions Parquet files are written with ({@code --parquetCompression}). */
  public enum Codec implements CompressionCodecFactory.BytesInputCompressor {
    ZSTD(CompressionCodecName.ZSTD) {
      @Override
      byte[] compress(byte[] bytes) {
        return com.github.luben.zstd.Zstd.compress(bytes, ZSTD_LEVEL);
      }
    },
    SNAPPY(CompressionCodecName.SNAPPY) {
      @Override
      byte[] compress(byte[] bytes) throws IOException {
        return org.xerial.snappy.Snappy.compress(bytes);
      }
    };

    private final CompressionCodecName name;

    Codec(CompressionCodecName name) {
      this.name = name;
    }

    abstract byte[] compress(byte[] bytes) throws IOException;

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      return BytesInput.from(compress(bytes.toByteArray()));
    }

    @Override
    public CompressionCodecName getCodecName() {
      return name;
    }

    @Override
    public void release() {}

    /** The codec named {@code name} ({@code zstd}, {@code snappy}). */
    public static Codec named(String name) {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
  }

  /** zstd's default level: a good ratio at a speed that keeps writing Parquet a small part of a run. */
  private static final int ZSTD_LEVEL = 3;

  /** Row groups of about this size: large enough to scan well, small enough for a worker's heap. */
  static final long ROW_GROUP_BYTES = 64L << 20;

  /** Decimals as exact numbers: floats in JSON are read as {@link BigDecimal}, never as doubles. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final Map<Kind, MessageType> SCHEMAS = new EnumMap<>(Kind.class);

  static {
    for (Kind kind : Kind.values()) {
      SCHEMAS.put(kind, MessageTypeParser.parseMessageType(schemaText(kind)));
    }
  }

  private ParquetTable() {}

  /** The Parquet schema of {@code kind}. */
  public static MessageType schema(Kind kind) {
    return SCHEMAS.get(kind);
  }

  /** The text of {@code kind}'s schema file, as the jar holds it. */
  public static String schemaText(Kind kind) {
    String resource = "/dev/pagefeed/schema/" + kind.schemaName() + ".parquet.txt";
    try (InputStream in = ParquetTable.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the jar has no " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * Writes the JSONL lines of {@code lines} (one record each, as pagefeed writes them) to
   * {@code out} as one Parquet file of {@code kind}; closes neither stream.
   *
   * @return how many records it wrote
   * @throws IllegalArgumentException when a record does not fit its schema (a bug: the JSON
   *     Schemas and the Parquet schemas are checked to agree)
   */
  public static long write(Kind kind, InputStream lines, OutputStream out, Codec codec) throws IOException {
    // Written to a file of the worker's first, whose footer is then put in a fixed order (see
    // sortedFooter), and copied to out.
    java.nio.file.Path local = java.nio.file.Files.createTempFile("pagefeed-", ".parquet");
    try {
      long records;
      try (OutputStream file = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(local), 1 << 16)) {
        records = write(kind, lines, codec, file);
      }
      copySorted(local, out);
      return records;
    } finally {
      java.nio.file.Files.deleteIfExists(local);
    }
  }

  /**
   * The footer's lists of encodings come out of parquet-java in the order of a {@code HashSet} of
   * enum constants, which differs from one JVM to the next: the same records would give other bytes
   * on another worker. They are sorted, which changes neither the footer's length nor any offset.
   */
  private static void copySorted(java.nio.file.Path file, OutputStream out) throws IOException {
    long size = java.nio.file.Files.size(file);
    byte[] tail = new byte[8];
    try (java.nio.channels.SeekableByteChannel channel = java.nio.file.Files.newByteChannel(file)) {
      channel.position(size - 8);
      java.nio.ByteBuffer.wrap(tail).put(readFully(channel, 8));
      int footerLength = java.nio.ByteBuffer.wrap(tail, 0, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
      long footerStart = size - 8 - footerLength;
      channel.position(footerStart);
      org.apache.parquet.format.FileMetaData footer = org.apache.parquet.format.Util.readFileMetaData(
          new java.io.ByteArrayInputStream(readFully(channel, footerLength)));
      for (org.apache.parquet.format.RowGroup group : footer.getRow_groups()) {
        for (org.apache.parquet.format.ColumnChunk column : group.getColumns()) {
          org.apache.parquet.format.ColumnMetaData meta = column.getMeta_data();
          meta.getEncodings().sort(java.util.Comparator.comparingInt(org.apache.parquet.format.Encoding::getValue));
          if (meta.getEncoding_stats() != null) {
            meta.getEncoding_stats().sort(null);
          }
        }
      }
      java.io.ByteArrayOutputStream sorted = new java.io.ByteArrayOutputStream(footerLength);
      org.apache.parquet.format.Util.writeFileMetaData(footer, sorted);
      if (sorted.size() != footerLength) {
        throw new IllegalStateException("a Parquet footer changed its length when sorted");
      }
      channel.position(0);
      java.io.InputStream data = java.nio.channels.Channels.newInputStream(channel);
      copy(data, out, footerStart);
      sorted.writeTo(out);
      out.write(tail);
    }
  }

  private static byte[] readFully(java.nio.channels.SeekableByteChannel channel, int length) throws IOException {
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new java.io.EOFException("a Parquet file ends before its footer does");
      }
    }
    return buffer.array();
  }

  private static void copy(java.io.InputStream in, OutputStream out, long bytes) throws IOException {
    byte[] buffer = new byte[1 << 16];
    for (long left = bytes; left > 0; ) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new java.io.EOFException("a Parquet file ends early");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static long write(Kind kind, InputStream lines, Codec codec, OutputStream out) throws IOException {
    MessageType schema = schema(kind);
    long records = 0;
    BufferedReader reader = new BufferedReader(new InputStreamReader(lines, StandardCharsets.UTF_8), 1 << 16);
    try (ParquetWriter<JsonNode> writer = new Builder(new StreamFile(out), schema)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new Codecs(codec))
        .withCompressionCodec(codec.getCodecName())
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build()) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        JsonNode record = JSON.readTree(line);
        writer.write(kind == Kind.ENTITY ? valueByKind(record) : record);
        records++;
      }
    }
    return records;
  }

  /** An entity's {@code value} under the name of its kind: {@code {"value": {"money": {...}}}}. */
  private static JsonNode valueByKind(JsonNode entity) {
    JsonNode value = entity.get("value");
    if (value == null || value.isNull()) {
      return entity;
    }
    ObjectNode shaped = entity.deepCopy();
    shaped.putObject("value").set(entity.get("kind").asText(), value);
    return shaped;
  }

  /** parquet-java's builder for {@link JsonWrite}. */
  private static final class Builder extends ParquetWriter.Builder<JsonNode, Builder> {
    private final MessageType schema;

    Builder(org.apache.parquet.io.OutputFile file, MessageType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<JsonNode> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration conf) {
      return new JsonWrite(schema);
    }

    @Override
    protected WriteSupport<JsonNode> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      throw new UnsupportedOperationException("pagefeed writes Parquet without Hadoop's configuration");
    }
  }

  /** The codec factory parquet-java asks for its compressor: the one {@link Codec}, never Hadoop's. */
  private record Codecs(Codec codec) implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName name) {
      if (name != codec.getCodecName()) {
        throw new IllegalArgumentException("no compressor for " + name);
      }
      return codec;
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName name) {
      throw new UnsupportedOperationException("pagefeed only writes Parquet");
    }

    @Override
    public void release() {}
  }

  /** Parquet's view of an output stream: where it is, for the footer's offsets. */
  private record StreamFile(OutputStream out) implements org.apache.parquet.io.OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          position++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          out.write(bytes, offset, length);
          position += length;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.flush(); // the caller closes the stream, once it has counted and hashed it
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }

  /** Walks a record's JSON along its schema, handing each value to Parquet's record consumer. */
  private static final class JsonWrite extends WriteSupport<JsonNode> {
    private final MessageType schema;
    private RecordConsumer consumer;

    JsonWrite(MessageType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(org.apache.parquet.conf.ParquetConfiguration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      consumer = recordConsumer;
    }

    @Override
    public void write(JsonNode record) {
      consumer.startMessage();
      fields(schema, record, "");
      consumer.endMessage();
    }

    private void fields(GroupType type, JsonNode object, String path) {
      if (!object.isObject()) {
        throw new IllegalArgumentException(path + " is " + object.getNodeType() + ", not an object");
      }
      for (java.util.Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!type.containsField(name)) { // never dropped in silence: the schema must name every field
          throw new IllegalArgumentException((path.isEmpty() ? "" : path + ".") + name + " is in no column of "
              + schema.getName() + ".parquet.txt");
        }
      }
      for (int i = 0; i < type.getFieldCount(); i++) {
        Type field = type.getType(i);
        JsonNode value = object.get(field.getName());
        String at = path.isEmpty() ? field.getName() : path + "." + field.getName();
        if (value == null || value.isNull()) {
          if (field.isRepetition(Type.Repetition.REQUIRED)) {
            throw new IllegalArgumentException(at + " is required but missing");
          }
          continue;
        }
        consumer.startField(field.getName(), i);
        value(field, value, at);
        consumer.endField(field.getName(), i);
      }
    }

    private void value(Type field, JsonNode value, String at) {
      if (field.isPrimitive()) {
        primitive(field.asPrimitiveType(), value, at);
        return;
      }
      GroupType group = field.asGroupType();
      consumer.startGroup();
      if (group.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        if (!value.isArray()) {
          throw new IllegalArgumentException(at + " is " + value.getNodeType() + ", not a list");
        }
        if (!value.isEmpty()) {
          GroupType repeated = group.getType(0).asGroupType();
          Type element = repeated.getType(0);
          consumer.startField(repeated.getName(), 0);
          for (JsonNode item : value) {
            consumer.startGroup();
            if (!item.isNull()) {
              consumer.startField(element.getName(), 0);
              value(element, item, at + "[]");
              consumer.endField(element.getName(), 0);
            } else if (element.isRepetition(Type.Repetition.REQUIRED)) {
              throw new IllegalArgumentException(at + " holds a null");
            }
            consumer.endGroup();
          }
          consumer.endField(repeated.getName(), 0);
        }
      } else {
        fields(group, value, at);
      }
      consumer.endGroup();
    }

    private void primitive(PrimitiveType type, JsonNode value, String at) {
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      switch (type.getPrimitiveTypeName()) {
        case BINARY -> consumer.addBinary(Binary.fromString(text(value, at)));
        case BOOLEAN -> {
          if (!value.isBoolean()) {
            throw new IllegalArgumentException(at + " is not true or false: " + value);
          }
          consumer.addBoolean(value.booleanValue());
        }
        case INT32 -> consumer.addInteger(logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
            ? Math.toIntExact(LocalDate.parse(text(value, at)).toEpochDay())
            : Math.toIntExact(whole(value, at)));
        case INT64 -> consumer.addLong(logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation
            ? micros(text(value, at), at) : whole(value, at));
        case FIXED_LEN_BYTE_ARRAY -> consumer.addBinary(decimal(type, value, at));
        default -> throw new IllegalStateException(at + ": no conversion to " + type);
      }
    }

    private static String text(JsonNode value, String at) {
      if (!value.isTextual()) {
        throw new IllegalArgumentException(at + " is not a string: " + value);
      }
      return value.textValue();
    }

    private static long whole(JsonNode value, String at) {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new IllegalArgumentException(at + " is not a whole number: " + value);
      }
      return value.longValue();
    }

    /** An ISO instant in microseconds since 1970; finer instants are refused, never rounded. */
    private static long micros(String iso, String at) {
      Instant instant = Instant.parse(iso);
      if (instant.getNano() % 1000 != 0) {
        throw new IllegalArgumentException(at + " is finer than a microsecond: " + iso);
      }
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    /** An exact decimal as the big-endian two's complement of its unscaled value; never rounded. */
    private static Binary decimal(PrimitiveType type, JsonNode value, String at) {
      if (!value.isNumber()) {
        throw new IllegalArgumentException(at + " is not a number: " + value);
      }
      LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal =
          (LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) type.getLogicalTypeAnnotation();
      BigDecimal exact;
      try {
        exact = value.decimalValue().setScale(decimal.getScale(), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(at + " has more than " + decimal.getScale() + " decimals: " + value, e);
      }
      if (exact.precision() > decimal.getPrecision()) {
        throw new IllegalArgumentException(at + " has more than " + decimal.getPrecision() + " digits: " + value);
      }
      byte[] unscaled = exact.unscaledValue().toByteArray();
      byte[] fixed = new byte[type.getTypeLength()];
      byte sign = (byte) (unscaled[0] < 0 ? -1 : 0);
      int pad = fixed.length - unscaled.length;
      for (int i = 0; i < fixed.length; i++) {
        fixed[i] = i < pad ? sign : unscaled[i - pad];
      }
      return Binary.fromConstantByteArray(fixed);
    }
  }
}
