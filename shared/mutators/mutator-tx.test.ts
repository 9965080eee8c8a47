import { describe, it, expect } from 'vitest';
import { USER_ROLES } from '../domain/vocabulary';
import { actorForRole, MutationRejection, mutationIdFactory, mutationRowId, reject, refusedField } from './mutator-tx';

describe('row ids a mutation mints', () => {
  it('are fixed across app versions: an older desktop and a newer server mint the same id', () => {
    // 'c' + the first 24 hex digits of SHA-256("marshrut-row-ids\n" + clientId), then mid and n.
    expect(mutationRowId('desk-1', 7, 0)).toBe('c0a8b99ba016039d3cf1ee0a3:7:0');
    expect(mutationRowId('desk-2', 12, 3)).toBe('c920a2efe6bcacae600d819f9:12:3');
  });

  it('never carry the clientId itself', () => {
    expect(mutationRowId('desk-secret-identity', 1, 0)).not.toContain('desk-secret-identity');
  });

  it('the factory hands out the n-th id of the mutation in order, as mutationRowId names it', () => {
    // The desktop names the order createOrder made by mutationRowId(clientId, mid, 0) before the server answers.
    const next = mutationIdFactory('desk-1', 7);
    expect([next(), next(), next()]).toEqual([mutationRowId('desk-1', 7, 0), mutationRowId('desk-1', 7, 1), mutationRowId('desk-1', 7, 2)]);
    expect(mutationIdFactory('desk-2', 7)()).not.toBe(mutationRowId('desk-1', 7, 0));
  });
});

describe('actorForRole', () => {
  it('a desktop user acts in the status machine as their role', () => {
    for (const role of USER_ROLES) expect(actorForRole(role)).toBe(role);
  });
});

describe('MutationRejection', () => {
  it('names itself where it is logged, and carries code and message', () => {
    const e = new MutationRejection('not_found', 'Order 5 does not exist');
    expect(e).toBeInstanceOf(Error);
    expect(String(e)).toBe('MutationRejection: Order 5 does not exist');
    expect(e.code).toBe('not_found');
  });

  it('its body carries details only when there are some (no empty key on the wire)', () => {
    expect(new MutationRejection('busy', 'Try again').toBody()).toStrictEqual({ code: 'busy', message: 'Try again' });
    expect(new MutationRejection('bad_args', 'No', { field: 'x' }).toBody()).toStrictEqual({ code: 'bad_args', message: 'No', details: { field: 'x' } });
  });

  it('reject() throws one', () => {
    expect(() => reject('conflict', 'Changed meanwhile', { version: 3 })).toThrow(expect.objectContaining({ code: 'conflict', message: 'Changed meanwhile', details: { version: 3 } }));
  });
});

describe('refusedField', () => {
  it('the field a refusal names', () => {
    expect(refusedField({ code: 'bad_args', message: 'm', details: { field: 'windowEnd' } })).toBe('windowEnd');
    expect(refusedField({ code: 'bad_args', message: 'm', details: { field: 'kinds.2', mutator: 'x' } })).toBe('kinds.2');
  });

  it('none when there is no refusal, no details, no field, or a field that is not a name', () => {
    expect(refusedField(undefined)).toBeNull();
    expect(refusedField({ code: 'busy', message: 'm' })).toBeNull();
    expect(refusedField({ code: 'bad_args', message: 'm', details: { mutator: 'x' } })).toBeNull();
    expect(refusedField({ code: 'bad_args', message: 'm', details: { field: '' } })).toBeNull();
    expect(refusedField({ code: 'bad_args', message: 'm', details: { field: 7 } })).toBeNull();
    expect(refusedField({ code: 'bad_args', message: 'm', details: { field: ['a'] } })).toBeNull();
  });

  it('a hostile peer cannot hand the console an endless field name', () => {
    expect(refusedField({ code: 'bad_args', message: 'm', details: { field: 'f'.repeat(5000) } })).toBe('f'.repeat(200));
  });
});
