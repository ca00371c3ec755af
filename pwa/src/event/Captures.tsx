import { useEffect, useState } from "react";
import type { Capture } from "../lib/queue";
import { verifyOnChain, verifyProof, type Verdict } from "../lib/receipt";
import { exportPackage } from "../lib/exportPackage";
import type { Registration } from "../lib/device";

const DONE = ["ANCHORED", "FINAL"];

function badge(capture: Capture): string {
  if (capture.state === "failed" || capture.status === "REJECTED") {
    return "bad";
  }
  return DONE.includes(capture.status ?? "") ? "ok" : "wait";
}

/** The receipt of an anchored capture, verified here: the proof, then the root on the chain. */
function ReceiptCheck({ capture, rpcUrl, online }: { capture: Capture; rpcUrl?: string; online: boolean }) {
  const [proof, setProof] = useState<Verdict>();
  const [chain, setChain] = useState<Verdict>();
  useEffect(() => {
    if (!capture.receipt) {
      return;
    }
    verifyProof(capture.receipt, capture.eventHash).then(setProof);
    if (rpcUrl && navigator.onLine) {
      verifyOnChain(capture.receipt, rpcUrl).then(setChain);
    }
  }, [capture.receipt, capture.eventHash, rpcUrl, online]);
  if (!capture.receipt) {
    return null;
  }
  const verified = proof?.valid && chain?.valid;
  return (
    <div data-testid="receipt" data-verified={verified ? "true" : "false"}>
      <span className={"badge " + (verified ? "ok" : proof && chain ? "bad" : "wait")}>
        {verified ? "Receipt verified" : proof && chain ? "Receipt NOT verified" : "Verifying receipt"}</span>
      {proof && <div>Proof: {proof.valid ? proof.detail : proof.reason}</div>}
      {chain && <div>Chain: {chain.valid ? chain.detail : chain.reason}</div>}
      {!rpcUrl && <div>No chain RPC configured: the proof alone was checked.</div>}
      {rpcUrl && !online && !chain && <div>The chain is checked once online.</div>}
    </div>
  );
}

export function Captures({ captures, rpcUrl, registration, online }: { captures: Capture[]; rpcUrl?: string;
                                                                        registration?: Registration; online: boolean }) {
  async function download(capture: Capture) {
    const blob = await exportPackage(capture, registration);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `eventpipe-${capture.eventId}.json`;
    link.click();
  }

  return (
    <section>
      <h2>My captures</h2>
      {captures.length === 0 && <p>None yet.</p>}
      <ul className="captures">
        {captures.map((capture) => (
          <li key={capture.eventId} data-testid="capture" data-event-id={capture.eventId} data-status={capture.status ?? capture.state}>
            <div className="row">
              <span className={"badge " + badge(capture)}>{capture.state === "queued" ? "QUEUED" : capture.status ?? capture.state}</span>
              <span>{new Date(capture.createdAt).toLocaleString()}</span>
              <button type="button" onClick={() => download(capture)}>Export</button>
            </div>
            <div className="mono">hash {capture.eventHash}</div>
            {capture.lastError && <div>Last attempt: {capture.lastError} (attempt {capture.attempts})</div>}
            {capture.reasons && capture.reasons.length > 0 && <div>Rejected: {capture.reasons.map((r) => r.code).join(", ")}</div>}
            <ReceiptCheck capture={capture} rpcUrl={rpcUrl} online={online} />
          </li>
        ))}
      </ul>
    </section>
  );
}
