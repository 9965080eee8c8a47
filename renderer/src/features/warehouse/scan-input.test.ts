import { describe, it, expect } from 'vitest';
import { cleanScan, isTypingTarget, ScanBuffer } from './scan-input';

function typeFast(buf: ScanBuffer, text: string, start: number, stepMs = 8): { result: ReturnType<ScanBuffer['feed']>; end: number } {
  let at = start;
  for (const ch of text) {
    buf.feed(ch, at);
    at += stepMs;
  }
  return { result: buf.feed('Enter', at), end: at };
}

describe('ScanBuffer', () => {
  it('turns a fast burst of keys ending in Enter into one scan', () => {
    const buf = new ScanBuffer();
    expect(typeFast(buf, 'MR-100001', 1000).result).toEqual({ kind: 'scan', value: 'MR-100001' });
    expect(buf.pending).toBe('');
  });

  it('keeps Shift and other non-character keys from breaking a scan', () => {
    const buf = new ScanBuffer();
    let at = 0;
    for (const key of ['Shift', 'M', 'Shift', 'R', '-', '1', '2', '3']) buf.feed(key, (at += 5));
    expect(buf.feed('Enter', at + 5)).toEqual({ kind: 'scan', value: 'MR-123' });
  });

  it('ignores slow human typing and a lone Enter', () => {
    const buf = new ScanBuffer();
    expect(typeFast(buf, 'MR-1', 0, 250).result).toEqual({ kind: 'none' });
    expect(buf.feed('Enter', 10_000)).toEqual({ kind: 'none' });
  });

  it('keeps a scan whole when one key arrives late (a busy machine)', () => {
    const buf = new ScanBuffer();
    buf.feed('M', 0);
    buf.feed('R', 150); // one slow key
    let at = 150;
    for (const ch of '-100218') buf.feed(ch, (at += 5));
    expect(buf.feed('Enter', at + 5)).toEqual({ kind: 'scan', value: 'MR-100218' });
  });

  it('starts over after a pause: stray keys before a scan are dropped', () => {
    const buf = new ScanBuffer();
    buf.feed('x', 0);
    buf.feed('y', 10);
    expect(typeFast(buf, 'MR-7', 5000).result).toEqual({ kind: 'scan', value: 'MR-7' });
  });

  it('handles repeated scans of the same label as separate scans', () => {
    const buf = new ScanBuffer();
    const first = typeFast(buf, 'MR-5', 0);
    const second = typeFast(buf, 'MR-5', first.end + 500);
    expect([first.result, second.result]).toEqual([
      { kind: 'scan', value: 'MR-5' },
      { kind: 'scan', value: 'MR-5' },
    ]);
  });

  it('drops too-short bursts and caps stuck keys; Escape clears', () => {
    const buf = new ScanBuffer({ maxLength: 10 });
    expect(typeFast(buf, 'AB', 0).result).toEqual({ kind: 'none' });
    const long = typeFast(buf, 'X'.repeat(50), 1000).result;
    expect(long).toEqual({ kind: 'scan', value: 'X'.repeat(10) });
    buf.feed('M', 5000);
    buf.feed('Escape', 5005);
    expect(buf.pending).toBe('');
  });
});

describe('cleanScan and isTypingTarget', () => {
  it('normalises what the scan box submits', () => {
    expect(cleanScan('  mr-100001\r\n')).toBe('MR-100001');
    expect(cleanScan('\u0002MR-1\u0003')).toBe('MR-1');
    expect(cleanScan('   ')).toBeNull();
    expect(cleanScan('9'.repeat(65))).toBeNull();
  });

  it('leaves other inputs alone but not the scan box', () => {
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input', dataset: {} })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', dataset: { scanInput: '' } })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget(null)).toBe(false);
  });
});
