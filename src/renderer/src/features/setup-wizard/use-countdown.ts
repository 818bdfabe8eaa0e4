import { useEffect, useReducer } from 'react';

/** Whole seconds until `targetLocalMs` (0 when passed), re-rendering once a second while counting. */
export function useCountdown(targetLocalMs: number | undefined): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (targetLocalMs === undefined) return;
    const timer = setInterval(() => {
      tick();
      if (Date.now() >= targetLocalMs) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [targetLocalMs]);
  // Read the clock at render time: a state copy of "now" would be stale when the target changes.
  // eslint-disable-next-line react-hooks/purity -- the countdown is about the current time
  return targetLocalMs === undefined ? 0 : Math.max(0, Math.ceil((targetLocalMs - Date.now()) / 1000));
}
