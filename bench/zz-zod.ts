import { z } from 'zod';
import { makeOrder } from '../e2e/sync/harness';
import { parseInbound } from '../main/sync/parse-inbound';
import { parseServerMessage } from '../shared/protocol';
const rows = Array.from({ length: 1000 }, (_, i) => ({ seq: i + 1, table: 'orders', id: `o${i}`, row: makeOrder(i) }));
const text = JSON.stringify({ type: 'changes', rows, cursor: 1000 });
const loose = z.object({ type: z.literal('changes'), cursor: z.number(), rows: z.array(z.unknown()) });
for (let round = 0; round < 3; round++) {
  let t = performance.now(); for (let i = 0; i < 20; i++) JSON.parse(text); const j = (performance.now() - t) / 20;
  t = performance.now(); for (let i = 0; i < 20; i++) parseInbound(text); const a = (performance.now() - t) / 20;
  t = performance.now(); for (let i = 0; i < 20; i++) parseServerMessage(text); const b = (performance.now() - t) / 20;
  t = performance.now(); for (let i = 0; i < 20; i++) loose.parse(JSON.parse(text)); const c = (performance.now() - t) / 20;
  console.log('json', j.toFixed(2), 'envelope', a.toFixed(2), 'full', b.toFixed(2), 'loose', c.toFixed(2));
}
