import { describe, expect, it } from 'vitest';
import { MIN_PHONE_RUN, phoneIndexText, phoneRuns, phoneRunTerms, TAIL_MARK } from './phone-search';

describe('phoneIndexText', () => {
  it('holds the number as written, its starts and every tail of 4+ digits', () => {
    const terms = phoneIndexText('+7 701 345 39 42').split(' ');
    expect(terms).toEqual(expect.arrayContaining(['77013453942', '87013453942', '7013453942']));
    const tails = terms.filter((x) => x.startsWith(TAIL_MARK)).map((x) => x.slice(TAIL_MARK.length));
    expect(tails[0]).toBe('77013453942');
    expect(tails.at(-1)).toBe('3942');
    expect(tails).toContain('3453942');
    expect(tails.every((x) => x.length >= MIN_PHONE_RUN)).toBe(true);
  });
  it('indexes a number written with the trunk 8 the same way, and leaves text without digits as it is', () => {
    expect(phoneIndexText('8 (701) 345-39-42').split(' ')).toContain(`${TAIL_MARK}3453942`);
    expect(phoneIndexText('нет')).toBe('нет');
  });
});

describe('phoneIndexText for numbers outside the 7 zone', () => {
  it('adds no trunk or national forms to a foreign number, only its tails', () => {
    expect(phoneIndexText('+49 30 1234567')).toBe(
      ['+49 30 1234567', '49301234567', ...['49301234567', '9301234567', '301234567', '01234567', '1234567', '234567', '34567', '4567'].map((t) => `${TAIL_MARK}${t}`)].join(' '),
    );
  });
  it('adds them only to an 11-digit number of the 7 zone', () => {
    const twelve = phoneIndexText('+7 701 345 39 42 1').split(' ');
    expect(twelve).not.toContain('870134539421');
    expect(twelve).not.toContain('70134539421');
  });
});

describe('phoneRuns', () => {
  it('reads a run of 4+ digits in any format people type', () => {
    expect(phoneRuns('3453942')).toEqual(['3453942']);
    expect(phoneRuns('345 39 42')).toEqual(['3453942']);
    expect(phoneRuns('+7 701 345')).toEqual(['7701345']);
    expect(phoneRuns('8701 345')).toEqual(['8701345', '7701345']);
    expect(phoneRuns('(701) 345-39')).toEqual(['70134539']);
  });
  it('ignores fewer than 4 digits and text that is not a phone', () => {
    expect(phoneRuns('701')).toEqual([]);
    expect(phoneRuns('MR-100234')).toEqual([]);
    expect(phoneRuns('ул. Абая 3453')).toEqual([]);
    expect(phoneRuns('')).toEqual([]);
  });
  it('reads a leading 8 as the trunk prefix only when no + was typed, spaces around or not', () => {
    expect(phoneRuns('+8701 345')).toEqual(['8701345']);
    expect(phoneRuns('  +8701 345 ')).toEqual(['8701345']);
    expect(phoneRuns(' 8701 345')).toEqual(['8701345', '7701345']);
  });
  it('gives quoted, marked prefix terms that are safe in a MATCH', () => {
    expect(phoneRunTerms('345 39 42')).toEqual([`"${TAIL_MARK}3453942"*`]);
  });
});
