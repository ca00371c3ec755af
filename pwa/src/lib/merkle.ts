/**
 * RFC 9162 Merkle tree hashing and inclusion proof verification (section 2.1.3.2), as the
 * anchor sink builds its trees: leaf hash SHA-256(0x00 || leaf), node hash SHA-256(0x01 || l || r).
 */
import { sha256 } from "./sha256";
import { concat, equalBytes } from "./bytes";

export async function leafHash(leaf: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([0]), leaf));
}

export async function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  return sha256(concat(new Uint8Array([1]), left, right));
}

/** The root an inclusion proof leads to; throws when the proof cannot be one (bad index or path length). */
export async function rootFromInclusionProof(leafIndex: number, treeSize: number, leaf: Uint8Array,
                                             auditPath: Uint8Array[]): Promise<Uint8Array> {
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new Error(`leaf index ${leafIndex} is not within a tree of ${treeSize}`);
  }
  if (auditPath.some((node) => node.length !== 32)) {
    throw new Error("an audit path node is not 32 bytes");
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = await leafHash(leaf);
  for (const p of auditPath) {
    if (sn === 0) {
      throw new Error("the audit path is longer than the tree is deep");
    }
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) {
    throw new Error("the audit path is shorter than the tree is deep");
  }
  return r;
}

export async function verifyInclusion(leafIndex: number, treeSize: number, leaf: Uint8Array, auditPath: Uint8Array[],
                                      root: Uint8Array): Promise<boolean> {
  return equalBytes(await rootFromInclusionProof(leafIndex, treeSize, leaf, auditPath), root);
}

/** The tree head of some leaves (RFC 9162 MTH), for tests and for showing what a batch is. */
export async function treeHead(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 0) {
    return sha256(new Uint8Array(0));
  }
  if (leaves.length === 1) {
    return leafHash(leaves[0]);
  }
  let k = 1;
  while (k * 2 < leaves.length) {
    k *= 2;
  }
  return nodeHash(await treeHead(leaves.slice(0, k)), await treeHead(leaves.slice(k)));
}
