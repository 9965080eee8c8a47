import { describe, expect, it } from 'vitest';
import { logFormat } from './log-format';

describe('log format', () => {
  it('JSON in production, readable on a terminal otherwise, level from the environment', () => {
    expect(logFormat({ NODE_ENV: 'production' }, true)).toEqual({ level: 'info', readable: false });
    expect(logFormat({}, true)).toEqual({ level: 'info', readable: true });
    expect(logFormat({}, false)).toEqual({ level: 'info', readable: false });
    expect(logFormat({ MARSHRUT_LOG_LEVEL: 'DEBUG' }, false).level).toBe('debug');
    expect(logFormat({ MARSHRUT_LOG_LEVEL: 'loud' }, false).level).toBe('info');
  });
});
