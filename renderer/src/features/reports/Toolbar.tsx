// The period (presets and a custom range in the console's day format) and the filters.
import { useState } from 'react';
import { SERVICE_TYPES, type ServiceType } from '../../../../shared/domain/vocabulary';
import { CARRIED_BY, PERIOD_PRESETS, type CarriedBy } from '../../../../shared/reports/report-period';
import { CARRIED_BY_NAMES, SERVICE_NAMES } from '../../../../shared/reports/report-labels';
import { DayInput } from '../../i18n/LocaleInputs';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/translate';
import { chooseRange, choosePreset, setReportFilter, useReportsStore } from './store';

export function Toolbar() {
  const r = useT();
  const { lang } = r;
  const choice = useReportsStore((s) => s.choice);
  const from = useReportsStore((s) => s.from);
  const to = useReportsStore((s) => s.to);
  const filters = useReportsStore((s) => s.filters);
  const warehouses = useReportsStore((s) => s.warehouses);
  const regions = useReportsStore((s) => s.data?.cuts.region);
  const customers = useReportsStore((s) => s.data?.cuts.customer);
  const [range, setRange] = useState({ from, to });
  const [custom, setCustom] = useState(false);
  const showCustom = custom || choice === 'custom';
  return (
    <div className="report-toolbar">
      <div className="report-periods" role="group" aria-label={r('reports.period')}>
        {PERIOD_PRESETS.map((p) => (
          <button key={p} type="button" className="btn btn-small" aria-pressed={choice === p && !custom} onClick={() => (setCustom(false), void choosePreset(p))}>
            {r(`reports.p_${p}` as MessageKey)}
          </button>
        ))}
        <button type="button" className="btn btn-small" aria-pressed={showCustom} onClick={() => (setRange({ from, to }), setCustom(true))}>
          {r('reports.p_custom')}
        </button>
        {showCustom && (
          <form
            className="report-range"
            onSubmit={(e) => {
              e.preventDefault();
              void chooseRange(range.from, range.to);
            }}
          >
            <label>
              {r('reports.from')} <DayInput value={range.from} onChange={(v) => setRange((x) => ({ ...x, from: v }))} size={10} aria-label={r('reports.from')} />
            </label>
            <label>
              {r('reports.to')} <DayInput value={range.to} onChange={(v) => setRange((x) => ({ ...x, to: v }))} size={10} aria-label={r('reports.to')} />
            </label>
            <button type="submit" className="btn btn-small btn-primary">
              {r('reports.apply')}
            </button>
          </form>
        )}
      </div>
      <div className="report-filters" role="group" aria-label={r('reports.filters')}>
        <Select label={r('reports.f_warehouseId')} value={filters.warehouseId} options={warehouses.map((w) => [w.id, w.name])} onChange={(v) => void setReportFilter('warehouseId', v)} />
        <Select label={r('reports.f_regionId')} value={filters.regionId} options={(regions ?? []).map((x) => [x.key, x.name ?? x.key])} onChange={(v) => void setReportFilter('regionId', v)} />
        <Select label={r('reports.f_serviceType')} value={filters.serviceType} options={SERVICE_TYPES.map((s) => [s, SERVICE_NAMES[lang][s]])} onChange={(v) => void setReportFilter('serviceType', v as ServiceType | undefined)} />
        <Select
          label={r('reports.f_customerId')}
          value={filters.customerId}
          options={(customers ?? []).filter((c) => !c.key.startsWith('name:')).slice(0, 100).map((c) => [c.key, c.name ?? c.key])}
          onChange={(v) => void setReportFilter('customerId', v)}
        />
        <Select label={r('reports.f_carriedBy')} value={filters.carriedBy} options={CARRIED_BY.map((c) => [c, CARRIED_BY_NAMES[lang][c]])} onChange={(v) => void setReportFilter('carriedBy', v as CarriedBy | undefined)} />
      </div>
    </div>
  );
}

function Select({ label, value, options, onChange }: { label: string; value: string | undefined; options: Array<[string, string]>; onChange: (v: string | undefined) => void }) {
  const r = useT();
  // The chosen value stays listed even when the current report no longer has it as a row.
  const all = value !== undefined && !options.some(([k]) => k === value) ? [...options, [value, value] as [string, string]] : options;
  return (
    <label className="report-filter">
      <span>{label}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{r('reports.all')}</option>
        {all.map(([k, name]) => (
          <option key={k} value={k}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
