/**
 * RFC 9421 HTTP Message Signatures as the relay verifies them (CONTRACT 2.3): Ed25519 over
 * "@method", "@target-uri" and, with a body, "content-digest" (RFC 9530, sha-256), with
 * created, keyid = deviceId, alg and a nonce (Ed25519 is deterministic: two requests signed in
 * the same second would otherwise carry the same signature and the second be refused as a replay).
 */
import { sha256 } from "./sha256";
import { toBase64 } from "./bytes";

export type Signer = (data: Uint8Array) => Promise<Uint8Array>;

export async function contentDigest(body: Uint8Array): Promise<string> {
  return "sha-256=:" + toBase64(await sha256(body)) + ":";
}

export function signatureParams(components: string[], created: number, keyId: string, nonce: string): string {
  return "(" + components.map((c) => JSON.stringify(c)).join(" ") + ")" + `;created=${created};keyid=${JSON.stringify(keyId)}`
    + `;alg="ed25519";nonce=${JSON.stringify(nonce)}`;
}

/** The signature base of RFC 9421 section 2.5 for derived components and lower-case header names. */
export function signatureBase(values: [string, string][], params: string): string {
  return values.map(([name, value]) => `${JSON.stringify(name)}: ${value}`).join("\n") + `\n"@signature-params": ${params}`;
}

export interface SignedHeaders {
  "Signature-Input": string;
  Signature: string;
  "Content-Digest"?: string;
}

function randomNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The headers that sign a request (targetUri absolute, as the relay sees it). */
export async function signRequest(method: string, targetUri: string, body: Uint8Array | null, keyId: string, sign: Signer,
                                  created: number = Math.floor(Date.now() / 1000)): Promise<SignedHeaders> {
  const values: [string, string][] = [["@method", method.toUpperCase()], ["@target-uri", targetUri]];
  let digest: string | undefined;
  if (body !== null) {
    digest = await contentDigest(body);
    values.push(["content-digest", digest]);
  }
  const params = signatureParams(values.map(([name]) => name), created, keyId, randomNonce());
  const signature = await sign(new TextEncoder().encode(signatureBase(values, params)));
  const headers: SignedHeaders = { "Signature-Input": "sig1=" + params, Signature: "sig1=:" + toBase64(signature) + ":" };
  if (digest !== undefined) {
    headers["Content-Digest"] = digest;
  }
  return headers;
}
