import { describe, it, expect } from 'vitest';
import { encodeMessage, parseClientMessage, parseServerMessage } from './parse';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from './versions';

describe('parseClientMessage', () => {
  it('parses a hello', () => {
    const text = encodeMessage({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
      clientId: 'c1',
      cursor: 0,
      lastAckedMid: 0,
    });
    const r = parseClientMessage(text);
    expect(r.ok && r.message.type).toBe('hello');
  });

  it('parses a push and keeps args opaque', () => {
    const r = parseClientMessage(
      JSON.stringify({ type: 'push', mutations: [{ mid: 1, name: 'addComment', args: { x: [1] }, at: 5 }] }),
    );
    expect(r.ok).toBe(true);
    if (r.ok && r.message.type === 'push') expect(r.message.mutations[0]?.args).toEqual({ x: [1] });
  });

  it('reports bad JSON', () => {
    const r = parseClientMessage('{"type":');
    expect(r).toMatchObject({ ok: false, code: 'bad_json' });
  });

  it('reports a non-object and a missing type', () => {
    expect(parseClientMessage('[1]')).toMatchObject({ ok: false, code: 'bad_message' });
    expect(parseClientMessage('{"a":1}')).toMatchObject({ ok: false, code: 'bad_message' });
    expect(parseClientMessage('null')).toMatchObject({ ok: false, code: 'bad_message' });
  });

  it('reports an unknown type', () => {
    expect(parseClientMessage('{"type":"launch"}')).toMatchObject({ ok: false, code: 'unknown_type' });
    // A server message type is unknown in the client -> server direction.
    expect(parseClientMessage('{"type":"welcome"}')).toMatchObject({ ok: false, code: 'unknown_type' });
  });

  it('reports a schema failure with the path', () => {
    const r = parseClientMessage(JSON.stringify({ type: 'push', mutations: [{ mid: 0, name: 'x', args: 1, at: 1 }] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('bad_message');
      expect(r.message).toContain('mutations.0.mid');
    }
  });

  it('reports an oversize message, counting UTF-8 bytes', () => {
    const big = JSON.stringify({ type: 'ping', pad: 'я'.repeat(600) });
    expect(parseClientMessage(big, 1000)).toMatchObject({ ok: false, code: 'too_large' });
    expect(parseClientMessage(big, 2000).ok).toBe(true);
  });
});

describe('parseServerMessage', () => {
  it('parses changes with a deleted row', () => {
    const r = parseServerMessage(
      JSON.stringify({
        type: 'changes',
        cursor: 7,
        rows: [
          { seq: 6, table: 'orders', id: 'o1', row: { id: 'o1', status: 'new' } },
          { seq: 7, table: 'order_events', id: 'e1', row: null },
        ],
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('rejects a table outside SYNCED_TABLES', () => {
    const r = parseServerMessage(
      JSON.stringify({ type: 'changes', cursor: 1, rows: [{ seq: 1, table: 'user_tokens', id: 'x', row: null }] }),
    );
    expect(r).toMatchObject({ ok: false, code: 'bad_message' });
  });

  it('parses an ack with a business error and a mid_gap error', () => {
    const ack = parseServerMessage(
      JSON.stringify({
        type: 'ack',
        mid: 3,
        result: 'rejected',
        cursor: 10,
        error: { code: 'assign_conflict', message: 'order 123 was assigned to Driver X by Dispatcher Y' },
      }),
    );
    expect(ack.ok).toBe(true);
    const gap = parseServerMessage(JSON.stringify({ type: 'error', code: 'mid_gap', message: 'gap', expectedMid: 4 }));
    expect(gap.ok && gap.message.type === 'error' && gap.message.expectedMid).toBe(4);
  });
});
