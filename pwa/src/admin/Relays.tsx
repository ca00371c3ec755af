import { useEffect, useRef, useState } from "react";
import { call } from "./api";
import { decodeQr, parseEnrollment } from "./qr";

/** Relay management (seed 000's flow): provision with the QR enrollment code, approve, revoke; scan an enrollment QR. */
export function Relays() {
  const [relays, setRelays] = useState<any[]>([]);
  const [form, setForm] = useState({ relayId: "", name: "", endpoint: "", launch: false });
  const [enrollment, setEnrollment] = useState<any>();
  const [message, setMessage] = useState<string>();

  const load = () => call("GET", "/v1/admin/relays").then((answer) => setRelays(answer.relays ?? []));
  useEffect(() => {
    load();
  }, []);

  async function act(action: () => Promise<any>) {
    try {
      setMessage(undefined);
      await action();
    } catch (e) {
      setMessage((e as Error).message);
    }
    await load();
  }

  async function provision() {
    await act(async () => {
      const request = form.launch ? { relayId: form.relayId, name: form.name, launch: true }
        : { relayId: form.relayId, name: form.name, endpoint: form.endpoint || undefined };
      const answer = await call("POST", "/v1/admin/relays", request);
      setEnrollment(answer.enrollment ? { relayId: answer.relayId, ...answer.enrollment } : undefined);
      setMessage(answer.enrollment ? undefined : `relay ${answer.relayId} launched; it enrolls by itself`);
    });
  }

  return (
    <>
      <section>
        <h2>Relays</h2>
        <table>
          <thead><tr><th>relay</th><th>status</th><th>endpoint</th><th /></tr></thead>
          <tbody>{relays.map((r) => <tr key={r.relayId} data-testid={"relay-" + r.relayId}><td>{r.relayId}<br />{r.name}</td>
            <td>{r.status}{r.process && ` (${r.process.running ? "running" : "stopped"})`}</td><td>{r.endpoint}</td>
            <td>{r.status === "ENROLLED" && <button type="button" onClick={() => act(() => call("POST", `/v1/admin/relays/${r.relayId}/approve`))}>
              Approve</button>}{" "}
              {r.status !== "REVOKED" && <button type="button" onClick={() => {
                const reason = prompt("Why is " + r.relayId + " revoked?");
                if (reason !== null) {
                  act(() => call("POST", `/v1/admin/relays/${r.relayId}/revoke`, { reason }));
                }
              }}>Revoke</button>}</td></tr>)}</tbody>
        </table>
      </section>
      <section>
        <h3>Provision a relay</h3>
        <label>Relay id<input value={form.relayId} data-testid="relay-id" onChange={(e) => setForm({ ...form, relayId: e.target.value })} /></label>
        <label>Name<input value={form.name} data-testid="relay-name" onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <label className="row"><input type="checkbox" checked={form.launch} onChange={(e) => setForm({ ...form, launch: e.target.checked })} />
          Launch it here (the configured provisioner starts it)</label>
        {!form.launch && <label>Public endpoint<input value={form.endpoint} onChange={(e) => setForm({ ...form, endpoint: e.target.value })} />
        </label>}
        <button type="button" onClick={provision} data-testid="provision">Provision</button>
        {message && <p>{message}</p>}
        {enrollment && <div data-testid="enrollment">
          <p>One-time enrollment for <b>{enrollment.relayId}</b>, until {new Date(enrollment.expiresAt).toLocaleString()}: scan it on the relay
            or give it this token.</p>
          <img alt="enrollment QR code" data-testid="enrollment-qr" src={"data:image/png;base64," + enrollment.qrPng} />
          <p className="mono">{enrollment.token}</p>
        </div>}
      </section>
      <QrScanner />
    </>
  );
}

/** Reads an enrollment QR code: with the camera, or from a picture of it. */
function QrScanner() {
  const video = useRef<HTMLVideoElement>(null);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<string>();

  async function scanCamera() {
    setError(undefined);
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    try {
      video.current!.srcObject = stream;
      await video.current!.play();
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const text = await decodeQr(video.current!);
        if (text) {
          setResult(text);
          return;
        }
        await new Promise((r) => setTimeout(r, 300));
      }
      setError("no QR code seen in 30 s");
    } finally {
      stream.getTracks().forEach((t) => t.stop());
    }
  }

  async function scanPicture(file: File) {
    setError(undefined);
    const text = await decodeQr(await createImageBitmap(file));
    text ? setResult(text) : setError("no QR code in that picture");
  }

  const enrollment = result ? parseEnrollment(result) : null;
  return (
    <section>
      <h3>Scan an enrollment code</h3>
      <div className="row">
        <button type="button" onClick={scanCamera}>Scan with the camera</button>
        <label>or a picture of it<input type="file" accept="image/*" data-testid="qr-picture"
          onChange={(e) => e.target.files?.[0] && scanPicture(e.target.files[0])} /></label>
      </div>
      <video ref={video} muted playsInline style={{ maxWidth: "20rem" }} />
      {result && <p className="mono" data-testid="scanned">{result}</p>}
      {enrollment && <p data-testid="scanned-relay">Enrollment of relay <b>{enrollment.relayId}</b> at {enrollment.url}</p>}
      {error && <p className="badge bad">{error}</p>}
    </section>
  );
}
