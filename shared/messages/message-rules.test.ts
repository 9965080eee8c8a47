// The one decision whether a customer message goes out: the trigger's switch for the order's
// service type, the rule's channel, and the server having that channel; an explicit request
// (send the link again) is not held back by the service switch.
import { describe, expect, it } from 'vitest';
import type { MessageChannel } from './message-vocabulary';
import type { MessageRuleRow } from '../schema';
import { customerMessageGoes, effectiveServices } from './message-rules';

const ALL: ReadonlySet<MessageChannel> = new Set(['sms', 'email', 'telegram']);
const rule = (patch: Partial<MessageRuleRow>): MessageRuleRow => ({
  id: 'confirmed',
  channels: { sms: true, email: true, telegram: true },
  services: {},
  texts: {},
  updatedBy: 'u-admin',
  updatedAt: 0,
  ...patch,
});
const occasion = { trigger: 'confirmed', serviceType: 'express', channel: 'sms', requested: false } as const;

describe('customerMessageGoes', () => {
  it('sends by default: no rule, every service, every configured channel', () => {
    expect(customerMessageGoes(occasion, undefined, ALL)).toBe(true);
    expect(customerMessageGoes({ ...occasion, serviceType: 'intercity', channel: 'telegram' }, undefined, ALL)).toBe(true);
  });

  it("holds a trigger back for a service it is off for, and only that service", () => {
    const r = rule({ services: { express: false } });
    expect(customerMessageGoes(occasion, r, ALL)).toBe(false);
    expect(customerMessageGoes({ ...occasion, channel: 'email' }, r, ALL)).toBe(false);
    expect(customerMessageGoes({ ...occasion, serviceType: 'standard' }, r, ALL)).toBe(true);
    expect(customerMessageGoes({ ...occasion, serviceType: 'intercity' }, r, ALL)).toBe(true);
    // A person's explicit request still goes.
    expect(customerMessageGoes({ ...occasion, requested: true }, r, ALL)).toBe(true);
  });

  it('a channel off in the rule or missing on the server never goes, requested or not', () => {
    const r = rule({ channels: { sms: false, email: true, telegram: true } });
    expect(customerMessageGoes(occasion, r, ALL)).toBe(false);
    expect(customerMessageGoes({ ...occasion, requested: true }, r, ALL)).toBe(false);
    expect(customerMessageGoes({ ...occasion, channel: 'email' }, r, new Set(['sms']))).toBe(false);
    expect(customerMessageGoes({ ...occasion, channel: 'email' }, r, ALL)).toBe(true);
  });

  it('reads a stored map defensively: a service left out is on, a prototype key is nothing', () => {
    expect(effectiveServices(undefined)).toEqual({ express: true, standard: true, intercity: true });
    expect(effectiveServices(rule({ services: { intercity: false } }))).toEqual({ express: true, standard: true, intercity: false });
    const odd = rule({ services: JSON.parse('{"__proto__": {"express": false}, "standard": false}') as MessageRuleRow['services'] });
    expect(effectiveServices(odd)).toEqual({ express: true, standard: false, intercity: true });
  });
});
