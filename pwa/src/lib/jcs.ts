/**
 * RFC 8785 JSON Canonicalization Scheme: object members sorted by the UTF-16 code units of
 * their names, no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them
 * (which is what RFC 8785 specifies). The event hash is SHA-256 of these bytes (CONTRACT 2.5).
 */
import { sha256 } from "./sha256";
import { toHex, utf8 } from "./bytes";

export function canonicalize(value: unknown): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw new Error("JSON has no " + value);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return "[" + value.map(canonicalize).join(",") + "]";
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return "{" + entries.map(([k, v]) => JSON.stringify(k) + ":" + canonicalize(v)).join(",") + "}";
  }
  throw new Error("not JSON: " + typeof value);
}

/** The event hash of CONTRACT 2.5: hex SHA-256 of the canonical form of the event as sent. */
export async function eventHash(event: unknown): Promise<string> {
  return toHex(await sha256(utf8(canonicalize(event))));
}
