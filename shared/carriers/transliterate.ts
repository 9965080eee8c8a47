// Carrier names, people and cities are written in Cyrillic or in Latin, depending on who typed
// them ("ТрансЛогистик" / "TransLogistik", "Алматы" / "Almaty"). Search tries the other script
// too; prefix matching forgives the endings where transliteration schemes disagree.

const CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kazakh letters, by their usual Latin spelling in company names.
  ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

// Longest first: "shch" must win over "sh" + "ch".
const LAT_TO_CYR: ReadonlyArray<readonly [string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'],
  ['yu', 'ю'], ['ya', 'я'], ['yo', 'ё'], ['ye', 'е'],
  ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'],
  ['i', 'и'], ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'],
  ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'],
  ['z', 'з'],
];
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);

export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04FF]/.test(text);
}

export function hasLatin(text: string): boolean {
  return /[a-z]/i.test(text);
}

/** Cyrillic letters to Latin; everything else unchanged. Lower-cases the text. */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYR_TO_LAT[ch] ?? ch;
  return out;
}

/** Latin letters to Cyrillic ("y" after a vowel is "й", elsewhere "ы"). Lower-cases the text. */
export function latinToCyrillic(text: string): string {
  const s = text.toLowerCase();
  let out = '';
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (ch === 'y' && !['yu', 'ya', 'yo', 'ye'].includes(s.slice(i, i + 2))) {
      out += i > 0 && VOWELS.has(s[i - 1] ?? '') ? 'й' : 'ы';
      i += 1;
      continue;
    }
    const hit = LAT_TO_CYR.find(([lat]) => s.startsWith(lat, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** The spellings to search for one word: as typed (lower case) and in the other script. */
export function scriptVariants(word: string): string[] {
  const lower = word.toLowerCase();
  const out = new Set([lower]);
  if (hasCyrillic(lower)) out.add(cyrillicToLatin(lower));
  if (hasLatin(lower)) out.add(latinToCyrillic(lower));
  return [...out];
}
