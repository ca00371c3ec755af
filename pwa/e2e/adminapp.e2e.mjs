// End-to-end tests of EventAdminApp in real Chromium against a running local stack (run by
// launcher's DevStackIT with ADMIN_URL, RELAY_URL, CREDENTIALS and SCREENSHOTS): the first admin
// signs in with its key; publishes a label configuration that the capture form then offers;
// sees a capture live on the dashboard; provisions a relay and sees its QR code.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import assert from "node:assert/strict";

const ADMIN = process.env.ADMIN_URL ?? "http://127.0.0.1:8081";
const RELAY = process.env.RELAY_URL ?? "http://127.0.0.1:8080";
const CREDENTIALS = process.env.CREDENTIALS ?? ".eventpipe/admin/bootstrap-admin.json";
const SHOTS = process.env.SCREENSHOTS ?? "target/e2e-screenshots";
const STEP_MS = 90_000;
const suffix = Math.random().toString(36).slice(2, 8);
mkdirSync(SHOTS, { recursive: true });

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "adminapp-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  permissions: ["camera"],
  viewport: { width: 1200, height: 900 },
  acceptDownloads: true,
});
context.setDefaultTimeout(STEP_MS);

try {
  const admin = await context.newPage();
  admin.on("pageerror", (e) => console.error("admin page error:", e.message));
  await admin.goto(ADMIN + "/");
  await admin.getByTestId("credentials").setInputFiles(CREDENTIALS);
  await admin.getByTestId("summary").waitFor();
  await admin.screenshot({ path: join(SHOTS, "adminapp-dashboard.png"), fullPage: true });
  console.log("ok - the first admin signed in with its key");

  // a new label configuration, previewed, published; the capture form offers it within seconds
  const configId = "e2e-birds-" + suffix;
  await admin.getByRole("button", { name: "Label configs" }).click();
  await admin.getByRole("button", { name: "New configuration" }).click();
  await admin.getByTestId("config-id").fill(configId);
  await admin.getByTestId("config-name").fill("E2E birds " + suffix);
  await admin.getByTestId("label-name-0").fill("wingspan");
  await admin.getByTestId("label-type-0").selectOption("NUMBER");
  await admin.getByTestId("preview").locator("input[name=wingspan]").waitFor();
  await admin.getByTestId("publish").click();
  await admin.getByTestId("publish-result").getByText("published " + configId).waitFor();
  await admin.screenshot({ path: join(SHOTS, "adminapp-label-config.png"), fullPage: true });

  const capture = await context.newPage();
  await capture.goto(RELAY + "/");
  const deadline = Date.now() + STEP_MS;
  while (!(await capture.getByTestId("config").locator(`option[value="${configId}"]`).count())) {
    assert.ok(Date.now() < deadline, "the capture app never offered " + configId);
    await capture.waitForTimeout(1000);
    await capture.reload();
  }
  await capture.getByTestId("device").getByText("Device").waitFor();
  await capture.getByTestId("config").selectOption(configId);
  await capture.locator("input[name=wingspan]").waitFor();
  console.log("ok - a published label configuration changed the capture form:", configId);

  // the dashboard shows a capture live
  await admin.getByRole("button", { name: "Dashboard" }).click();
  await admin.getByTestId("summary").getByText("live").waitFor();
  await capture.locator("input[name=wingspan]").fill("1.25");
  await capture.getByRole("button", { name: "Save capture" }).click();
  await capture.getByTestId("capture").first().waitFor();
  const eventId = await capture.getByTestId("capture").first().getAttribute("data-event-id");
  await admin.locator(`[data-testid=live] tr[data-event-id="${eventId}"]`).first().waitFor();
  await admin.screenshot({ path: join(SHOTS, "adminapp-dashboard-live.png"), fullPage: true });
  console.log("ok - the dashboard showed the capture live:", eventId);
  const receiptLink = admin.locator(`[data-testid=live] tr[data-event-id="${eventId}"] [data-testid=receipt-link]`).first();
  await receiptLink.waitFor();
  const [download] = await Promise.all([admin.waitForEvent("download"), receiptLink.click()]);
  const receipt = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert.equal(receipt.eventId, eventId);
  assert.ok(receipt.auditPath && receipt.anchor.txHash, "a CONTRACT 3 receipt");
  console.log("ok - the dashboard links to the capture's receipt");

  // provisioning shows the one-time enrollment as a QR code
  await admin.getByRole("button", { name: "Relays" }).click();
  await admin.getByTestId("relay-id").fill("relay-e2e-" + suffix);
  await admin.getByTestId("relay-name").fill("E2E relay");
  await admin.getByTestId("provision").click();
  const qr = admin.getByTestId("enrollment-qr");
  await qr.waitFor();
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 100), "the QR code image renders");
  await admin.getByTestId("relay-relay-e2e-" + suffix).waitFor();
  await admin.screenshot({ path: join(SHOTS, "adminapp-relay-qr.png"), fullPage: true });
  console.log("ok - a provisioned relay's enrollment QR code is shown");

  // the QR scanner reads the code back (jsQR where the browser has no BarcodeDetector)
  const png = Buffer.from((await qr.getAttribute("src")).split(",")[1], "base64");
  await admin.getByTestId("qr-picture").setInputFiles({ name: "enrollment.png", mimeType: "image/png", buffer: png });
  await admin.getByTestId("scanned-relay").getByText("relay-e2e-" + suffix).waitFor();
  assert.match(await admin.getByTestId("scanned").innerText(), /\/v1\/relays\/enroll\?relayId=relay-e2e-/);
  console.log("ok - the QR scanner reads the enrollment code");
} finally {
  await context.close();
}
