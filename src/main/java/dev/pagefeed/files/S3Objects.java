package dev.pagefeed.files;

import java.io.IOException;

import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.InstanceBuilder;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * What pagefeed does on S3 beside Beam's S3 file system (which writes every object as a multipart
 * upload): a small object replaced by one PUT, for the pointer to the current run. Loaded only for
 * {@code s3://} paths, so a jar without Beam's S3 file system never needs these classes.
 */
final class S3Objects {

  private S3Objects() {}

  private static S3Client client;
  private static S3Options clientOptions;

  /** Replaces the object {@code s3://bucket/key} with {@code bytes}, in one PUT. */
  static void put(String spec, byte[] bytes, PipelineOptions options) throws IOException {
    // s3://bucket/key, the key as written (it may hold spaces and any letters, which a URI would not take).
    String path = spec.substring("s3://".length());
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw new IOException(spec + " names no object (s3://bucket/key)");
    }
    try {
      client(options.as(S3Options.class)).putObject(PutObjectRequest.builder().bucket(path.substring(0, slash))
          .key(path.substring(slash + 1)).contentLength((long) bytes.length).build(), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new IOException("cannot write " + spec + ": " + e.getMessage(), e);
    }
  }

  private static synchronized S3Client client(S3Options options) {
    if (client == null || clientOptions != options) {
      S3ClientBuilderFactory factory = InstanceBuilder.ofType(S3ClientBuilderFactory.class)
          .fromClass(options.getS3ClientFactoryClass()).build();
      client = factory.createBuilder(options).build();
      clientOptions = options;
    }
    return client;
  }

  /**
   * S3 clients that address buckets by path ({@code http://host:9000/bucket/key}) rather than by
   * host name ({@code http://bucket.host:9000/key}): what S3-compatible stores (MinIO, Ceph,
   * S3Proxy) serve at an endpoint of their own. pagefeed's default where {@code --endpoint} is given.
   */
  public static final class PathStyle implements S3ClientBuilderFactory {
    @Override
    public S3ClientBuilder createBuilder(S3Options options) {
      return new DefaultS3ClientBuilderFactory().createBuilder(options).forcePathStyle(true);
    }
  }
}
