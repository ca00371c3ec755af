package io.eventpipe.schemas.labels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventpipe.avro.LabelDefinition;
import io.eventpipe.avro.LabelType;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelConfigCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> problems(String json) throws Exception {
        return LabelConfigCheck.check(JSON.readTree(json)).stream().map(p -> p.field() + " " + p.message()).toList();
    }

    @Test
    void aWellFormedConfigurationPassesAndBecomesLabelDefinitions() throws Exception {
        String json = "{\"name\":\"Birds\",\"labels\":[{\"name\":\"species\",\"type\":\"TEXT\",\"required\":true,\"maxLength\":80,"
                + "\"pattern\":\"[a-z ]+\"},{\"name\":\"count\",\"type\":\"INTEGER\",\"min\":1,\"max\":500},"
                + "{\"name\":\"sex\",\"type\":\"ENUM\",\"enumValues\":[\"f\",\"m\",\"unknown\"]},{\"name\":\"seen\",\"type\":\"DATE\"}]}";
        assertThat(problems(json)).isEmpty();
        List<LabelDefinition> labels = LabelConfigJson.labels(JSON.readTree(json).get("labels"));
        assertThat(labels).extracting(LabelDefinition::getType).containsExactly(LabelType.TEXT, LabelType.INTEGER, LabelType.ENUM,
                LabelType.DATE);
        assertThat(labels.get(1).getMax()).isEqualTo(500.0);
        assertThat(LabelConfigJson.render(labels.get(2)).get("enumValues")).hasSize(3);
    }

    @Test
    void everyMistakeIsReportedWithItsField() throws Exception {
        assertThat(problems("{\"labels\":[]}")).containsExactlyInAnyOrder("/name name is a non-empty string of at most 200 characters",
                "/labels labels is an array of 1 to 100 label definitions");
        assertThat(problems("{\"name\":\"x\",\"labels\":[{\"name\":\"1bad\",\"type\":\"TEXT\"},{\"name\":\"a\",\"type\":\"COLOUR\"},"
                + "{\"name\":\"a\",\"type\":\"ENUM\"},{\"name\":\"b\",\"type\":\"NUMBER\",\"min\":5,\"max\":1,\"pattern\":\"x\"},"
                + "{\"name\":\"c\",\"type\":\"TEXT\",\"pattern\":\"(\",\"maxLength\":0},{\"name\":\"d\",\"type\":\"BOOLEAN\","
                + "\"enumValues\":[\"y\"]},{\"name\":\"e\",\"type\":\"ENUM\",\"enumValues\":[\"y\",\"y\"]}]}"))
                .extracting(p -> p.split(" ")[0])
                .containsExactlyInAnyOrder("/labels/0/name", "/labels/1/type", "/labels/2/name", "/labels/2/enumValues",
                        "/labels/3/min", "/labels/3/pattern", "/labels/4/pattern", "/labels/4/maxLength", "/labels/5/enumValues",
                        "/labels/6/enumValues");
        assertThat(problems("[1]")).containsExactly(" a label configuration is a JSON object");
    }

    @Test
    void idsAreShortLowerCaseSlugs() {
        assertThat(LabelConfigCheck.isValidId("field-observation")).isTrue();
        assertThat(LabelConfigCheck.isValidId("Field")).isFalse();
        assertThat(LabelConfigCheck.isValidId("../x")).isFalse();
        assertThat(LabelConfigCheck.isValidId("a")).isFalse();
    }
}
