import { useEffect, useState } from "react";
import { needsRenewal, register, registration, type Registration } from "../lib/device";

/** The device's registration, made (with the proof of work) or renewed when needed. */
export function useDevice(relay: string) {
  const [current, setCurrent] = useState<Registration>();
  const [progress, setProgress] = useState<{ tries: number; difficulty: number }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    async function ensure() {
      const existing = await registration();
      if (!needsRenewal(existing)) {
        setCurrent(existing);
        return;
      }
      try {
        const fresh = await register(relay, (tries, difficulty) => !cancelled && setProgress({ tries, difficulty }));
        if (!cancelled) {
          setCurrent(fresh);
          setError(undefined);
        }
      } catch (e) {
        if (!cancelled) {
          setCurrent(existing);
          setError((e as Error).message);
        }
      }
    }
    ensure();
    const timer = setInterval(ensure, 10 * 60 * 1000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [relay]);

  return { registration: current, progress, error };
}
