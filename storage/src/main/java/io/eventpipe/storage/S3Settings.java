package io.eventpipe.storage;

/** Where objects go: an S3-compatible endpoint, region, bucket and access key. The secret never shows in toString. */
public record S3Settings(String endpoint, String region, String bucket, String accessKey, String secretKey) {

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey=" + accessKey
                + ", secretKey=***]";
    }
}
