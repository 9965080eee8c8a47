// Day and time fields written in the console's language, not the browser's: Chromium's own
// <input type="date|time"> follows the OS locale ("mm/dd/yyyy", "09:00 AM" in a Russian
// console). Text fields that show the formatter's form and read back what people type
// (shared/locale/parse-input); the value stays ISO (yyyy-mm-dd) or minutes after midnight.
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatMinuteOfDay, parseDayInput, parseTimeInput } from '../../../shared/locale';
import { useT } from './use-t';

type Rest = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/** Marked when the text does not parse, or when the caller marks it (a refusal naming this field). */
function invalid(unparsed: boolean, marked: Rest['aria-invalid']): true | undefined {
  return unparsed || marked === true || marked === 'true' || undefined;
}

/** `value` is yyyy-mm-dd or ''; `onChange` gets yyyy-mm-dd, or '' when cleared. */
export function DayInput({ value, onChange, className, 'aria-invalid': marked, ...rest }: Rest & { value: string; onChange: (iso: string) => void }) {
  const t = useT();
  const shown = value === '' ? '' : t.fmt.isoDay(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const parsed = text.trim() === '' ? '' : parseDayInput(text);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={className ?? 'input'}
      placeholder={t('input.dayPattern')}
      value={text}
      aria-invalid={invalid(parsed === null, marked)}
      onChange={(e) => {
        setText(e.target.value);
        const iso = e.target.value.trim() === '' ? '' : parseDayInput(e.target.value);
        if (iso !== null && iso !== value) onChange(iso);
      }}
      onBlur={() => setText(shown)}
    />
  );
}

/** `value` is minutes after midnight; `onChange` fires only with a real time of day. */
export function TimeInput({ value, onChange, className, 'aria-invalid': marked, ...rest }: Rest & { value: number; onChange: (minutes: number) => void }) {
  const t = useT();
  const shown = formatMinuteOfDay(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className={className ?? 'input'}
      placeholder={t('input.timePattern')}
      size={5}
      value={text}
      aria-invalid={invalid(parseTimeInput(text) === null, marked)}
      onChange={(e) => {
        setText(e.target.value);
        const m = parseTimeInput(e.target.value);
        if (m !== null && m !== value) onChange(m);
      }}
      onBlur={() => setText(shown)}
    />
  );
}
