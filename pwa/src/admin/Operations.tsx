import { useEffect, useState } from "react";
import { call } from "./api";

/** Analysts' replays and SREs' partitions, from the admin API (plans first, then execution). */
export function Operations() {
  const [topics, setTopics] = useState<any[]>([]);
  const [plan, setPlan] = useState<any>();
  const [replay, setReplay] = useState({ topic: "events.validated", target: "", from: "" });
  const [job, setJob] = useState<any>();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    call("GET", "/v1/admin/topics").then((a) => setTopics(a.topics)).catch((e) => setMessage(e.message));
  }, []);

  useEffect(() => {
    if (!job || job.state !== "RUNNING") {
      return;
    }
    const timer = setTimeout(() => call("GET", "/v1/admin/replays/" + job.jobId).then(setJob), 1000);
    return () => clearTimeout(timer);
  }, [job]);

  async function partitions(name: string, current: number) {
    const wanted = Number(prompt(`Partitions for ${name} (now ${current}; never fewer)`, String(current * 2)));
    if (!wanted) {
      return;
    }
    try {
      const dry = await call("POST", `/v1/admin/topics/${name}/partitions`, { partitions: wanted, dryRun: true });
      if (confirm(`${name}: ${dry.from} → ${dry.to} partitions.\n${dry.warning}\nExecute?`)) {
        await call("POST", `/v1/admin/topics/${name}/partitions`, { partitions: wanted, dryRun: false });
        setTopics((await call("GET", "/v1/admin/topics")).topics);
      }
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  async function startReplay(dryRun: boolean) {
    try {
      const answer = await call("POST", "/v1/admin/replays", { ...replay, from: replay.from || undefined, dryRun });
      setPlan(answer);
      if (answer.jobId) {
        setJob(await call("GET", "/v1/admin/replays/" + answer.jobId));
      }
    } catch (e) {
      setMessage((e as Error).message);
    }
  }

  return (
    <>
      <section>
        <h2>Topics</h2>
        <table>
          <thead><tr><th>topic</th><th>partitions</th><th>records</th><th>lag by group</th><th /></tr></thead>
          <tbody>{topics.map((t) => <tr key={t.name}><td>{t.name}</td><td>{t.partitions}</td><td>{t.records}</td>
            <td>{Object.entries(t.consumerGroupLag).map(([g, lag]) => `${g}: ${lag}`).join(", ")}</td>
            <td><button type="button" onClick={() => partitions(t.name, t.partitions)}>Partitions…</button></td></tr>)}</tbody>
        </table>
      </section>
      <section>
        <h2>Replay</h2>
        <div className="row">
          <input value={replay.topic} onChange={(e) => setReplay({ ...replay, topic: e.target.value })} placeholder="source topic" />
          <input value={replay.target} onChange={(e) => setReplay({ ...replay, target: e.target.value })} placeholder="new target topic" />
          <input value={replay.from} onChange={(e) => setReplay({ ...replay, from: e.target.value })} placeholder="from (ISO instant)" />
          <button type="button" onClick={() => startReplay(true)}>Plan</button>
          <button type="button" onClick={() => startReplay(false)} disabled={!plan || plan.jobId}>Execute</button>
        </div>
        {plan && <pre className="mono">{JSON.stringify(plan.partitions)} — {plan.offsets} offsets</pre>}
        {job && <p>{job.jobId}: {job.state}, {job.copied} of {job.offsets} <progress max={job.offsets || 1} value={job.copied} /></p>}
        {message && <p className="badge bad">{message}</p>}
      </section>
    </>
  );
}
