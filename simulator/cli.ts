// `npm run simulate -- [--server http://127.0.0.1:5055] [--api http://127.0.0.1:8080]
//   [--webhook-url URL/integrations] [--token TOKEN | --tokens-file ./data/demo-tokens.json]
//   [--drivers 60] [--speedup 1] [--duration SECONDS] [--interval SECONDS] [--seed 1]`
// Secrets: --driver-app-secret / --cdek-token, or MARSHRUT_WEBHOOK_SECRET_DRIVER_APP /
// MARSHRUT_WEBHOOK_SECRET_CDEK, else the server's demo-mode secret.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startSimulator } from './simulator';

/** The secret `npm run server -- --demo` gives providers without one (server/couriers/attach-couriers.ts). */
export const DEMO_WEBHOOK_SECRET = 'demo-webhook-secret';

const optionsSchema = z.object({
  server: z.url().default('http://127.0.0.1:5055'),
  api: z.url().default('http://127.0.0.1:8080'),
  webhookUrl: z.url().optional(),
  token: z.string().min(1).optional(),
  tokensFile: z.string().default('./data/demo-tokens.json'),
  drivers: z.coerce.number().int().min(1).max(10_000).default(60),
  speedup: z.coerce.number().min(0.1).max(100).default(1),
  duration: z.coerce.number().min(0).default(0),
  interval: z.coerce.number().min(0.2).max(600).default(5),
  seed: z.coerce.number().int().default(1),
  driverAppSecret: z.string().min(1).optional(),
  cdekToken: z.string().min(1).optional(),
});

const tokensFileSchema = z.array(z.object({ role: z.string(), token: z.string() }));

function tokenFrom(file: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`no --token given and ${file} is not readable (start the server with --demo, or pass --token)`, { cause: e });
  }
  const tokens = tokensFileSchema.parse(parsed);
  const t = tokens.find((x) => x.role === 'dispatcher') ?? tokens[0];
  if (t === undefined) throw new Error(`${file} holds no tokens`);
  return t.token;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string' },
      api: { type: 'string' },
      'webhook-url': { type: 'string' },
      token: { type: 'string' },
      'tokens-file': { type: 'string' },
      drivers: { type: 'string' },
      speedup: { type: 'string' },
      duration: { type: 'string' },
      interval: { type: 'string' },
      seed: { type: 'string' },
      'driver-app-secret': { type: 'string' },
      'cdek-token': { type: 'string' },
    },
  });
  const parsed = optionsSchema.safeParse({
    server: values.server,
    api: values.api,
    webhookUrl: values['webhook-url'],
    token: values.token,
    tokensFile: values['tokens-file'],
    drivers: values.drivers,
    speedup: values.speedup,
    duration: values.duration,
    interval: values.interval,
    seed: values.seed,
    driverAppSecret: values['driver-app-secret'],
    cdekToken: values['cdek-token'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`simulate: --${String(issue?.path[0] ?? '')}: ${issue?.message ?? ''}`);
    return 2;
  }
  const o = parsed.data;
  const env = process.env;
  const sim = await startSimulator({
    gpsUrl: o.server.replace(/\/$/, ''),
    apiUrl: o.api.replace(/\/$/, ''),
    webhookUrl: (o.webhookUrl ?? `${o.api.replace(/\/$/, '')}/integrations`).replace(/\/$/, ''),
    token: o.token ?? tokenFrom(o.tokensFile),
    driverAppSecret: o.driverAppSecret ?? env['MARSHRUT_WEBHOOK_SECRET_DRIVER_APP'] ?? DEMO_WEBHOOK_SECRET,
    cdekToken: o.cdekToken ?? env['MARSHRUT_WEBHOOK_SECRET_CDEK'] ?? DEMO_WEBHOOK_SECRET,
    drivers: o.drivers,
    speedup: o.speedup,
    durationS: o.duration,
    fixEveryMs: o.interval * 1000,
    seed: o.seed,
    log: (line) => console.log(line),
  });
  const report = setInterval(() => console.log(`simulator: ${JSON.stringify(sim.stats)}`), 30_000);
  const stop = (): void => {
    void sim.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await sim.done;
  clearInterval(report);
  console.log(`simulator: done ${JSON.stringify(sim.stats)}`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`simulate: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    },
  );
}
