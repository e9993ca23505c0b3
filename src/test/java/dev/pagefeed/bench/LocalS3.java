package dev.pagefeed.bench;

import java.net.URI;
import java.util.List;
import java.util.Properties;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible store in this JVM, for tests and for trying pagefeed against one: S3Proxy over
 * an in-memory store, on loopback, buckets addressed by path as MinIO serves them. Run as a program
 * it serves until killed:
 *
 * <pre>
 *   bench/local-s3.sh 9000 crawls tables
 *   # then: AWS_ACCESS_KEY_ID=pagefeed AWS_SECRET_ACCESS_KEY=pagefeed-secret \
 *   #   java -jar target/pagefeed-flink.jar --endpoint=http://127.0.0.1:9000 --input=s3://crawls/… --output=s3://tables/…
 * </pre>
 */
public final class LocalS3 implements AutoCloseable {

  /** The access key and secret the store accepts. */
  public static final String KEY = "pagefeed";
  public static final String SECRET = "pagefeed-secret";

  private final S3Proxy proxy;
  private final S3Client client;

  /** Starts the store on {@code port} (0: any free port) with {@code buckets}. */
  public LocalS3(int port, List<String> buckets) throws Exception {
    BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(KEY, SECRET)
        .overrides(new Properties()).build(BlobStoreContext.class);
    proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET)
        // Beam's multipart uploads name a storage class, which S3 and MinIO take and S3Proxy's
        // in-memory store has no use for.
        .ignoreUnknownHeaders(true).build();
    proxy.start();
    for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
      Thread.sleep(10);
    }
    client = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build();
    buckets.forEach(bucket -> client.createBucket(b -> b.bucket(bucket)));
  }

  /** Where the store answers, for {@code --endpoint}. */
  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** A client of the store. */
  public S3Client client() {
    return client;
  }

  /** The options that reach the store with its credentials: {@code --endpoint} and Beam's credentials option. */
  public List<String> options() {
    return List.of("--endpoint=" + endpoint(), "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\","
        + "\"accessKeyId\":\"" + KEY + "\",\"secretAccessKey\":\"" + SECRET + "\"}");
  }

  @Override
  public void close() throws Exception {
    client.close();
    proxy.stop();
  }

  /** Serves on the port given first, with the buckets named after it, until killed. */
  public static void main(String[] args) throws Exception {
    LocalS3 store;
    try {
      store = new LocalS3(Integer.parseInt(args[0]), List.of(args).subList(1, args.length));
    } catch (Exception e) {
      System.err.println("local-s3: cannot serve on port " + args[0] + " (" + e + "); pass a free port");
      System.exit(2);
      return;
    }
    System.out.println("S3-compatible store at " + store.endpoint() + " (access key " + KEY + ", secret " + SECRET
        + "), buckets " + List.of(args).subList(1, args.length));
    Thread.currentThread().join();
  }
}
