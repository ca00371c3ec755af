/**
 * The admin API for the browser: the admin's key (imported from the credentials file, kept as a
 * non-extractable WebCrypto key) signs a login challenge; the short-lived session token then
 * authenticates every call (seed 004). The dashboard stream is read with fetch streaming, since
 * EventSource cannot send the token.
 */
import * as idb from "../lib/idb";
import { fromBase64, toBase64, utf8 } from "../lib/bytes";

const CREDENTIALS = "admin-credentials";
const TOKEN = "eventpipe-admin-token";

export interface StoredCredentials {
  adminId: string;
  key: CryptoKey;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly body?: any) {
    super(message);
  }
}

function pemBody(pem: string): Uint8Array {
  return fromBase64(pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""));
}

/** Imports {adminId, privateKey} (the bootstrap file's shape): the key becomes non-extractable. */
export async function importCredentials(json: string): Promise<StoredCredentials> {
  const parsed = JSON.parse(json);
  if (typeof parsed.adminId !== "string" || typeof parsed.privateKey !== "string") {
    throw new Error("an admin credentials file has adminId and privateKey");
  }
  const key = await crypto.subtle.importKey("pkcs8", pemBody(parsed.privateKey) as BufferSource, { name: "Ed25519" }, false, ["sign"]);
  const stored = { adminId: parsed.adminId, key };
  await idb.put("keys", CREDENTIALS, stored);
  return stored;
}

export async function storedCredentials(): Promise<StoredCredentials | undefined> {
  return idb.get<StoredCredentials>("keys", CREDENTIALS);
}

export async function forget(): Promise<void> {
  sessionStorage.removeItem(TOKEN);
  await idb.remove("keys", CREDENTIALS);
}

async function json(response: Response): Promise<any> {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(response.status, body.error ?? "error", body.message ?? response.statusText, body);
  }
  return body;
}

export async function login(credentials: StoredCredentials): Promise<void> {
  const { challenge } = await json(await fetch("/v1/admin/login/challenge", { method: "POST",
    headers: { "Content-Type": "application/json" }, body: JSON.stringify({ adminId: credentials.adminId }) }));
  const signature = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, credentials.key, utf8(challenge) as BufferSource));
  const { token } = await json(await fetch("/v1/admin/login", { method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ adminId: credentials.adminId, challenge, signature: toBase64(signature) }) }));
  sessionStorage.setItem(TOKEN, token);
}

export function loggedIn(): boolean {
  return sessionStorage.getItem(TOKEN) !== null;
}

/** A call with the session token; an expired session logs in again once with the stored key. */
export async function call(method: string, path: string, body?: unknown): Promise<any> {
  const send = () => fetch(path, { method, headers: { Authorization: "Bearer " + sessionStorage.getItem(TOKEN),
    ...(body === undefined ? {} : { "Content-Type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  let response = await send();
  if (response.status === 401) {
    const credentials = await storedCredentials();
    if (credentials) {
      await login(credentials);
      response = await send();
    }
  }
  return json(response);
}

/** Server-Sent Events over fetch: calls onEvent(name, data) per frame until aborted. */
export async function stream(path: string, signal: AbortSignal, onEvent: (event: string, data: any) => void): Promise<void> {
  const response = await fetch(path, { headers: { Authorization: "Bearer " + sessionStorage.getItem(TOKEN) }, signal });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, "stream", "the dashboard stream was refused");
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(frame)?.[1] ?? "message";
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (data !== undefined) {
        onEvent(name, JSON.parse(data));
      }
    }
  }
}
