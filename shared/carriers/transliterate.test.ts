import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, latinToCyrillic, scriptVariants } from './transliterate';

describe('transliterate', () => {
  it('spells Kazakh cities and company words the other way', () => {
    expect(latinToCyrillic('Almaty')).toBe('алматы');
    expect(latinToCyrillic('Shymkent')).toBe('шымкент');
    expect(latinToCyrillic('Trans')).toBe('транс');
    expect(latinToCyrillic('Sergey')).toBe('сергей');
    expect(cyrillicToLatin('Караганда')).toBe('karaganda');
    expect(cyrillicToLatin('Жезқазған')).toBe('zhezkazgan');
  });
  it('gives each word as typed plus its other-script spelling', () => {
    expect(scriptVariants('Транс')).toEqual(['транс', 'trans']);
    expect(scriptVariants('trans')).toEqual(['trans', 'транс']);
    expect(scriptVariants('701')).toEqual(['701']);
  });
});
