// Reads a test log and prints "N passed, N failed" summed over vitest and playwright.
// A failing command with no counted failure still counts as one failure, so CI can't look green.
import { readFileSync } from 'node:fs';

const [, , logFile, statusArg] = process.argv;
const text = readFileSync(logFile, 'utf8').replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
let passed = 0;
let failed = 0;
for (const line of text.split('\n')) {
  const vitest = /^\s*Tests\s+(.*)$/.exec(line);
  if (vitest) {
    passed += Number(/(\d+) passed/.exec(vitest[1])?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(vitest[1])?.[1] ?? 0);
    continue;
  }
  const pw = /^\s*(\d+) (passed|failed|flaky)\b/.exec(line);
  if (pw) {
    if (pw[2] === 'passed') passed += Number(pw[1]);
    else failed += Number(pw[1]);
  }
}
if (Number(statusArg) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
