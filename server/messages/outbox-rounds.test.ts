// The send/record sequence the message sender and the daily summary share: what each gateway
// answer leaves the row in, what is counted, the backoff, and rounds that never overlap.
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../testing/memory-logger';
import type { Channel } from './channel';
import { afterAttempt, backoffMs, OutboxRounds, sendAttempt, type AttemptCounters } from './outbox-rounds';

const zero = (): AttemptCounters => ({ attempts: 0, sent: 0, retried: 0, failed: 0, unknown: 0 });
const MSG = { id: 'm1', to: '+77010000000', subject: '', body: 'hi' };

describe('one attempt and what it leaves', () => {
  it('backs off 30 s doubling, at most 30 min', () => {
    expect([0, 1, 2, 3, 5, 6, 7, 20].map(backoffMs)).toEqual([30_000, 30_000, 60_000, 120_000, 480_000, 960_000, 1_800_000, 1_800_000]);
  });

  it('a sent attempt records when and the provider id; a refusal queues after the backoff', () => {
    const c = zero();
    expect(afterAttempt({ outcome: 'sent', providerId: 'p-1' }, 1, 1000, c)).toEqual({ state: 'sent', sentAt: 1000, providerId: 'p-1', lastError: null });
    expect(afterAttempt({ outcome: 'retry', error: '503' }, 2, 1000, c)).toEqual({ state: 'queued', nextAttemptAt: 61_000, lastError: '503' });
    expect(c).toEqual({ attempts: 0, sent: 1, retried: 1, failed: 0, unknown: 0 });
  });

  it('a refusal at the last attempt fails; a final refusal and an unknown answer are never retried', () => {
    const c = zero();
    expect(afterAttempt({ outcome: 'retry', error: '503' }, 5, 0, c, 6)).toMatchObject({ state: 'queued' });
    expect(afterAttempt({ outcome: 'retry', error: '503' }, 6, 0, c, 6)).toEqual({ state: 'failed', lastError: '503' });
    expect(afterAttempt({ outcome: 'failed', error: 'bad number' }, 1, 0, c)).toEqual({ state: 'failed', lastError: 'bad number' });
    expect(afterAttempt({ outcome: 'unknown', error: 'timeout' }, 1, 0, c)).toEqual({ state: 'unknown', lastError: 'timeout' });
    expect(c).toEqual({ attempts: 0, sent: 0, retried: 1, failed: 2, unknown: 1 });
  });

  it('counts the attempt, and reads a gateway that throws as unknown (it may have sent)', async () => {
    const c = zero();
    const ok: Channel = { send: async (m) => ({ outcome: 'sent', providerId: m.id }) };
    const throws: Channel = {
      send: async () => {
        throw new Error('socket hang up');
      },
    };
    expect(await sendAttempt(ok, MSG, c)).toEqual({ outcome: 'sent', providerId: 'm1' });
    expect(await sendAttempt(throws, MSG, c)).toEqual({ outcome: 'unknown', error: 'socket hang up' });
    expect(c.attempts).toBe(2);
  });
});

describe('rounds', () => {
  it('never runs two rounds at once, and stop waits for the one under way', async () => {
    let started = 0;
    let release: () => void = () => {};
    const rounds = new OutboxRounds(
      () => {
        started++;
        return new Promise<void>((r) => (release = r));
      },
      60_000,
      memoryLogger().logger,
      'test',
    );
    const a = rounds.runOnce();
    const b = rounds.runOnce();
    expect(a).toBe(b);
    expect(started).toBe(1);
    const stopping = rounds.stop();
    expect(rounds.stopped).toBe(true);
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('runs on the timer and logs a failed round by name, then keeps going', async () => {
    const log = memoryLogger();
    let calls = 0;
    const rounds = new OutboxRounds(
      async () => {
        calls++;
        if (calls === 1) throw new Error('disk full');
      },
      5,
      log.logger,
      'test',
    );
    rounds.start();
    while (calls < 2) await new Promise((r) => setTimeout(r, 5));
    await rounds.stop();
    expect(log.lines.find((l) => l.msg === 'test round failed')).toBeDefined();
  });
});

