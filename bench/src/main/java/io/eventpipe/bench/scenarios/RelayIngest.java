package io.eventpipe.bench.scenarios;

import io.eventpipe.bench.load.BenchDevices;
import io.eventpipe.bench.load.HttpLoad;
import java.net.http.HttpRequest;
import java.util.List;

/**
 * S1: signed 1 KiB events (their photo uploaded beforehand) through the relay, each answered when
 * the stream processors' result comes back: closed loop for the most it takes, then open loop at
 * half that rate for the round trip's percentiles.
 */
public final class RelayIngest {

    private final BenchDevices devices;
    private final HttpLoad load = new HttpLoad();

    public RelayIngest(BenchDevices devices) {
        this.devices = devices;
    }

    /** Both runs, and the event ids they sent (for the reconciliation of S2 and S4). */
    public record Result(HttpLoad.Run closed, HttpLoad.Run open, double openRate, List<String> eventIds) {
    }

    public HttpLoad.Run closedLoop(int events, int concurrency, List<String> sentIds) throws InterruptedException {
        List<BenchDevices.SignedEvent> signed = devices.signedEvents(events);
        signed.forEach(e -> sentIds.add(e.eventId()));
        return load.closedLoop(requests(signed), concurrency);
    }

    public HttpLoad.Run openLoop(double perSecond, double seconds, List<String> sentIds) throws InterruptedException {
        List<BenchDevices.SignedEvent> signed = devices.signedEvents((int) Math.max(1, Math.round(perSecond * seconds)));
        signed.forEach(e -> sentIds.add(e.eventId()));
        return load.openLoop(requests(signed), perSecond);
    }

    private static List<HttpRequest> requests(List<BenchDevices.SignedEvent> signed) {
        return signed.stream().map(BenchDevices.SignedEvent::request).toList();
    }
}
