/**
 * The device's identity: an Ed25519 key made in WebCrypto, non-extractable (the private key
 * never leaves the browser's key store), kept in IndexedDB; and the certificate the relay
 * issued for it after the proof of work, renewed before it expires.
 */
import * as idb from "./idb";
import { fromBase64, toBase64, utf8 } from "./bytes";
import { solveInWorker } from "./powClient";

export interface Registration {
  deviceId: string;
  certificate: string;
  chain: string[];
  expiresAt: string;
}

const KEY = "device-key";
const REGISTRATION = "device-registration";
/** Renew when less than this is left of the certificate's life. */
const RENEW_BEFORE_MS = 60 * 60 * 1000;

export async function deviceKey(): Promise<CryptoKeyPair> {
  const existing = await idb.get<CryptoKeyPair>("keys", KEY);
  if (existing) {
    return existing;
  }
  const created = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
  await idb.put("keys", KEY, created);
  return created;
}

export async function sign(data: Uint8Array): Promise<Uint8Array> {
  const key = await deviceKey();
  return new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key.privateKey, data as BufferSource));
}

export async function publicKeyRaw(): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.exportKey("raw", (await deviceKey()).publicKey));
}

export async function registration(): Promise<Registration | undefined> {
  return idb.get<Registration>("keys", REGISTRATION);
}

export function needsRenewal(current: Registration | undefined, now: number = Date.now()): boolean {
  return current === undefined || Date.parse(current.expiresAt) - now < RENEW_BEFORE_MS;
}

/** Registers (or renews): challenge, proof of work in a worker, proof of possession, certificate. */
export async function register(relay: string, onProgress: (tries: number, difficulty: number) => void): Promise<Registration> {
  const challenge = await (await fetch(relay + "/v1/challenge")).json();
  const nonce = await solveInWorker(challenge.challenge, challenge.difficulty, (tries) => onProgress(tries, challenge.difficulty));
  const proof = await sign(utf8(challenge.challenge));
  const response = await fetch(relay + "/v1/devices", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ challenge: challenge.challenge, nonce, publicKey: toBase64(await publicKeyRaw()),
      signature: toBase64(proof) }),
  });
  const answer = await response.json();
  if (response.status !== 201) {
    throw new Error(`registration refused (${response.status}): ${answer.message ?? answer.error}`);
  }
  await idb.put("keys", REGISTRATION, answer);
  return answer as Registration;
}

export { fromBase64 };
