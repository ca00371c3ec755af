/** The device API of CONTRACT 2, signed with the device key (RFC 9421). */
import { signRequest } from "./httpsig";
import { sign } from "./device";
import { utf8 } from "./bytes";

export class RelayError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }

  /** Worth trying again later: the network, overload, rate limits, a relay restarting. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export class RelayClient {
  constructor(readonly base: string, readonly deviceId: string) {}

  private async signed(method: string, path: string, body: Uint8Array | null, contentType?: string): Promise<Response> {
    const target = new URL(path, this.base).toString();
    const headers: Record<string, string> = { ...(await signRequest(method, target, body, this.deviceId, sign)) };
    if (contentType) {
      headers["Content-Type"] = contentType;
    }
    try {
      return await fetch(target, { method, headers, body: body as BodyInit | null });
    } catch (e) {
      throw new RelayError(0, "network", "the relay cannot be reached: " + (e as Error).message);
    }
  }

  private static async answer(response: Response): Promise<any> {
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const retry = Number(response.headers.get("Retry-After") ?? "") || undefined;
      throw new RelayError(response.status, json.error ?? "error", json.message ?? response.statusText, retry);
    }
    return json;
  }

  async uploadMedia(sha256: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await RelayClient.answer(await this.signed("PUT", "/v1/media/" + sha256, bytes, contentType));
  }

  /** POST /v1/events with the event JSON as it will be hashed (the relay hashes what it receives). */
  async postEvent(eventJson: string): Promise<any> {
    return RelayClient.answer(await this.signed("POST", "/v1/events", utf8(eventJson), "application/json"));
  }

  async status(eventId: string): Promise<any> {
    return RelayClient.answer(await this.signed("GET", "/v1/events/" + eventId, null));
  }
}

export async function labelConfigs(base: string): Promise<any[]> {
  const response = await fetch(new URL("/v1/label-configs", base));
  return (await response.json()).labelConfigs ?? [];
}
