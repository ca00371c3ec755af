package io.eventpipe.anchor.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The EventPipeAnchor contract (src/main/solidity, compiled offline by tools/chain/compile.js into
 * contracts/EventPipeAnchor.json): its creation bytecode, the anchor call and the Anchored event,
 * ABI-encoded with web3j's encoder rather than generated wrappers.
 */
public final class AnchorContract {

    public static final String ARTIFACT = "/contracts/EventPipeAnchor.json";

    /** event Anchored(bytes32 indexed root, address indexed submitter, uint64 treeSize, string batchId) */
    public static final Event ANCHORED = new Event("Anchored", List.of(
            new TypeReference<Bytes32>(true) { },
            new TypeReference<Address>(true) { },
            new TypeReference<Uint64>() { },
            new TypeReference<Utf8String>() { }));

    /** topics[0] of every Anchored log. */
    public static final String ANCHORED_TOPIC = EventEncoder.encode(ANCHORED);

    private AnchorContract() {
    }

    /** The creation bytecode, from the compiled artifact on the classpath. */
    public static String bytecode() {
        try (InputStream in = AnchorContract.class.getResourceAsStream(ARTIFACT)) {
            if (in == null) {
                throw new IllegalStateException(ARTIFACT + " is missing from the classpath");
            }
            JsonNode artifact = new ObjectMapper().readTree(in);
            return artifact.get("bytecode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Call data of anchor(root, treeSize, batchId). */
    public static String anchorCall(byte[] root, long treeSize, String batchId) {
        return FunctionEncoder.encode(new Function("anchor",
                List.of(new Bytes32(root), new Uint64(BigInteger.valueOf(treeSize)), new Utf8String(batchId)), List.of()));
    }

    /** What an Anchored log's data says besides the indexed root and submitter. */
    public record AnchoredData(long treeSize, String batchId) {
    }

    @SuppressWarnings("rawtypes")
    public static AnchoredData decode(String logData) {
        List<Type> values = FunctionReturnDecoder.decode(logData, ANCHORED.getNonIndexedParameters());
        if (values.size() != 2) {
            throw new IllegalArgumentException("not the data of an Anchored event");
        }
        return new AnchoredData(((BigInteger) values.get(0).getValue()).longValueExact(), (String) values.get(1).getValue());
    }
}
