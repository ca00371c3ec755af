package io.eventpipe.relay.http;

import io.eventpipe.common.logging.EventLog;
import io.eventpipe.web.JettySignedRequest;
import io.eventpipe.web.Bodies;
import io.eventpipe.web.JsonResponses;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.RequestSignature;
import io.eventpipe.common.crypto.EventHash;
import io.eventpipe.common.crypto.Sha256;
import io.eventpipe.common.event.EventShape;
import io.eventpipe.common.event.Violation;
import io.eventpipe.common.httpsig.SignatureEvidence;
import io.eventpipe.common.json.InvalidJsonException;
import io.eventpipe.common.json.Jcs;
import io.eventpipe.relay.auth.AuthProblem;
import io.eventpipe.relay.auth.AuthenticatedDevice;
import io.eventpipe.relay.auth.RequestAuthenticator;
import io.eventpipe.relay.config.RelayConfig;
import io.eventpipe.relay.kafka.EventPublisher;
import io.eventpipe.relay.kafka.ReplyListener;
import io.eventpipe.relay.kafka.ResultFields;
import io.eventpipe.relay.redis.EventRecords;
import io.eventpipe.relay.redis.SharedState;
import io.eventpipe.relay.storage.MediaStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POST /v1/events: check the request, publish the event package to Kafka and answer with the
 * processors' reply, or 202 PENDING when it takes longer than the reply timeout.
 */
final class EventsHandler extends Handler.Abstract {

    /** An event is JSON metadata; media travel separately. */
    static final int MAX_EVENT_BYTES = 1024 * 1024;
    static final int RETRY_AFTER_OVERLOAD_SECONDS = 1;
    static final int RETRY_AFTER_KAFKA_SECONDS = 5;
    static final int RETRY_AFTER_IN_FLIGHT_SECONDS = 2;
    /** A claim not confirmed within this long belongs to a relay that died: any relay may publish the event again. */
    static final java.time.Duration CLAIM_LEASE = io.eventpipe.relay.kafka.EventPublisher.LONGEST_PUBLISH.plusSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(EventsHandler.class);

    private final RelayConfig config;
    private final RequestAuthenticator authenticator;
    private final EventPublisher publisher;
    private final ReplyListener replies;
    private final MediaStore media;
    private final EventRecords records;
    private final Semaphore inFlight;
    private final Clock clock;

    EventsHandler(RelayConfig config, RequestAuthenticator authenticator, EventPublisher publisher, ReplyListener replies,
                  MediaStore media, EventRecords records, Clock clock) {
        this.media = media;
        this.records = records;
        this.config = config;
        this.authenticator = authenticator;
        this.publisher = publisher;
        this.replies = replies;
        this.inFlight = new Semaphore(config.maxInFlight());
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!JsonResponses.methodIs("POST", request, response, callback)) {
            return true;
        }
        if (!Bodies.isJson(request)) {
            JsonResponses.error(response, callback, 415, "unsupported_media_type", "an event is sent as application/json");
            return true;
        }
        byte[] body = Bodies.readAtMost(request, MAX_EVENT_BYTES);
        if (body == null) {
            JsonResponses.error(response, callback, 413, "too_large", "an event is at most " + MAX_EVENT_BYTES + " bytes");
            return true;
        }
        AuthenticatedDevice device;
        try {
            device = authenticator.authenticate(new JettySignedRequest(request), Sha256.digest(body));
        } catch (AuthProblem e) {
            JsonResponses.problem(response, callback, e);
            return true;
        }
        accept(device, body, response, callback);
        return true;
    }

    private void accept(AuthenticatedDevice device, byte[] body, Response response, Callback callback) {
        JsonNode event;
        EventHash.Canonical canonical;
        try {
            event = Jcs.parse(body);
            List<Violation> violations = EventShape.check(event);
            if (!violations.isEmpty()) {
                JsonResponses.send(response, callback, 400, invalidEvent(violations));
                return;
            }
            canonical = EventHash.of(event);
        } catch (InvalidJsonException | IllegalArgumentException e) {
            JsonResponses.error(response, callback, 400, "malformed_json", "the body is not valid JSON: " + e.getMessage());
            return;
        }
        List<ObjectNode> missing = missingMedia(event.get("media"));
        if (!missing.isEmpty()) {
            ObjectNode error = JsonResponses.error("media_missing", "upload every media object before the event (PUT /v1/media/{sha256})");
            missing.forEach(error.putArray("media")::add);
            JsonResponses.send(response, callback, 422, error);
            return;
        }
        String eventId = event.get("eventId").textValue();
        EventRecords.Claim claim = records.claim(eventId, device.deviceId(), canonical.hashHex(), clock.instant(), CLAIM_LEASE);
        if (claim == EventRecords.Claim.CONFLICT) {
            JsonResponses.error(response, callback, 409, "event_conflict", "this eventId was already sent with another body or device");
            return;
        }
        if (claim == EventRecords.Claim.SAME) {
            answerResend(eventId, response, callback);
            return;
        }
        if (claim == EventRecords.Claim.IN_FLIGHT) {
            JsonResponses.retryLater(response, callback, 503, "in_flight", "this event is being queued right now; send it again",
                    RETRY_AFTER_IN_FLIGHT_SECONDS);
            return;
        }
        if (claim == EventRecords.Claim.TAKEN_OVER) {
            LOG.warn("event {}: the relay that claimed it never confirmed its publish; publishing it now", eventId);
        }
        if (!inFlight.tryAcquire()) {
            records.release(eventId);
            JsonResponses.retryLater(response, callback, 503, "overloaded", "too many events in flight", RETRY_AFTER_OVERLOAD_SECONDS);
            return;
        }
        publishAndAwait(envelope(device, eventId, body, canonical.hashHex()), response, callback)
                .whenComplete((ignored, error) -> inFlight.release());
    }

    /** The same event again (a retry after a lost answer): the same answer, nothing sent downstream twice. */
    private void answerResend(String eventId, Response response, Callback callback) {
        Map<String, String> record = records.get(eventId).orElseThrow();
        ObjectNode answer = EventAnswers.submitted(eventId, record);
        JsonResponses.send(response, callback, "PENDING".equals(answer.get("status").asText()) ? 202 : 200, answer);
    }

    /** Media the event cites that are not stored, or not with the size it claims. */
    private List<ObjectNode> missingMedia(JsonNode list) {
        List<ObjectNode> missing = new java.util.ArrayList<>();
        for (JsonNode item : list) {
            String sha256 = item.get("sha256").textValue();
            java.util.Optional<Long> size = media.size(sha256);
            if (size.isEmpty() || size.get() != item.get("size").longValue()) {
                missing.add(JsonResponses.JSON.createObjectNode().put("sha256", sha256)
                        .put("problem", size.isEmpty() ? "not uploaded" : "stored size " + size.get() + " differs"));
            }
        }
        return missing;
    }

    private EventPackage envelope(AuthenticatedDevice device, String eventId, byte[] body, String hash) {
        return EventPackage.newBuilder()
                .setEventId(eventId)
                .setDeviceId(device.deviceId())
                .setCertificateFingerprint(device.certificateFingerprint())
                .setRelayId(config.relayId())
                .setReceivedAt(clock.instant())
                .setEventHash(hash)
                .setBody(ByteBuffer.wrap(body))
                .setSignature(signature(device.evidence()))
                .build();
    }

    private static RequestSignature signature(SignatureEvidence evidence) {
        return RequestSignature.newBuilder()
                .setMethod(evidence.method())
                .setTargetUri(evidence.targetUri())
                .setSignatureInput(evidence.signatureInput())
                .setSignature(evidence.signature())
                .setContentDigest(evidence.contentDigest())
                .setHeaders(new java.util.HashMap<>(evidence.headers()))
                .setCertificateChainPem(evidence.chainPem())
                .build();
    }

    private CompletableFuture<Void> publishAndAwait(EventPackage pkg, Response response, Callback callback) {
        String eventId = pkg.getEventId();
        CompletableFuture<EventResult> reply = replies.expect(eventId);
        return publisher.publish(pkg, replies.partition(), config.instanceId())
                .thenCompose(metadata -> {
                    EventLog.info(LOG, eventId, "event received from device {}, published to events.incoming-{}@{}", pkg.getDeviceId(),
                            metadata.partition(), metadata.offset());
                    markQueuedQuietly(eventId);
                    return reply.orTimeout(config.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
                })
                .handle((result, error) -> {
                    replies.forget(eventId);
                    if (error == null) {
                        recordVerdict(result);
                        JsonResponses.send(response, callback, 200, EventAnswers.submitted(result));
                    } else if (unwrap(error) instanceof TimeoutException) {
                        JsonResponses.send(response, callback, 202, EventAnswers.submitted(eventId,
                                Map.of("status", "PENDING", "eventHash", pkg.getEventHash())));
                    } else {
                        LOG.warn("event {} not published: {}", eventId, unwrap(error).toString());
                        releaseQuietly(eventId);
                        JsonResponses.retryLater(response, callback, 503, "unavailable",
                                "the event could not be queued; send it again", RETRY_AFTER_KAFKA_SECONDS);
                    }
                    return null;
                });
    }

    private static ObjectNode invalidEvent(List<Violation> violations) {
        ObjectNode error = JsonResponses.error("invalid_event", violations.size() + " problem(s) with the event");
        ArrayNode list = error.putArray("violations");
        violations.forEach(v -> list.addObject().put("code", v.code()).put("field", v.field()).put("message", v.message()));
        return error;
    }

    /** The verdict recorded before the client sees it, so that a status query right after agrees. */
    private void recordVerdict(EventResult result) {
        try {
            records.advance(result.getEventId(), result.getStatus().name(), ResultFields.of(result));
        } catch (SharedState.Unavailable e) {
            LOG.warn("verdict of {} not recorded now ({}); the status updater will", result.getEventId(), e.getMessage());
        }
    }

    /** Without it the claim stays RECEIVED: a re-send after the lease would publish the event a second time. */
    private void markQueuedQuietly(String eventId) {
        try {
            records.markQueued(eventId);
        } catch (SharedState.Unavailable e) {
            LOG.warn("publish of {} not recorded ({}); a re-send after {} may publish it again", eventId, e.getMessage(), CLAIM_LEASE);
        }
    }

    private void releaseQuietly(String eventId) {
        try {
            records.release(eventId);
        } catch (SharedState.Unavailable e) {
            LOG.warn("claim of {} not released: {}", eventId, e.getMessage());
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
