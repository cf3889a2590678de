import { useEffect, useState } from 'react';

/** Re-renders every half second while `active`, for rates and times left; 0 when not active. */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return active ? now : 0;
}
