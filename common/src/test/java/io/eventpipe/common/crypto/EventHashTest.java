package io.eventpipe.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventpipe.common.json.Jcs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventHashTest {

    @Test
    void hashIsSha256OfTheCanonicalForm() throws Exception {
        String sent = "{ \"eventId\": \"6f1c2a9e-8d3b-4c51-9a7e-0b2f4d6c8e10\", \"note\": \"x\", \"annotations\": {\"b\": 2, \"a\": 1.0} }";
        EventHash.Canonical canonical = EventHash.of(Jcs.parse(sent.getBytes(StandardCharsets.UTF_8)));
        String jcs = "{\"annotations\":{\"a\":1,\"b\":2},\"eventId\":\"6f1c2a9e-8d3b-4c51-9a7e-0b2f4d6c8e10\",\"note\":\"x\"}";
        assertThat(new String(canonical.jcs(), StandardCharsets.UTF_8)).isEqualTo(jcs);
        // Known answer: printf '%s' "$jcs" | sha256sum
        assertThat(canonical.hashHex()).isEqualTo(Sha256.hex(jcs.getBytes(StandardCharsets.UTF_8)));
        assertThat(canonical.hashHex()).isEqualTo("db092218d8ed2512d5e05953395a29df593bad0184f09b43817d8de8ea945f7c");
    }

    @Test
    void sha256KnownAnswer() {
        // FIPS 180-2 example "abc"
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256HexShapeIsStrict() {
        assertThat(Hex.isSha256("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isTrue();
        assertThat(Hex.isSha256("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")).isFalse();
        assertThat(Hex.isSha256("../etc/passwd")).isFalse();
        assertThat(Hex.isSha256(null)).isFalse();
    }
}
