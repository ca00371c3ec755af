import { useEffect, useRef, useState } from "react";
import { sha256 } from "../lib/sha256";
import { toHex } from "../lib/bytes";
import { eventHash } from "../lib/jcs";
import type { Capture } from "../lib/queue";

export interface LabelDefinition {
  name: string;
  type: "TEXT" | "NUMBER" | "INTEGER" | "BOOLEAN" | "ENUM" | "DATE";
  required?: boolean;
  description?: string | null;
  enumValues?: string[];
  min?: number | null;
  max?: number | null;
  pattern?: string | null;
}

export interface LabelConfig {
  id: string;
  name: string;
  currentVersion: number;
  versions: { version: number; status: string; labels: LabelDefinition[] }[];
}

function typed(label: LabelDefinition, raw: string | boolean): unknown {
  switch (label.type) {
    case "INTEGER": return parseInt(raw as string, 10);
    case "NUMBER": return parseFloat(raw as string);
    case "BOOLEAN": return raw === true;
    default: return raw;
  }
}

/** The capture form, generated from the current version of the chosen label configuration. */
export function CaptureForm({ configs, onCapture }: { configs: LabelConfig[]; onCapture: (c: Capture) => Promise<void> }) {
  const [configId, setConfigId] = useState<string>("");
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [photo, setPhoto] = useState<Blob>();
  const [note, setNote] = useState("");
  const [withLocation, setWithLocation] = useState(false);
  const [camera, setCamera] = useState<MediaStream>();
  const [busy, setBusy] = useState(false);
  const video = useRef<HTMLVideoElement>(null);

  const config = configs.find((c) => c.id === configId) ?? configs[0];
  const version = config?.versions.find((v) => v.version === config.currentVersion);

  useEffect(() => {
    if (video.current && camera) {
      video.current.srcObject = camera;
    }
  }, [camera]);

  async function startCamera() {
    try {
      setCamera(await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }));
    } catch (e) {
      alert("No camera: " + (e as Error).message + ". Choose a picture instead.");
    }
  }

  function takePhoto() {
    const v = video.current!;
    const canvas = document.createElement("canvas");
    canvas.width = v.videoWidth || 640;
    canvas.height = v.videoHeight || 480;
    canvas.getContext("2d")!.drawImage(v, 0, 0, canvas.width, canvas.height);
    canvas.toBlob((blob) => blob && setPhoto(blob), "image/jpeg", 0.9);
  }

  async function location(): Promise<{ lat: number; lon: number; accuracyM: number } | undefined> {
    if (!withLocation || !navigator.geolocation) {
      return undefined;
    }
    return new Promise((resolve) => navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracyM: p.coords.accuracy }),
      () => resolve(undefined), { timeout: 10_000 }));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!config || !version) {
      return;
    }
    setBusy(true);
    try {
      const media = [];
      if (photo) {
        const bytes = new Uint8Array(await photo.arrayBuffer());
        media.push({ sha256: toHex(await sha256(bytes)), contentType: photo.type || "image/jpeg", size: bytes.length, blob: photo });
      }
      const annotations: Record<string, unknown> = {};
      for (const label of version.labels) {
        const raw = values[label.name];
        if (raw !== undefined && raw !== "") {
          annotations[label.name] = typed(label, raw);
        }
      }
      const event: Record<string, unknown> = {
        eventId: crypto.randomUUID(), capturedAt: new Date().toISOString(),
        labelConfig: { id: config.id, version: version.version }, annotations,
        media: media.map(({ sha256: digest, contentType, size }) => ({ sha256: digest, contentType, size })),
      };
      const where = await location();
      if (where) {
        event.location = where;
      }
      if (note.trim()) {
        event.note = note.trim();
      }
      await onCapture({ eventId: event.eventId as string, eventJson: JSON.stringify(event), eventHash: await eventHash(event),
        media, createdAt: Date.now(), state: "queued", attempts: 0, nextAttemptAt: 0 });
      setValues({});
      setPhoto(undefined);
      setNote("");
    } finally {
      setBusy(false);
    }
  }

  if (!config) {
    return <section><p>No label configuration yet: connect once to get them.</p></section>;
  }
  return (
    <section>
      <h2>Capture</h2>
      {camera ? <div className="camera"><video ref={video} autoPlay playsInline muted /><button type="button" onClick={takePhoto}>
        Take photo</button></div> : <button type="button" onClick={startCamera}>Open camera</button>}
      <label>Or choose a picture<input type="file" accept="image/*" capture="environment" data-testid="file"
        onChange={(e) => e.target.files?.[0] && setPhoto(e.target.files[0])} /></label>
      {photo && <img className="preview" alt="the photo" src={URL.createObjectURL(photo)} />}
      <form onSubmit={submit}>
        <label>Label configuration
          <select value={config.id} onChange={(e) => setConfigId(e.target.value)} data-testid="config">
            {configs.map((c) => <option key={c.id} value={c.id}>{c.name} (v{c.currentVersion})</option>)}
          </select>
        </label>
        {version?.labels.map((label) => <Field key={label.name} label={label} value={values[label.name]}
          onChange={(v) => setValues({ ...values, [label.name]: v })} />)}
        <label>Note<textarea value={note} onChange={(e) => setNote(e.target.value)} /></label>
        <label className="row"><input type="checkbox" checked={withLocation} onChange={(e) => setWithLocation(e.target.checked)} />
          Add my location</label>
        <button type="submit" disabled={busy}>Save capture</button>
      </form>
    </section>
  );
}

export function Field({ label, value, onChange }: { label: LabelDefinition; value: string | boolean | undefined;
                                               onChange: (v: string | boolean) => void }) {
  const title = label.name + (label.required ? " *" : "");
  switch (label.type) {
    case "BOOLEAN":
      return <label className="row"><input type="checkbox" name={label.name} checked={value === true}
        onChange={(e) => onChange(e.target.checked)} />{title}</label>;
    case "ENUM":
      return <label>{title}<select name={label.name} required={label.required} value={(value as string) ?? ""}
        onChange={(e) => onChange(e.target.value)}><option value="" />
        {label.enumValues?.map((v) => <option key={v} value={v}>{v}</option>)}</select></label>;
    default:
      return <label>{title}<input name={label.name} required={label.required} value={(value as string) ?? ""}
        type={label.type === "INTEGER" || label.type === "NUMBER" ? "number" : label.type === "DATE" ? "date" : "text"}
        step={label.type === "NUMBER" ? "any" : undefined} min={label.min ?? undefined} max={label.max ?? undefined}
        pattern={label.pattern ?? undefined} title={label.description ?? undefined}
        onChange={(e) => onChange(e.target.value)} /></label>;
  }
}
