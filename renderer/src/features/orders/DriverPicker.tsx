// The queue's driver filter as a combobox with type-ahead (the ARIA "list autocomplete" pattern):
// focus stays in the text box, arrows move through the list, Enter picks, Escape closes. It
// renders only what matches (at most MAX_SHOWN drivers) and reads only ids and names, so the
// positions arriving every second never re-render it.
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useT } from '../../i18n/use-t';
import { selectDriverNames, useDriversStore } from '../drivers/store';
import { indexDrivers, matchDrivers, matchesWords, queryWords } from './driver-match';

/** The filter's values as filters.ts has them: null = any driver, 'none' = unassigned, else an id. */
interface Choice {
  value: string | null;
  label: string;
  /** Shown beside the name (the plate), read out with it. */
  detail?: string;
}

const PAGE_STEP = 10;

export function DriverPicker({ value, onChange }: { value: string | null; onChange: (driverId: string | null) => void }) {
  const t = useT();
  const names = useDriversStore(selectDriverNames);
  const index = useMemo(() => indexDrivers(names), [names]);
  const nameById = useMemo(() => new Map(names.map((d) => [d.id, d.name])), [names]);
  const [focused, setFocused] = useState(false);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number): string => `${id}-option-${i}`;

  const { choices, matched, shownDrivers, specials } = useMemo(() => {
    const words = queryWords(query);
    const fixed: Choice[] = [
      { value: null, label: t('filters.anyDriver') },
      { value: 'none', label: t('queue.unassigned') },
    ].filter((c) => words.length === 0 || matchesWords(c.label, words));
    const m = matchDrivers(index, query);
    return {
      choices: [...fixed, ...m.shown.map((d): Choice => (d.plate === '' ? { value: d.id, label: d.name } : { value: d.id, label: d.name, detail: d.plate }))],
      matched: m.total,
      shownDrivers: m.shown.length,
      specials: fixed.length,
    };
  }, [index, query, t]);

  const selectedLabel = value === null ? t('filters.anyDriver') : value === 'none' ? t('queue.unassigned') : (nameById.get(value) ?? value);
  const activeIndex = Math.min(active, choices.length - 1);

  useEffect(() => {
    if (!open || activeIndex < 0) return;
    document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, activeIndex, id]);

  const close = (): void => {
    setOpen(false);
    setQuery('');
    setActive(0);
  };
  const choose = (c: Choice): void => {
    close();
    if (c.value !== value) onChange(c.value);
  };
  const openAtCurrent = (): void => {
    setOpen(true);
    setActive(Math.max(0, choices.findIndex((c) => c.value === value)));
  };
  const move = (delta: number): void => setActive(Math.max(0, Math.min(choices.length - 1, activeIndex + delta)));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.nativeEvent.isComposing) return;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openAtCurrent();
        else move(1);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openAtCurrent();
        else move(-1);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!open) return;
        e.preventDefault();
        move(e.key === 'PageDown' ? PAGE_STEP : -PAGE_STEP);
        return;
      case 'Enter': {
        if (!open) return;
        e.preventDefault();
        const c = choices[activeIndex];
        if (c) choose(c);
        return;
      }
      case 'Escape':
        // Closing the list is this Escape's whole job: the card behind stays open.
        if (!open && query === '') return;
        e.preventDefault();
        close();
        return;
    }
  };

  const notes: string[] = [];
  if (open && choices.length === 0) notes.push(t('filters.driverNoMatch', { q: query.trim() }));
  if (open && matched > shownDrivers) notes.push(t('filters.driverMore', { shown: shownDrivers, n: matched }));

  return (
    <div className="picker">
      <input
        className="select picker-input"
        type="text"
        role="combobox"
        aria-label={t('filters.driver')}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        // Focused, it is a search box; the current choice shows as its placeholder.
        value={focused ? query : selectedLabel}
        placeholder={selectedLabel}
        title={selectedLabel}
        autoComplete="off"
        spellCheck={false}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          close();
        }}
        onClick={() => {
          if (!open) openAtCurrent();
        }}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="picker-pop" hidden={!open}>
        <ul id={listId} role="listbox" aria-label={t('filters.driver')} className="picker-list">
          {open &&
            choices.map((c, i) => (
              <li
                key={c.value ?? ''}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                className={`picker-option${i === activeIndex ? ' active' : ''}${c.value === value ? ' current' : ''}${i === specials - 1 && shownDrivers > 0 ? ' last-fixed' : ''}`}
                // Keep focus in the text box, so the keyboard goes on working after a click.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(c)}
              >
                {c.label}
                {c.detail !== undefined && <span className="picker-detail"> {c.detail}</span>}
              </li>
            ))}
        </ul>
        <div className="picker-note" role="status">
          {notes.join(' ')}
        </div>
      </div>
    </div>
  );
}
