package dev.pagefeed.pipeline;

import java.util.List;

import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsRegistrar;

/**
 * Registers the options of Beam's S3 file system ({@code --endpoint}, {@code --awsRegion},
 * {@code --awsCredentialsProvider}, {@code --s3ClientFactoryClass}, …) where the jar has it (the
 * cluster jar): Beam's own registrar names only the general AWS options. Found by Beam through
 * {@code META-INF/services}; in a jar without S3 it registers nothing.
 */
public final class StoreOptionsRegistrar implements PipelineOptionsRegistrar {

  @Override
  public Iterable<Class<? extends PipelineOptions>> getPipelineOptions() {
    try {
      return List.of(Class.forName("org.apache.beam.sdk.io.aws2.options.S3Options", false,
          StoreOptionsRegistrar.class.getClassLoader()).asSubclass(PipelineOptions.class));
    } catch (ClassNotFoundException noS3) {
      return List.of();
    }
  }
}
