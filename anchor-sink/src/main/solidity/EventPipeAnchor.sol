// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

/// @title EventPipe anchor
/// @notice Records that a Merkle root of EventPipe events existed at this block. Anyone may
/// anchor: an anchor proves existence at a time, not authority, and the submitter is logged.
/// The root is the first indexed topic (topics[1]), so eth_getLogs with topics [null, root]
/// at this address finds the anchoring transaction (EventPipe CONTRACT 3).
contract EventPipeAnchor {
    /// @param root RFC 9162 (SHA-256) Merkle root of a batch of event hashes
    /// @param treeSize number of leaves, which the receipts' inclusion proofs must agree with
    /// @param batchId the anchor sink's identifier of the batch
    event Anchored(bytes32 indexed root, address indexed submitter, uint64 treeSize, string batchId);

    function anchor(bytes32 root, uint64 treeSize, string calldata batchId) external {
        require(treeSize > 0, "empty batch");
        emit Anchored(root, msg.sender, treeSize, batchId);
    }
}
