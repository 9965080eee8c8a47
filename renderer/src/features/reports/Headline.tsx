// The headline figures, each beside the previous period's, with its definition as the tooltip
// (shared/reports/kpi-definitions). A click lists the orders behind it; for a share, the
// second line opens only the ones that did not count.
import type { FigureValue, ReportData } from '../../../../shared/reports/compute-report';
import { FIGURE_IDS, FIGURES, type FigureId } from '../../../../shared/reports/kpi-definitions';
import { FIGURE_NAMES, figureText } from '../../../../shared/reports/report-labels';
import { useT } from '../../i18n/use-t';
import { openDrill } from './store';

/** Up or down against the previous period (the arrow), and whether that is better (the colour). */
function trend(id: FigureId, now: FigureValue, before: FigureValue): string {
  if (now.value === null || before.value === null || now.value === before.value) return 'same';
  const up = now.value > before.value;
  return `${up ? 'up' : 'down'} trend-${up === FIGURES[id].higherIsBetter ? 'better' : 'worse'}`;
}

export function Headline({ data }: { data: ReportData }) {
  const r = useT();
  const { fmt, lang } = r;
  return (
    <section className="report-kpis" aria-label={r('reports.title')}>
      {FIGURE_IDS.map((id) => {
        const v = data.headline[id];
        const before = data.previousHeadline[id];
        const def = FIGURES[id];
        const name = FIGURE_NAMES[lang][id];
        const t = trend(id, v, before);
        return (
          <div key={id} className="report-kpi" data-figure={id}>
            <button type="button" className="report-kpi-main" title={def.definition[lang]} onClick={() => void openDrill({ figure: id }, name)}>
              <span className="report-kpi-name">
                {name} <span className="report-info" aria-label={r('reports.definition')}>i</span>
              </span>
              <span className="report-kpi-value tabular">{figureText(id, v, fmt)}</span>
            </button>
            <div className="report-kpi-foot">
              {def.kind === 'share' && v.members > 0 && (
                <button
                  type="button"
                  className="report-link tabular"
                  onClick={() => void openDrill({ figure: id, hits: false }, `${name} · ${r('reports.notCounted')}`)}
                >
                  {r('reports.ofMembers', { hits: fmt.number(v.hits, 0), members: fmt.number(v.members, 0) })}
                </button>
              )}
              <button
                type="button"
                className={`report-link report-prev trend-${t}`}
                onClick={() => void openDrill({ figure: id, previous: true }, `${name} · ${r('reports.previousPeriod')}`)}
              >
                {r('reports.previous', { value: figureText(id, before, fmt) })}
              </button>
            </div>
          </div>
        );
      })}
    </section>
  );
}
