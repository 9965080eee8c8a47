// `npm run server|start|web|simulate|demo-data`: runs the built JavaScript (out/node), not the
// tsx loader (which costs each process ~50 MB and a slower start). Builds it first when it is
// missing or older than any source file, then runs the entry in THIS process (no wrapper
// parent that would not pass signals on). `npm run build:node` builds it on purpose.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS launcher: it runs before anything is built */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out', 'node');
const STAMP = path.join(OUT, '.built');
const SOURCES = ['shared', 'platform', 'main', 'server', 'simulator'];
const ENTRIES = {
  server: 'server/cli.js',
  start: 'main/start/cli.js',
  web: 'main/hosts/web-cli.js',
  simulate: 'simulator/cli.js',
  'demo-data': 'main/demo/cli.js',
};

/** The newest modification time of a source the build reads (ts, json, sql migrations). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.(ts|json|sql)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!fs.existsSync(STAMP)) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestSource(path.join(ROOT, s)) > built) || fs.statSync(path.join(ROOT, 'tsconfig.build.json')).mtimeMs > built;
}

/** tsc into out/node, then the files tsc does not copy: the SQL migrations. */
function build() {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
  for (const dir of ['server/db/migrations', 'main/db/migrations']) {
    fs.rmSync(path.join(OUT, dir), { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, dir), path.join(OUT, dir), { recursive: true });
  }
  fs.writeFileSync(STAMP, new Date().toISOString() + '\n');
}

const name = process.argv[2];
if (name === '--build') {
  build();
} else {
  const entry = ENTRIES[name];
  if (!entry) {
    console.error(`run-built: unknown entry ${name} (${Object.keys(ENTRIES).join(', ')}, --build)`);
    process.exit(2);
  }
  if (stale()) {
    console.error('Building the Node processes (out/node) first...');
    build();
  }
  const file = path.join(OUT, entry);
  // The entry sees its own arguments as if it were run directly: node out/node/<entry> ...
  process.argv = [process.argv[0], file, ...process.argv.slice(3)];
  require(file);
}
