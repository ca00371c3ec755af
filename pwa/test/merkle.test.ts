import { describe, expect, it } from "vitest";
import { vectors } from "./vectors";
import { fromHex, toHex } from "../src/lib/bytes";
import { rootFromInclusionProof, treeHead, verifyInclusion } from "../src/lib/merkle";
import { verifyProof, type Receipt } from "../src/lib/receipt";
import { sha256 } from "../src/lib/sha256";

const leaves: Uint8Array[] = vectors.merkle.leaves.map(fromHex);

/** Every audit path of a tree, derived from RFC 9162's definition (the slow reference). */
async function auditPath(index: number, items: Uint8Array[]): Promise<Uint8Array[]> {
  if (items.length <= 1) {
    return [];
  }
  let k = 1;
  while (k * 2 < items.length) {
    k *= 2;
  }
  return index < k
    ? [...(await auditPath(index, items.slice(0, k))), await treeHead(items.slice(k))]
    : [...(await auditPath(index - k, items.slice(k))), await treeHead(items.slice(0, k))];
}

describe("RFC 9162", () => {
  it("gives the reference data's tree heads", async () => {
    for (let size = 1; size <= leaves.length; size++) {
      expect(toHex(await treeHead(leaves.slice(0, size)))).toBe(vectors.merkle.roots[size - 1]);
    }
  });

  it("verifies the published audit path and refuses altered ones", async () => {
    const v = vectors.merkle.inclusion[0];
    const root = fromHex(vectors.merkle.roots[v.treeSize - 1]);
    const path = v.auditPath.map(fromHex);
    expect(await verifyInclusion(v.leafIndex, v.treeSize, leaves[v.leafIndex], path, root)).toBe(true);
    expect(await verifyInclusion(v.leafIndex, v.treeSize, leaves[1], path, root)).toBe(false);
    await expect(rootFromInclusionProof(v.leafIndex, v.treeSize, leaves[0], path.slice(1))).rejects.toThrow(/shorter/);
    await expect(rootFromInclusionProof(v.leafIndex, v.treeSize, leaves[0], [...path, path[0]])).rejects.toThrow(/longer/);
    await expect(rootFromInclusionProof(8, 8, leaves[0], path)).rejects.toThrow(/not within/);
  });

  it("verifies every leaf of every tree up to 40 against the reference", async () => {
    const items = await Promise.all(Array.from({ length: 40 }, (_, i) => sha256(new TextEncoder().encode("event " + i))));
    for (let size = 1; size <= items.length; size++) {
      const root = await treeHead(items.slice(0, size));
      for (let index = 0; index < size; index++) {
        const path = await auditPath(index, items.slice(0, size));
        expect(await verifyInclusion(index, size, items[index], path, root)).toBe(true);
      }
    }
  });
});

describe("receipts", () => {
  it("the proof of a receipt leads from its event hash to its root", async () => {
    const items = await Promise.all(Array.from({ length: 5 }, (_, i) => sha256(new TextEncoder().encode("e" + i))));
    const receipt: Receipt = {
      version: 1, eventId: "e3", eventHash: toHex(items[3]), leafIndex: 3, treeSize: 5,
      auditPath: (await auditPath(3, items)).map(toHex), root: toHex(await treeHead(items)), batchId: "b",
      anchor: { chainId: 31337, contract: "0x0", txHash: "0x1", blockNumber: 1, blockHash: "0x2" },
    };
    expect(await verifyProof(receipt)).toMatchObject({ valid: true });
    expect(await verifyProof(receipt, toHex(items[2]))).toMatchObject({ valid: false });
    expect(await verifyProof({ ...receipt, leafIndex: 2 })).toMatchObject({ valid: false });
    expect(await verifyProof({ ...receipt, root: "00".repeat(32) })).toMatchObject({ valid: false });
  });
});
