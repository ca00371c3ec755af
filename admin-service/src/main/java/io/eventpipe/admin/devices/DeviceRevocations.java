package io.eventpipe.admin.devices;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.admin.http.ApiProblem;
import io.eventpipe.common.state.SharedKeys;
import io.eventpipe.web.JsonResponses;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Revoking a device: the shared key every relay checks on each request and registration
 * (SharedKeys.deviceRevoked), with who, when and why as its value. It never expires: a revoked
 * key cannot register again either.
 */
public final class DeviceRevocations implements AutoCloseable {

    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");

    private final JedisPooled redis;
    private final Clock clock;

    public DeviceRevocations(String redisUrl, Clock clock) {
        this.redis = new JedisPooled(URI.create(redisUrl), 2000);
        this.clock = clock;
    }

    public ObjectNode revoke(String deviceId, String adminId, String reason) throws ApiProblem {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            throw new ApiProblem(422, JsonResponses.error("invalid_device", "a device id is letters, digits and -"));
        }
        ObjectNode record = JsonResponses.JSON.createObjectNode().put("deviceId", deviceId).put("revokedAt", clock.instant().toString())
                .put("revokedBy", adminId).put("reason", reason == null || reason.isBlank() ? "revoked by an administrator" : reason);
        try {
            redis.set(SharedKeys.deviceRevoked(deviceId), record.toString());
        } catch (JedisException e) {
            throw new IllegalStateException("Redis is unavailable", e);
        }
        return record;
    }

    @Override
    public void close() {
        redis.close();
    }
}
