// End-to-end tests of EventApp in real Chromium (playwright-core, Debian's chromium) against a
// running local stack. Run by launcher's DevStackIT: node pwa/e2e/eventapp.e2e.mjs with
// RELAY_URL and SCREENSHOTS set. Exits non-zero on the first failed expectation.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const RELAY = process.env.RELAY_URL ?? "http://127.0.0.1:8080";
const SHOTS = process.env.SCREENSHOTS ?? "target/e2e-screenshots";
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const STEP_MS = 90_000;
mkdirSync(SHOTS, { recursive: true });

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "eventapp-")), {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  permissions: ["camera"],
  viewport: { width: 420, height: 900 },
});
context.setDefaultTimeout(STEP_MS);

async function capture(page, species) {
  const open = page.getByRole("button", { name: "Open camera" });
  if (await open.isVisible()) {
    await open.click();
  }
  await page.waitForFunction(() => document.querySelector("video")?.videoWidth > 0);
  await page.getByRole("button", { name: "Take photo" }).click();
  await page.locator("img.preview").waitFor();
  await page.locator("input[name=species]").fill(species);
  await page.locator("input[name=count]").fill("2");
  const before = await page.getByTestId("capture").count();
  await page.getByRole("button", { name: "Save capture" }).click();
  await page.waitForFunction((n) => document.querySelectorAll("[data-testid=capture]").length > n, before);
  return page.getByTestId("capture").first();
}

async function status(item) {
  return item.getAttribute("data-status");
}

try {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(RELAY + "/");
  await page.getByTestId("device").getByText("Device").waitFor();
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector("link[rel=manifest]").href)).json());
  assert.equal(manifest.display, "standalone");
  await page.screenshot({ path: join(SHOTS, "eventapp-registered.png"), fullPage: true });

  // capture → ACCEPTED → ANCHORED or FINAL → the receipt verified in this browser, proof and chain
  const item = await capture(page, "heron");
  const eventId = await item.getAttribute("data-event-id");
  await page.waitForFunction((id) => ["ANCHORED", "FINAL"].includes(
    document.querySelector(`[data-event-id="${id}"]`)?.getAttribute("data-status")), eventId, { timeout: STEP_MS });
  await page.waitForFunction((id) => document.querySelector(`[data-event-id="${id}"] [data-testid=receipt]`)
    ?.getAttribute("data-verified") === "true", eventId, { timeout: STEP_MS });
  await page.screenshot({ path: join(SHOTS, "eventapp-receipt-verified.png"), fullPage: true });
  console.log("ok - capture anchored and its receipt verified in the browser:", eventId);

  // offline: the capture is queued, kept across a reload (the service worker serves the app), sent after reconnect
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.getByTestId("network").getByText("offline").waitFor();
  const queued = await capture(page, "stork");
  const queuedId = await queued.getAttribute("data-event-id");
  assert.equal(await status(queued), "queued");
  await page.reload();
  await page.locator(`[data-event-id="${queuedId}"]`).waitFor();
  assert.equal(await status(page.locator(`[data-event-id="${queuedId}"]`)), "queued", "kept across a reload while offline");
  await page.screenshot({ path: join(SHOTS, "eventapp-offline-queue.png"), fullPage: true });
  await context.setOffline(false);
  await page.waitForFunction((id) => ["ACCEPTED", "STORED", "ANCHORED", "FINAL"].includes(
    document.querySelector(`[data-event-id="${id}"]`)?.getAttribute("data-status")), queuedId, { timeout: STEP_MS });
  console.log("ok - offline capture queued, kept across a reload, sent after reconnecting:", queuedId);
} finally {
  await context.close();
}
