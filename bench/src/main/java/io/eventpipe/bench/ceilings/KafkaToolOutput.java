package io.eventpipe.bench.ceilings;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's own performance tools print (their output is their only API). */
public final class KafkaToolOutput {

    private static final Pattern PRODUCER_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency,"
                    + " (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th, (\\d+) ms 99.9th");
    private static final Pattern E2E_PERCENTILES = Pattern.compile("Percentiles: 50th = ([\\d.]+), 99th = ([\\d.]+), 99.9th = ([\\d.]+)");
    private static final Pattern E2E_AVERAGE = Pattern.compile("Avg latency: ([\\d.]+) ms");

    private KafkaToolOutput() {
    }

    /** ProducerPerformance's final summary line. */
    public record Produced(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs, double p99LatencyMs) {
    }

    /** ConsumerPerformance's figures, the fetch ones excluding the group's join time. */
    public record Consumed(long records, double megabytesPerSecond, double fetchRecordsPerSecond) {
    }

    /** EndToEndLatency: produce one record, wait until it is consumed, repeat. */
    public record EndToEnd(double avgMs, double p50Ms, double p99Ms, double p999Ms) {
    }

    public static Produced producer(String output) {
        Matcher last = null;
        Matcher matcher = PRODUCER_SUMMARY.matcher(output);
        while (matcher.find()) {
            last = PRODUCER_SUMMARY.matcher(matcher.group());
            last.find();
        }
        if (last == null) {
            throw new IllegalArgumentException("no summary line in ProducerPerformance's output:\n" + output);
        }
        return new Produced(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), Double.parseDouble(last.group(3)),
                Double.parseDouble(last.group(4)), Double.parseDouble(last.group(8)));
    }

    public static Consumed consumer(String output) {
        List<String> lines = output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("start.time")) {
                List<String> header = Arrays.stream(lines.get(i).split(",")).map(String::trim).toList();
                String[] values = lines.get(i + 1).split(",");
                double fetchRate = Double.parseDouble(value(header, values, "fetch.nMsg.sec"));
                // the tool subtracts the group's join time from the elapsed time; when the join took longer
                // than the fetching its fetch figures come out negative, and the overall rate is the honest one
                double rate = fetchRate > 0 ? fetchRate : Double.parseDouble(value(header, values, "nMsg.sec"));
                return new Consumed(Long.parseLong(value(header, values, "data.consumed.in.nMsg")),
                        Double.parseDouble(value(header, values, "MB.sec")), rate);
            }
        }
        throw new IllegalArgumentException("no header line in ConsumerPerformance's output:\n" + output);
    }

    private static String value(List<String> header, String[] values, String column) {
        int index = header.indexOf(column);
        if (index < 0 || index >= values.length) {
            throw new IllegalArgumentException("ConsumerPerformance printed no column " + column + " in " + header);
        }
        return values[index].trim();
    }

    public static EndToEnd endToEnd(String output) {
        Matcher average = E2E_AVERAGE.matcher(output);
        Matcher percentiles = E2E_PERCENTILES.matcher(output);
        if (!average.find() || !percentiles.find()) {
            throw new IllegalArgumentException("no latency lines in EndToEndLatency's output:\n" + output);
        }
        return new EndToEnd(Double.parseDouble(average.group(1)), Double.parseDouble(percentiles.group(1)),
                Double.parseDouble(percentiles.group(2)), Double.parseDouble(percentiles.group(3)));
    }
}
