/**
 * CONTRACT 2.1 proof of work: a decimal nonce such that SHA-256(UTF8(challenge + ":" + nonce))
 * has at least `difficulty` leading zero bits. Solved in a Web Worker (pow.worker.ts) in slices,
 * reporting progress, so the page stays responsive.
 */
import { sha256Sync } from "./sha256";
import { utf8 } from "./bytes";

export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const b of digest) {
    if (b === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(b) - 24;
  }
  return bits;
}

export function meets(challenge: string, nonce: string, difficulty: number): boolean {
  return leadingZeroBits(sha256Sync(utf8(challenge + ":" + nonce))) >= difficulty;
}

/** Searches nonces from `start` for at most `count` tries; the nonce found, or null. */
export function searchSlice(challenge: string, difficulty: number, start: number, count: number): string | null {
  for (let nonce = start; nonce < start + count; nonce++) {
    const candidate = String(nonce);
    if (meets(challenge, candidate, difficulty)) {
      return candidate;
    }
  }
  return null;
}

/** Expected tries for a difficulty: 2^difficulty (for a progress estimate). */
export function expectedTries(difficulty: number): number {
  return 2 ** difficulty;
}
