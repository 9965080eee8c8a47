import { describe, expect, it } from 'vitest';
import { isAlertFor } from './alert-recipient';

const dispatcher = { id: 'u-d1', role: 'dispatcher' } as const;
const other = { id: 'u-d2', role: 'dispatcher' } as const;
const supervisor = { id: 'u-s', role: 'supervisor' } as const;

describe('isAlertFor', () => {
  it('an addressed alert is its assignee’s alone', () => {
    const a = { audience: 'dispatcher', assigneeId: 'u-d1' } as const;
    expect(isAlertFor(a, dispatcher)).toBe(true);
    expect(isAlertFor(a, other)).toBe(false);
    expect(isAlertFor(a, supervisor)).toBe(false);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: 'u-s' }, supervisor)).toBe(true);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: 'u-s' }, dispatcher)).toBe(false);
  });
  it('an unaddressed alert goes to its audience on duty; logisticians and storekeepers get none', () => {
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, other)).toBe(true);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, supervisor)).toBe(true);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: null }, dispatcher)).toBe(false);
    expect(isAlertFor({ audience: 'supervisor', assigneeId: null }, { id: 'u-a', role: 'admin' })).toBe(true);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, { id: 'u-l', role: 'logistician' })).toBe(false);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: 'u-w' }, { id: 'u-w', role: 'warehouse' })).toBe(false);
    expect(isAlertFor({ audience: 'dispatcher', assigneeId: null }, null)).toBe(false);
  });
});
