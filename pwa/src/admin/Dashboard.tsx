import { useEffect, useState } from "react";
import { call, stream } from "./api";

const KINDS = ["event", "rejection", "result", "receipt"];

/** A receipt line's receipt (CONTRACT 3) as a file anyone can verify (./eventpipe verify, or the capture app's code). */
function download(item: any) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([JSON.stringify(item.receipt, null, 2)], { type: "application/json" }));
  link.download = `receipt-${item.eventId}.json`;
  link.click();
}

/** The live dashboard (seed 004): summary figures and the live list, filtered on the server. */
export function Dashboard() {
  const [summary, setSummary] = useState<any>();
  const [items, setItems] = useState<any[]>([]);
  const [filter, setFilter] = useState({ kind: "", relayId: "", status: "", q: "" });
  const [state, setState] = useState("connecting");

  useEffect(() => {
    const abort = new AbortController();
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
    setItems([]);
    let stopped = false;
    (async () => {
      while (!stopped) {
        try {
          setState("live");
          await stream("/v1/admin/dashboard/stream?backlog=100&" + query, abort.signal, (event, data) => {
            if (event === "summary") {
              setSummary(data);
            } else if (event === "item") {
              setItems((current) => [data, ...current].slice(0, 300));
            }
          });
        } catch {
          if (stopped) {
            return;
          }
          setState("reconnecting");
          await call("GET", "/v1/admin/me").catch(() => undefined); // renews the session when it expired
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    })();
    return () => {
      stopped = true;
      abort.abort();
    };
  }, [filter]);

  return (
    <>
      <section data-testid="summary">
        <h2>Now <span className="badge">{state}</span></h2>
        {summary && <div className="figures">
          <div><b data-testid="rate">{summary.eventsPerSecond.toFixed(2)}</b> events/s</div>
          <div><b>{summary.events}</b> events since {new Date(summary.since).toLocaleTimeString()}</div>
          <div>anchor latency p50 <b>{summary.anchorLatencyMs.p50 ?? "–"}</b> ms, p95 <b>{summary.anchorLatencyMs.p95 ?? "–"}</b> ms</div>
          <div>rejections: {Object.entries(summary.rejectionsByReason).map(([r, n]) => `${r} ${n}`).join(", ") || "none"}</div>
          <div>per relay: {Object.entries(summary.relays).map(([r, v]: [string, any]) => `${r} ${v.eventsPerSecond.toFixed(2)}/s`)
            .join(", ") || "–"}</div>
        </div>}
      </section>
      <section>
        <div className="row">
          <select value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })} data-testid="filter-kind">
            <option value="">everything</option>{KINDS.map((k) => <option key={k}>{k}</option>)}</select>
          <input placeholder="relay" value={filter.relayId} onChange={(e) => setFilter({ ...filter, relayId: e.target.value })} />
          <input placeholder="status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value })} />
          <input placeholder="search" value={filter.q} data-testid="filter-q" onChange={(e) => setFilter({ ...filter, q: e.target.value })} />
        </div>
        <table data-testid="live">
          <thead><tr><th>time</th><th>kind</th><th>event</th><th>relay</th><th>status</th><th>why / anchor</th></tr></thead>
          <tbody>{items.map((item) => <tr key={item.seq} data-event-id={item.eventId}>
            <td>{item.at && new Date(item.at).toLocaleTimeString()}</td><td>{item.kind}</td><td className="mono">{item.eventId}</td>
            <td>{item.relayId}</td><td>{item.status}</td>
            <td>{item.reasons?.join(", ")}{item.txHash && <span className="mono">block {item.blockNumber} {item.txHash} </span>}
              {item.receipt && <button type="button" data-testid="receipt-link" onClick={() => download(item)}>receipt</button>}</td>
          </tr>)}</tbody>
        </table>
      </section>
    </>
  );
}
