/**
 * QR decoding for enrollment codes: the browser's BarcodeDetector where it has one (Android,
 * macOS), else jsQR on the pixels (Chromium on Linux and Windows has no BarcodeDetector).
 */
import jsQR from "jsqr";

type Source = HTMLVideoElement | HTMLImageElement | ImageBitmap;

export async function decodeQr(source: Source): Promise<string | null> {
  if ("BarcodeDetector" in window) {
    const detector = new (window as any).BarcodeDetector({ formats: ["qr_code"] });
    const codes = await detector.detect(source);
    return codes.length > 0 ? codes[0].rawValue : null;
  }
  const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!width || !height) {
    return null;
  }
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, width, height);
  const pixels = context.getImageData(0, 0, width, height);
  return jsQR(pixels.data, width, height)?.data ?? null;
}

/** What an enrollment URL carries: the relay and its one-time token. */
export function parseEnrollment(text: string): { relayId: string; token: string; url: string } | null {
  try {
    const url = new URL(text);
    const relayId = url.searchParams.get("relayId");
    const token = url.searchParams.get("token");
    return relayId && token ? { relayId, token, url: url.origin + url.pathname } : null;
  } catch {
    return null;
  }
}
