// SLA engine throughput: slaStatus over 20,000 open orders (the size of a busy replica), with
// deadlines computed (no stored slaDeadline, the worst case) and stored. Prints ms per pass
// and µs per order; the UI countdown and the server scheduler both run this.
//
//   npx tsx bench/sla-engine.bench.ts [--orders 20000] [--runs 7]
import { slaStatus } from '../shared/domain/sla-engine';
import type { SlaOrder } from '../shared/domain/sla-engine';
import { DEFAULT_SLA_POLICIES } from '../shared/domain/sla-policy';
import { DEFAULT_KZ_CALENDAR, localToUtc } from '../shared/domain/working-calendar';
import { SERVICE_TYPES } from '../shared/domain/vocabulary';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const ORDERS = arg('orders', 20_000);
const RUNS = arg('runs', 7);
const START = localToUtc(DEFAULT_KZ_CALENDAR, 2026, 3, 2, 9);
const NOW = START + 86_400_000;

const computed: SlaOrder[] = Array.from({ length: ORDERS }, (_, i) => ({
  status: 'confirmed',
  serviceType: SERVICE_TYPES[i % SERVICE_TYPES.length] ?? 'standard',
  vipNormMinutes: i % 10 === 0 ? 300 : null,
  confirmedAt: START + i * 37_000,
  deliveredAt: null,
  slaDeadline: null,
}));
const stored = computed.map((o) => ({ ...o, slaDeadline: slaStatus(o, NOW, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR).deadline }));

function pass(orders: readonly SlaOrder[]): number {
  const t = performance.now();
  let breached = 0;
  for (const o of orders) if (slaStatus(o, NOW, DEFAULT_SLA_POLICIES, DEFAULT_KZ_CALENDAR).state === 'breached') breached++;
  if (breached < 0) throw new Error('unreachable'); // keeps the loop from being optimised away
  return performance.now() - t;
}

for (const [name, orders] of [['computed deadlines', computed], ['stored deadlines', stored]] as const) {
  const times = Array.from({ length: RUNS }, () => pass(orders)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`${name}: ${ORDERS} orders, median ${median.toFixed(1)} ms per pass, ${((median * 1000) / ORDERS).toFixed(2)} µs per order`);
}
