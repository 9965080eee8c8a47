import { defineConfig } from 'drizzle-kit';

// The central server: the shared tables plus every server-only table (*-schema.ts under server/).
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./shared/schema/index.ts', './server/**/*-schema.ts'],
  out: './server/db/migrations',
});
