package io.eventpipe.admin.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventpipe.avro.AnchorReceipt;
import io.eventpipe.avro.EventPackage;
import io.eventpipe.avro.EventResult;
import io.eventpipe.avro.RejectedEvent;
import io.eventpipe.schemas.registry.SchemaRegistryClient;
import io.eventpipe.schemas.topics.Topics;
import io.eventpipe.web.JsonResponses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the live dashboard shows, read once per admin-service instance: events as relays publish
 * them, rejections, results and receipts, from {@link #BACKLOG} ago on. Keeps the latest
 * {@value #RECENT} lines for new viewers and searches, the summary figures, and hands each line
 * to the viewers whose filter it matches.
 */
public final class LiveFeed implements AutoCloseable {

    static final Duration BACKLOG = Duration.ofMinutes(15);
    public static final int RECENT = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Deserializer<EventPackage> events;
    private final Deserializer<RejectedEvent> rejections;
    private final Deserializer<EventResult> results;
    private final Deserializer<AnchorReceipt> receipts;
    private final Clock clock;
    private final Deque<FeedItem> recent = new ArrayDeque<>();
    private final FeedSummary summary;
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final FeedReader reader;
    private volatile boolean closed;

    public LiveFeed(String bootstrapServers, SchemaRegistryClient registry, Clock clock) {
        this.events = Topics.EVENTS_INCOMING.valueSerde(registry).deserializer();
        this.rejections = Topics.EVENTS_REJECTED.valueSerde(registry).deserializer();
        this.results = Topics.EVENTS_RESULTS.valueSerde(registry).deserializer();
        this.receipts = Topics.ANCHOR_RECEIPTS.valueSerde(registry).deserializer();
        this.clock = clock;
        this.summary = new FeedSummary(clock.instant().minus(BACKLOG));
        this.reader = new FeedReader(bootstrapServers, clock.instant().minus(BACKLOG), this::accept);
    }

    public LiveFeed start() {
        reader.start();
        return this;
    }

    /** Whether the reader follows the topics (for readiness and the summary). */
    public boolean following() {
        return reader.following();
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        FeedItem item;
        try {
            item = decode(record);
        } catch (RuntimeException e) {
            LOG.debug("dashboard skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.toString());
            return;
        }
        synchronized (this) {
            recent.addLast(item);
            if (recent.size() > RECENT) {
                recent.removeFirst();
            }
            summary.add(item);
        }
        subscribers.forEach(subscriber -> subscriber.offer(item));
    }

    private FeedItem decode(ConsumerRecord<String, byte[]> record) {
        long seq = sequence.incrementAndGet();
        String topic = record.topic();
        if (topic.equals(FeedItem.Kind.EVENT.topic())) {
            return FeedItem.of(seq, events.deserialize(topic, record.value()));
        } else if (topic.equals(FeedItem.Kind.REJECTION.topic())) {
            return FeedItem.of(seq, rejections.deserialize(topic, record.value()));
        } else if (topic.equals(FeedItem.Kind.RESULT.topic())) {
            return FeedItem.of(seq, results.deserialize(topic, record.value()));
        }
        return FeedItem.of(seq, receipts.deserialize(topic, record.value()), Instant.ofEpochMilli(record.timestamp()));
    }

    /** Whether the feed is closing: viewers' streams end. */
    public boolean closed() {
        return closed;
    }

    /** A viewer: the last backlog matching lines are queued first, then what comes. */
    public Subscription subscribe(FeedFilter filter, int backlog) {
        Subscription[] holder = new Subscription[1];
        Subscription subscription = new Subscription(filter, () -> subscribers.remove(holder[0]));
        holder[0] = subscription;
        synchronized (this) {
            List<FeedItem> matching = recent.stream().filter(filter::matches).toList();
            matching.subList(Math.max(0, matching.size() - backlog), matching.size()).forEach(subscription::offer);
            subscribers.add(subscription);
        }
        return subscription;
    }

    public int viewers() {
        return subscribers.size();
    }

    /** The latest lines matching the filter, newest first. */
    public synchronized ArrayNode recent(FeedFilter filter, int limit) {
        ArrayNode lines = JsonResponses.JSON.createArrayNode();
        var newestFirst = recent.descendingIterator();
        while (newestFirst.hasNext() && lines.size() < limit) {
            FeedItem item = newestFirst.next();
            if (filter.matches(item)) {
                lines.add(item.json());
            }
        }
        return lines;
    }

    public synchronized ObjectNode summary() {
        return summary.snapshot(clock.instant()).put("viewers", subscribers.size()).put("following", reader.following());
    }

    @Override
    public void close() {
        closed = true;
        reader.close();
    }
}
