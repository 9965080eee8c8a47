// A feature's own small dictionary (Russian and English) on top of the app's language setting.
// The console's style is the app dictionaries (dictionary-en.ts, dictionary-ru.ts, through
// useT); the screens still on this one (SLA settings, reports, new order) are to move there.
// Same `{name}` placeholders as renderer/src/i18n/translate.ts.
import { useMemo } from 'react';
import { formatterFor, type Formatter } from '../../../shared/locale';
import { interpolate, type Language, type Params } from './translate';
import { useSettingsStore } from '../features/settings/store';

export type FeatureText<K extends string> = (key: K, params?: Params) => string;

export function makeFeatureText<K extends string>(dicts: Readonly<Record<Language, Readonly<Record<K, string>>>>, lang: Language): FeatureText<K> {
  return (key, params) => interpolate(lang, dicts[lang][key] ?? dicts.en[key] ?? key, params);
}

/** A hook per feature: `const useText = featureTextHook(DICTS)`. */
export function featureTextHook<K extends string>(dicts: Readonly<Record<Language, Readonly<Record<K, string>>>>): () => FeatureText<K> & { lang: Language; fmt: Formatter } {
  return () => {
    const lang = useSettingsStore((s) => s.language);
    return useMemo(() => Object.assign(makeFeatureText(dicts, lang), { lang, fmt: formatterFor(lang) }), [lang]);
  };
}
