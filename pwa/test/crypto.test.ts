import { describe, expect, it } from "vitest";
import { vectors } from "./vectors";
import { sha256, sha256Sync } from "../src/lib/sha256";
import { fromBase64, fromHex, toBase64, toHex, utf8 } from "../src/lib/bytes";
import { canonicalize, eventHash } from "../src/lib/jcs";
import { leadingZeroBits, meets, searchSlice } from "../src/lib/pow";
import { signatureBase, signRequest, contentDigest } from "../src/lib/httpsig";

describe("sha256", () => {
  it("agrees with the shared vectors, sync and WebCrypto alike", async () => {
    for (const v of vectors.sha256) {
      expect(toHex(sha256Sync(utf8(v.utf8)))).toBe(v.hex);
      expect(toHex(await sha256(utf8(v.utf8)))).toBe(v.hex);
    }
  });

  it("the synchronous one equals WebCrypto across block boundaries", async () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(toHex(sha256Sync(data))).toBe(toHex(await sha256(data)));
    }
  });
});

describe("JCS and the event hash", () => {
  it("canonicalizes as RFC 8785 and the Java side do", async () => {
    for (const v of vectors.jcs) {
      const parsed = JSON.parse(v.input);
      expect(canonicalize(parsed)).toBe(v.canonical);
      if (v.sha256) {
        expect(await eventHash(parsed)).toBe(v.sha256);
      }
    }
  });

  it("refuses what JSON cannot say", () => {
    expect(() => canonicalize({ n: Number.NaN })).toThrow();
    expect(() => canonicalize({ f: () => 1 })).toThrow();
  });
});

describe("proof of work", () => {
  it("counts leading zero bits and finds the shared vector's nonce", () => {
    const v = vectors.pow;
    expect(toHex(sha256Sync(utf8(v.challenge + ":" + v.nonce)))).toBe(v.digest);
    expect(leadingZeroBits(fromHex(v.digest))).toBe(v.leadingZeroBits);
    expect(meets(v.challenge, v.nonce, v.leadingZeroBits)).toBe(true);
    expect(meets(v.challenge, "0", 1)).toBe(false);
    expect(searchSlice(v.challenge, v.leadingZeroBits, 0, 1000)).toBe(v.nonce);
    expect(searchSlice(v.challenge, v.leadingZeroBits, 0, 700)).toBeNull();
  });
});

describe("RFC 9421 signatures", () => {
  it("the RFC's Ed25519 example signs to its published signature", async () => {
    const v = vectors.httpsig;
    const key = await crypto.subtle.importKey("pkcs8", fromBase64(v.privateKeyPkcs8Base64) as BufferSource, { name: "Ed25519" }, false, ["sign"]);
    const signature = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key, utf8(v.signatureBase) as BufferSource));
    expect(toBase64(signature)).toBe(v.signatureBase64);
  });

  it("builds the base the relay verifies: method, target URI, content digest, params", async () => {
    const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair;
    const body = utf8("{\"a\":1}");
    const headers = await signRequest("post", "http://127.0.0.1:8080/v1/events", body, "dev-1",
      async (data) => new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, keys.privateKey, data as BufferSource)), 1700000000);
    expect(headers["Content-Digest"]).toBe(await contentDigest(body));
    expect(headers["Signature-Input"]).toMatch(
      /^sig1=\("@method" "@target-uri" "content-digest"\);created=1700000000;keyid="dev-1";alg="ed25519";nonce="[A-Za-z0-9_-]+"$/);
    const params = headers["Signature-Input"].slice("sig1=".length);
    const base = signatureBase([["@method", "POST"], ["@target-uri", "http://127.0.0.1:8080/v1/events"],
      ["content-digest", headers["Content-Digest"]!]], params);
    const signature = fromBase64(headers.Signature.slice("sig1=:".length, -1));
    expect(await crypto.subtle.verify({ name: "Ed25519" }, keys.publicKey, signature as BufferSource, utf8(base) as BufferSource)).toBe(true);
  });
});
