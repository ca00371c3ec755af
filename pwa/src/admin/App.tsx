import { useState } from "react";
import { Login } from "./Login";
import { Dashboard } from "./Dashboard";
import { LabelConfigs } from "./LabelConfigs";
import { Relays } from "./Relays";
import { Operations } from "./Operations";
import { forget, loggedIn } from "./api";

const VIEWS = { dashboard: Dashboard, labels: LabelConfigs, relays: Relays, operations: Operations } as const;
type View = keyof typeof VIEWS;
const TITLES: Record<View, string> = { dashboard: "Dashboard", labels: "Label configs", relays: "Relays", operations: "Replay & topics" };

/** EventAdminApp: admin login, the live dashboard, label configurations, relays, replay and partitions. */
export function App() {
  const [signedIn, setSignedIn] = useState(loggedIn());
  const [view, setView] = useState<View>("dashboard");
  const Current = VIEWS[view];
  return (
    <>
      <header>
        <h1>EventPipe admin</h1>
        {signedIn && <nav className="row">{(Object.keys(VIEWS) as View[]).map((v) => (
          <button type="button" key={v} className={v === view ? "active" : ""} onClick={() => setView(v)}>{TITLES[v]}</button>))}
          <button type="button" onClick={async () => { await forget(); setSignedIn(false); }}>Sign out</button></nav>}
      </header>
      <main className="wide">{signedIn ? <Current /> : <Login onLoggedIn={() => setSignedIn(true)} />}</main>
    </>
  );
}
