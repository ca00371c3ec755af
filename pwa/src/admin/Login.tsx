import { useState } from "react";
import { importCredentials, login, storedCredentials } from "./api";

/** Login with the admin certificate's key: imported once from the credentials file, then a signed challenge. */
export function Login({ onLoggedIn }: { onLoggedIn: () => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function attempt(getCredentials: () => Promise<Awaited<ReturnType<typeof storedCredentials>>>) {
    setBusy(true);
    setError(undefined);
    try {
      const credentials = await getCredentials();
      if (!credentials) {
        throw new Error("import your admin credentials file first");
      }
      await login(credentials);
      onLoggedIn();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h2>Sign in</h2>
      <p>Your admin key signs a one-time challenge; the key stays in this browser (non-extractable).</p>
      <label>Admin credentials file (adminId and private key, e.g. bootstrap-admin.json)
        <input type="file" accept="application/json,.json" data-testid="credentials" disabled={busy}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) {
              await attempt(async () => importCredentials(await file.text()));
            }
          }} />
      </label>
      <button type="button" disabled={busy} onClick={() => attempt(storedCredentials)}>Sign in with the stored key</button>
      {error && <p className="badge bad" data-testid="login-error">{error}</p>}
    </section>
  );
}
