import { openReplica } from './db/open-replica';
import { bulkInserter } from './db/bulk-insert';
import { carrierLanes } from '../shared/schema';
import fs from 'node:fs';
const f = '/tmp/b_demo/m.db'; for (const x of [f, f + '-wal', f + '-shm']) fs.rmSync(x, { force: true });
const r = openReplica(f, { migrationsFolder: '/tmp/b_demo/mig' });
const N = 200000;
let t = performance.now();
r.sqlite.transaction(() => {
  const ins = bulkInserter(r.sqlite, carrierLanes);
  for (let i = 0; i < N; i++) ins.insert({ id: `car-${String(i >> 3).padStart(6, '0')}-l${i & 7}`, carrierId: `car-${String(i >> 3).padStart(6, '0')}`, fromCity: 'Алматы', toCity: ['Астана', 'Москва', 'Омск'][i % 3]!, updatedAt: i });
})();
console.log('bulk lanes', Math.round(performance.now() - t));
t = performance.now();
const st = r.sqlite.prepare('INSERT INTO carrier_lanes (id, carrier_id, from_city, to_city, updated_at) VALUES (?,?,?,?,?)');
r.sqlite.transaction(() => {
  for (let i = 0; i < N; i++) st.run(`x-${String(i >> 3).padStart(6, '0')}-l${i & 7}`, `x-${String(i >> 3).padStart(6, '0')}`, 'Алматы', ['Астана', 'Москва', 'Омск'][i % 3]!, i);
})();
console.log('raw lanes', Math.round(performance.now() - t));
r.close();
