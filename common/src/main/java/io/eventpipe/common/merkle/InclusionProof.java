package io.eventpipe.common.merkle;

import java.util.List;

/**
 * That the leaf at leafIndex is in the tree of treeSize leaves: the audit path of RFC 9162
 * section 2.1.3.1, sibling hashes from the leaf level upwards.
 */
public record InclusionProof(long leafIndex, long treeSize, List<byte[]> auditPath) {

    public InclusionProof {
        auditPath = List.copyOf(auditPath);
    }
}
