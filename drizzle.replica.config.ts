import { defineConfig } from 'drizzle-kit';

// The desktop replica: the shared tables plus what only the desktop has (sync meta, outbox).
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./shared/schema/index.ts', './main/db/local-schema.ts'],
  out: './main/db/migrations',
});
