/** Runs the proof of work in a Web Worker; onProgress gets the tries so far. */
export function solveInWorker(challenge: string, difficulty: number, onProgress: (tries: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./pow.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (message: MessageEvent<{ nonce?: string; progress?: number; tries?: number }>) => {
      if (message.data.nonce !== undefined) {
        onProgress(message.data.tries ?? 0);
        worker.terminate();
        resolve(message.data.nonce);
      } else if (message.data.progress !== undefined) {
        onProgress(message.data.progress);
      }
    };
    worker.onerror = (error) => {
      worker.terminate();
      reject(new Error("proof of work failed: " + error.message));
    };
    worker.postMessage({ challenge, difficulty });
  });
}
