import { describe, expect, it } from 'vitest';
import { isHostLinkUp, onHostLink, setHostLink } from './client';

describe('host link', () => {
  it('does not report the first socket open, so start-up loads run once', () => {
    const seen: boolean[] = [];
    const off = onHostLink((up) => seen.push(up));
    try {
      setHostLink(true); // the socket's first open: the link was already assumed up
      expect(seen).toEqual([]);
      setHostLink(false);
      setHostLink(false);
      setHostLink(true); // a reconnect: listeners reload what they hold
      expect(seen).toEqual([false, true]);
      expect(isHostLinkUp()).toBe(true);
    } finally {
      off();
    }
  });
});
