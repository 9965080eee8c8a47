// npm run demo-data -- --out FILE [--seed N] [--orders N] [--carriers N] [--drivers N] [--now ISO|ms] [--force]
// Writes a replica file filled with the demo data set. The file appears only when complete:
// it is built beside the target under a temporary name and renamed at the end.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEMO_DEFAULTS } from '../../shared/demo';
import { loadDemoData } from '../db/load-demo-data';
import { openReplica } from '../db/open-replica';

const USAGE = 'Usage: npm run demo-data -- --out FILE [--seed N] [--orders N] [--carriers N] [--drivers N] [--now ISO-or-ms] [--force]';

/** A whole number written in digits: "", "1e3" and "-3" are refused rather than coerced. */
const count = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);
const argsSchema = z.object({
  out: z.string().min(1, '--out FILE is required'),
  seed: count.refine((n) => n <= 0xffffffff, 'at most 4294967295').optional().transform((n) => n ?? DEMO_DEFAULTS.seed),
  orders: count.optional(),
  carriers: count.optional(),
  drivers: count.optional(),
  now: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return Date.now(); // the edge of the program: the only clock read
      const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
      if (!Number.isFinite(ms)) {
        ctx.addIssue({ code: 'custom', message: `--now "${s}" is neither an ISO date nor milliseconds` });
        return z.NEVER;
      }
      return ms;
    }),
  force: z.boolean().default(false),
});

const OPTIONS = {
  out: { type: 'string' }, seed: { type: 'string' }, orders: { type: 'string' }, carriers: { type: 'string' },
  drivers: { type: 'string' }, now: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

function removeDbFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

function main(argv: string[]): number {
  let raw: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];
  try {
    raw = parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (raw.help) {
    console.log(USAGE);
    return 0;
  }
  const parsed = argsSchema.safeParse({ ...raw, out: raw.out ?? '' });
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('\n')}\n${USAGE}`);
    return 2;
  }
  const args = parsed.data;
  const out = path.resolve(args.out);
  if (fs.existsSync(out) && !args.force) {
    console.error(`${out} already exists; pass --force to replace it`);
    return 1;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.tmp-${process.pid}`;
  removeDbFiles(tmp);
  try {
    const replica = openReplica(tmp);
    let result;
    try {
      result = loadDemoData(replica, { now: args.now, seed: args.seed, orders: args.orders, carriers: args.carriers, drivers: args.drivers });
    } finally {
      replica.close();
    }
    removeDbFiles(out);
    fs.renameSync(tmp, out);
    const rows = Object.entries(result.counts).map(([t, n]) => `${t} ${n}`).join(', ');
    console.log(`Wrote ${out} in ${(result.ms / 1000).toFixed(1)} s (seed ${args.seed}, now ${new Date(args.now).toISOString()}): ${rows}`);
    return 0;
  } catch (err) {
    removeDbFiles(tmp);
    console.error(`Could not write demo data: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
