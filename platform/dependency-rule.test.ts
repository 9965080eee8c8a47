// platform/ is the one home of the Node edge main/ and server/ share (the logger). Lint is what
// keeps it there: these run the project's own ESLint config over one import from each folder,
// so a rule that stops biting (or starts biting the wrong folder) fails here, not in review.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint gives `file` (a path in the repository) importing the logger. */
async function restrictedImports(file: string): Promise<string[]> {
  const depth = file.split('/').length - 1;
  const source = `import { silentLogger } from '${'../'.repeat(depth)}platform/log/logger';\nexport const log = silentLogger();\n`;
  const [result] = await eslint.lintText(source, { filePath: resolve(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('who may import platform/', () => {
  it.each(['main/start/example.ts', 'main/api/example.ts', 'server/http/example.ts', 'simulator/example.ts', 'bench/example.bench.ts', 'e2e/sync/example.ts'])(
    '%s may',
    async (file) => {
      expect(await restrictedImports(file)).toEqual([]);
    },
  );

  it.each(['shared/logging/example.ts', 'shared/schema/example.ts', 'renderer/src/app/example.ts', 'renderer/src/features/orders/example.tsx', 'preload/example.ts', 'phone/example.ts'])(
    '%s may not',
    async (file) => {
      const messages = await restrictedImports(file);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(/platform|shared\/ imports nothing outside shared/);
    },
  );

  it('platform/ itself imports only shared/', async () => {
    const [result] = await eslint.lintText("import { createApi } from '../../main/api/create-api';\nexport { createApi };\n", {
      filePath: resolve(root, 'platform/log/example.ts'),
    });
    expect(result?.messages.map((m) => m.message)).toEqual(['\'../../main/api/create-api\' import is restricted from being used by a pattern. platform/ imports only shared/.']);
  });
});
