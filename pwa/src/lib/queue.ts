/**
 * The offline queue: every capture is written to IndexedDB first (media as Blobs), then sent
 * when the relay can be reached, with exponential backoff; nothing is lost on reload, and a
 * retry is safe because the relay is idempotent by eventId.
 */
import * as idb from "./idb";
import { RelayClient, RelayError } from "./relay";
import type { Receipt } from "./receipt";

export interface MediaItem {
  sha256: string;
  contentType: string;
  size: number;
  blob: Blob;
}

export type CaptureState = "queued" | "sent" | "failed";

export interface Capture {
  eventId: string;
  /** The event JSON exactly as sent (the relay hashes these bytes' canonical form). */
  eventJson: string;
  eventHash: string;
  media: MediaItem[];
  createdAt: number;
  state: CaptureState;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  status?: string;
  reasons?: { code: string; message: string }[];
  receipt?: Receipt;
  storageKey?: string;
}

const MAX_BACKOFF_MS = 60_000;
export const FINAL_STATES = ["REJECTED", "FINAL"];

export async function enqueue(capture: Capture): Promise<void> {
  await idb.put("captures", capture.eventId, capture);
}

export async function captures(): Promise<Capture[]> {
  return (await idb.all<Capture>("captures")).sort((a, b) => b.createdAt - a.createdAt);
}

export function backoff(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/** Sends every queued capture that is due; answers how many are still waiting. */
export async function sendDue(client: RelayClient, now: number = Date.now()): Promise<number> {
  let waiting = 0;
  for (const capture of await captures()) {
    if (capture.state !== "queued") {
      continue;
    }
    if (capture.nextAttemptAt > now) {
      waiting++;
      continue;
    }
    try {
      for (const media of capture.media) {
        await client.uploadMedia(media.sha256, new Uint8Array(await media.blob.arrayBuffer()), media.contentType);
      }
      const answer = await client.postEvent(capture.eventJson);
      capture.state = "sent";
      capture.status = answer.status;
      capture.reasons = answer.reasons;
      capture.lastError = undefined;
    } catch (e) {
      const error = e as RelayError;
      capture.attempts++;
      capture.lastError = error.message;
      if (error instanceof RelayError && !error.retryable) {
        capture.state = "failed";
      } else {
        capture.nextAttemptAt = now + Math.max(backoff(capture.attempts), 1000 * (error.retryAfterSeconds ?? 0));
        waiting++;
      }
    }
    await idb.put("captures", capture.eventId, capture);
  }
  return waiting;
}

/** Follows sent captures until they reach a final state, keeping their receipts. */
export async function refreshStatuses(client: RelayClient): Promise<void> {
  for (const capture of await captures()) {
    if (capture.state !== "sent" || FINAL_STATES.includes(capture.status ?? "")) {
      continue;
    }
    try {
      const status = await client.status(capture.eventId);
      capture.status = status.status;
      capture.receipt = status.receipt ?? capture.receipt;
      capture.storageKey = status.storage?.key ?? capture.storageKey;
      await idb.put("captures", capture.eventId, capture);
    } catch {
      // offline or the relay busy: the next round asks again
    }
  }
}
