// The hook components use to translate: it selects only the language, so a language switch
// re-renders everything and nothing else does.
import { useMemo } from 'react';
import { useSettingsStore } from '../features/settings/store';
import { makeTranslator, type Translator } from './translate';

export function useT(): Translator {
  const lang = useSettingsStore((s) => s.language);
  return useMemo(() => makeTranslator(lang), [lang]);
}
