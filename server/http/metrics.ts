// GET /metrics: the /health report in the Prometheus text exposition format (version 0.0.4),
// so operators can graph the server. Built from the same report, so the two never disagree:
// every number (and boolean, as 0/1) becomes a gauge named after its path,
// `marshrut_gps_rejected_jump`; strings are left out except the version, which is a label of
// `marshrut_build_info`.

const PREFIX = 'marshrut';

function metricName(path: readonly string[]): string {
  const raw = [PREFIX, ...path].join('_');
  // Prometheus names: [a-zA-Z_:][a-zA-Z0-9_:]*. camelCase becomes snake_case.
  return raw
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function collect(value: unknown, path: string[], out: Map<string, number>): void {
  if (typeof value === 'number') {
    if (Number.isFinite(value)) out.set(metricName(path), value);
  } else if (typeof value === 'boolean') {
    out.set(metricName(path), value ? 1 : 0);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) collect(v, [...path, key], out);
  }
}

/** The report as Prometheus text: one `# TYPE name gauge` and one sample per number. */
export function prometheusText(report: Record<string, unknown>): string {
  const samples = new Map<string, number>();
  collect(report, [], samples);
  const lines: string[] = [];
  const version = typeof report['version'] === 'string' ? report['version'] : 'unknown';
  lines.push(`# HELP ${PREFIX}_build_info The server's version.`, `# TYPE ${PREFIX}_build_info gauge`, `${PREFIX}_build_info{version="${escapeLabel(version)}"} 1`);
  for (const [name, value] of [...samples].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
