import { describe, expect, it } from 'vitest';
import type { OrderEventRow } from '../../../../shared/schema';
import { makeTranslator } from '../../i18n/translate';
import { eventNote, eventTitle, eventWho } from './Timeline';

const recompute: OrderEventRow = {
  id: 'e1',
  orderId: 'o1',
  kind: 'edit',
  at: Date.UTC(2026, 2, 4, 5),
  fromStatus: null,
  toStatus: null,
  subMark: null,
  actor: 'system',
  actorId: 'sla-rules',
  actorName: 'SLA rules',
  source: 'system',
  reason: 'sla_rules_changed',
  comment: 'SLA deadline recomputed after an SLA rules change: 04/03/2026, 14:00 -> 04/03/2026, 16:00',
  driverId: null,
  changes: null,
};

describe('timeline lines', () => {
  it('says a server recompute in the console language, with no raw code or English comment', () => {
    const ru = makeTranslator('ru');
    const line = [eventTitle(recompute, ru, () => ''), eventNote(recompute, ru), eventWho(recompute, ru)].join(' | ');
    expect(line).toContain('Срок SLA пересчитан');
    expect(line).not.toMatch(/sla_rules_changed|recomputed|SLA rules\b/);
    expect(eventTitle(recompute, makeTranslator('en'), () => '')).toBe('SLA deadline recomputed: the SLA rules changed');
  });
  it('keeps a person’s reason and comment', () => {
    const ru = makeTranslator('ru');
    const e = { ...recompute, actor: 'dispatcher', actorName: 'Айгерим', source: 'manual', kind: 'status', reason: 'refused', comment: 'звонили' } as OrderEventRow;
    expect(eventNote(e, ru)).toBe('Отказ получателя: звонили');
    expect(eventWho(e, ru)).toMatch(/^Айгерим · /);
  });
});
