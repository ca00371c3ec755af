import { useEffect, useState } from "react";
import { call } from "./api";
import { Field, type LabelDefinition } from "../event/CaptureForm";

const TYPES = ["TEXT", "NUMBER", "INTEGER", "BOOLEAN", "ENUM", "DATE"] as const;

interface Draft {
  id: string;
  name: string;
  labels: LabelDefinition[];
}

const EMPTY: Draft = { id: "", name: "", labels: [{ name: "", type: "TEXT", required: false }] };

/** Label configurations: the list with their versions, an editor with a preview of the capture form, publish. */
export function LabelConfigs() {
  const [configs, setConfigs] = useState<any[]>([]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [existing, setExisting] = useState(false);
  const [message, setMessage] = useState<string>();

  const load = () => call("GET", "/v1/admin/label-configs").then((answer) => setConfigs(answer.labelConfigs ?? []));
  useEffect(() => {
    load();
  }, []);

  function edit(config: any) {
    const current = config.versions.find((v: any) => v.version === config.currentVersion);
    setDraft({ id: config.id, name: config.name, labels: current?.labels ?? [] });
    setExisting(true);
  }

  function setLabel(index: number, change: Partial<LabelDefinition>) {
    setDraft({ ...draft, labels: draft.labels.map((l, i) => (i === index ? { ...l, ...change } : l)) });
  }

  async function publish() {
    const labels = draft.labels.filter((l) => l.name.trim()).map((l) => ({ ...l, enumValues: l.type === "ENUM" ? l.enumValues : undefined }));
    try {
      const answer = existing ? await call("PUT", "/v1/admin/label-configs/" + draft.id, { name: draft.name, labels })
        : await call("POST", "/v1/admin/label-configs", { id: draft.id, name: draft.name, labels });
      setMessage(`published ${answer.id} version ${answer.currentVersion}`);
      setExisting(true);
      await load();
    } catch (e) {
      const body = (e as any).body;
      setMessage((e as Error).message + (body?.violations ? ": " + body.violations.map((v: any) => `${v.pointer} ${v.message}`)
        .join("; ") : ""));
    }
  }

  return (
    <>
      <section>
        <h2>Label configurations</h2>
        <table>
          <thead><tr><th>id</th><th>name</th><th>versions</th><th /></tr></thead>
          <tbody>{configs.map((c) => <tr key={c.id}><td>{c.id}</td><td>{c.name}</td>
            <td>{c.versions.map((v: any) => `v${v.version} ${v.status}`).join(", ")}</td>
            <td><button type="button" onClick={() => edit(c)}>Edit</button></td></tr>)}</tbody>
        </table>
        <button type="button" onClick={() => { setDraft(EMPTY); setExisting(false); }}>New configuration</button>
      </section>
      <section className="split">
        <div>
          <h3>{existing ? "New version of " + draft.id : "New configuration"}</h3>
          <label>Id<input value={draft.id} disabled={existing} data-testid="config-id"
            onChange={(e) => setDraft({ ...draft, id: e.target.value })} /></label>
          <label>Name<input value={draft.name} data-testid="config-name" onChange={(e) => setDraft({ ...draft, name: e.target.value })} /></label>
          {draft.labels.map((label, i) => (
            <div className="row" key={i}>
              <input placeholder="label name" value={label.name} data-testid={"label-name-" + i}
                onChange={(e) => setLabel(i, { name: e.target.value })} />
              <select value={label.type} data-testid={"label-type-" + i}
                onChange={(e) => setLabel(i, { type: e.target.value as LabelDefinition["type"] })}>
                {TYPES.map((t) => <option key={t}>{t}</option>)}</select>
              {label.type === "ENUM" && <input placeholder="values, comma separated" value={(label.enumValues ?? []).join(",")}
                onChange={(e) => setLabel(i, { enumValues: e.target.value.split(",").map((v) => v.trim()).filter(Boolean) })} />}
              <label className="row"><input type="checkbox" checked={label.required ?? false}
                onChange={(e) => setLabel(i, { required: e.target.checked })} />required</label>
            </div>))}
          <button type="button" onClick={() => setDraft({ ...draft, labels: [...draft.labels, { name: "", type: "TEXT" }] })}>
            Add a label</button>{" "}
          <button type="button" onClick={publish} data-testid="publish">Publish</button>
          {message && <p data-testid="publish-result">{message}</p>}
        </div>
        <div data-testid="preview">
          <h3>Preview of the capture form</h3>
          {draft.labels.filter((l) => l.name.trim()).map((label) => <Field key={label.name} label={label} value={undefined}
            onChange={() => undefined} />)}
        </div>
      </section>
    </>
  );
}
