/// <reference lib="webworker" />
/**
 * The proof-of-work worker: {challenge, difficulty} in, {progress: tries} while searching,
 * {nonce, tries} at the end. Searches in slices so that progress is reported regularly.
 */
import { searchSlice } from "./pow";

const SLICE = 20_000;

self.onmessage = (message: MessageEvent<{ challenge: string; difficulty: number }>) => {
  const { challenge, difficulty } = message.data;
  let start = 0;
  for (;;) {
    const nonce = searchSlice(challenge, difficulty, start, SLICE);
    if (nonce !== null) {
      (self as unknown as Worker).postMessage({ nonce, tries: Number(nonce) + 1 });
      return;
    }
    start += SLICE;
    (self as unknown as Worker).postMessage({ progress: start });
  }
};
