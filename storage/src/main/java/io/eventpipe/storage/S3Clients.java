package io.eventpipe.storage;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The one way services build an S3 client: path-style addressing (S3Proxy, MinIO and AWS all
 * accept it), the JDK HTTP client, and timeouts short enough that an unreachable store is
 * noticed in seconds and retried by the caller rather than hanging a thread.
 */
public final class S3Clients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private S3Clients() {
    }

    public static S3Client create(S3Settings settings) {
        return create(settings.endpoint(), settings.region(), settings.accessKey(), settings.secretKey());
    }

    public static S3Client create(String endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build())
                .build();
    }

    /** Whether the bucket answers now (for readiness): a HEAD of the bucket. */
    public static boolean isReachable(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether an S3 error means "no such object" (HEAD answers a bare 404). */
    public static boolean isNotFound(Exception e) {
        return e instanceof NoSuchKeyException || e instanceof S3Exception s3 && s3.statusCode() == 404;
    }
}
