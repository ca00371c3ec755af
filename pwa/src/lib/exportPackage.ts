/** One file with everything needed to check a capture without EventPipe: event, media, receipt, certificates. */
import type { Capture } from "./queue";
import type { Registration } from "./device";
import { toBase64 } from "./bytes";

export async function exportPackage(capture: Capture, registration: Registration | undefined): Promise<Blob> {
  const media = await Promise.all(capture.media.map(async (m) => ({
    sha256: m.sha256, contentType: m.contentType, size: m.size,
    base64: toBase64(new Uint8Array(await m.blob.arrayBuffer())),
  })));
  const pkg = {
    format: "eventpipe-event-package/1",
    event: JSON.parse(capture.eventJson),
    eventHash: capture.eventHash,
    status: capture.status,
    receipt: capture.receipt ?? null,
    certificateChain: registration ? [registration.certificate, ...registration.chain] : [],
    media,
    verify: "./eventpipe verify receipt.json --event event.json, or any RFC 9162 verifier and an Ethereum node",
  };
  return new Blob([JSON.stringify(pkg, null, 2)], { type: "application/json" });
}
