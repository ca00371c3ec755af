package io.eventpipe.bench.report;

import java.util.List;
import java.util.Map;

/** One run of the harness: the machine, the settings, every figure, the ratios and checks derived from them. */
public record Report(String generatedAt, Map<String, String> machine, Map<String, String> settings, List<Figure> figures,
                     List<Ratio> ratios, List<Check> checks, List<String> notes) {

    /** The figure with this id; NaN when the run did not measure it. */
    public double figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
    }
}
