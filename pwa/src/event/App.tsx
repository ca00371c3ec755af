import { useCallback, useEffect, useState } from "react";
import { useDevice } from "./useDevice";
import { CaptureForm, type LabelConfig } from "./CaptureForm";
import { Captures } from "./Captures";
import { captures as storedCaptures, enqueue, refreshStatuses, sendDue, type Capture } from "../lib/queue";
import { labelConfigs } from "../lib/relay";
import { RelayClient } from "../lib/relay";
import * as idb from "../lib/idb";
import { expectedTries } from "../lib/pow";

const RELAY = window.location.origin;
const ROUND_MS = 2000;

/** EventApp: register the device, capture with annotations, queue offline, send, follow to a verified receipt. */
export function App() {
  const { registration, progress, error } = useDevice(RELAY);
  const [configs, setConfigs] = useState<LabelConfig[]>([]);
  const [captures, setCaptures] = useState<Capture[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [rpcUrl, setRpcUrl] = useState<string>();

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  // label configurations: fresh from the relay when possible, else the copy kept for offline use
  useEffect(() => {
    labelConfigs(RELAY).then(async (fresh) => {
      await idb.put("cache", "label-configs", fresh);
      setConfigs(fresh);
    }).catch(async () => setConfigs((await idb.get<LabelConfig[]>("cache", "label-configs")) ?? []));
    fetch(RELAY + "/v1/app-config").then((r) => r.json()).then(async (c) => {
      await idb.put("cache", "app-config", c);
      setRpcUrl(c.chainRpcUrl ?? undefined);
    }).catch(async () => setRpcUrl((await idb.get<{ chainRpcUrl?: string }>("cache", "app-config"))?.chainRpcUrl ?? undefined));
  }, [online]);

  const round = useCallback(async () => {
    if (registration && navigator.onLine) {
      const client = new RelayClient(RELAY, registration.deviceId);
      await sendDue(client);
      await refreshStatuses(client);
    }
    setCaptures(await storedCaptures());
  }, [registration]);

  useEffect(() => {
    round();
    const timer = setInterval(round, ROUND_MS);
    return () => clearInterval(timer);
  }, [round]);

  async function capture(c: Capture) {
    await enqueue(c);
    await round();
  }

  return (
    <>
      <header>
        <h1>EventPipe capture</h1>
        <span className={"badge " + (online ? "ok" : "bad")} data-testid="network">{online ? "online" : "offline"}</span>
      </header>
      <main>
        <section data-testid="device">
          {registration
            ? <div>Device <span className="mono">{registration.deviceId}</span>, certificate until {
              new Date(registration.expiresAt).toLocaleString()}</div>
            : progress
              ? <div>Registering this device (proof of work, {progress.difficulty} bits)
                <progress max={expectedTries(progress.difficulty)} value={Math.min(progress.tries,
                  expectedTries(progress.difficulty))} /></div>
              : <div>Preparing this device…</div>}
          {error && <div className="badge bad">{error}</div>}
        </section>
        <CaptureForm configs={configs} onCapture={capture} />
        <Captures captures={captures} rpcUrl={rpcUrl} registration={registration} online={online} />
      </main>
    </>
  );
}
