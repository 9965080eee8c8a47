// API tokens of desktop users. Only the SHA-256 of a token is stored; the token itself is
// printed once by `user add` and never kept.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const userTokens = sqliteTable(
  'user_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('user_tokens_user_idx').on(t.userId)],
);
