package io.eventpipe.common.httpsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredFieldsTest {

    @Test
    void parsesAndReserializesSignatureInput() {
        var dictionary = StructuredFields.parseDictionary(
                "sig1=(\"@method\"  \"@target-uri\");created=1618884473;keyid=\"a \\\"b\\\"\";alg=\"ed25519\", sig2=:AQID:");
        var sig1 = dictionary.get("sig1");
        assertThat(sig1.isInnerList()).isTrue();
        assertThat(sig1.parameters()).containsEntry("created", 1618884473L).containsEntry("keyid", "a \"b\"");
        assertThat(StructuredFields.serializeInnerList(sig1.innerList(), sig1.parameters()))
                .isEqualTo("(\"@method\" \"@target-uri\");created=1618884473;keyid=\"a \\\"b\\\"\";alg=\"ed25519\"");
        assertThat((byte[]) dictionary.get("sig2").item().value()).containsExactly(1, 2, 3);
    }

    @Test
    void tokensBooleansAndBareKeys() {
        var dictionary = StructuredFields.parseDictionary("a=tok/en:1, b=?0, c;x=1");
        assertThat(dictionary.get("a").item().value()).isEqualTo(new StructuredFields.Token("tok/en:1"));
        assertThat(dictionary.get("b").item().value()).isEqualTo(false);
        assertThat(dictionary.get("c").item().value()).isEqualTo(true);
        assertThat(dictionary.get("c").item().parameters()).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void malformedInputIsRefused() {
        for (String bad : new String[] {"", "a=", "A=1", "a=(\"x\"", "a=\"unterminated", "a=:@@@:", "a=1,", "a=\"\u00e9\"", "a=1.5"}) {
            if (bad.isEmpty()) {
                assertThat(StructuredFields.parseDictionary(bad)).isEmpty();
                continue;
            }
            assertThatThrownBy(() -> StructuredFields.parseDictionary(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> StructuredFields.parseDictionary("a=" + "1".repeat(9000))).isInstanceOf(IllegalArgumentException.class);
    }
}
