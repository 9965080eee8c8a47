-- The sync client's confirmed layer (main/sync/shadow.ts): before a pending mutation first
-- touches a row, the row's server-confirmed state (or NULL: it did not exist) is kept here
-- so a rebase can put it back. Hand-written: drizzle cannot declare WITHOUT ROWID tables.
-- IF NOT EXISTS: replicas from before this migration got the table from the sync client.
CREATE TABLE IF NOT EXISTS `sync_shadow` (
	`tbl` text NOT NULL,
	`id` text NOT NULL,
	`row` text,
	PRIMARY KEY (`tbl`, `id`)
) WITHOUT ROWID;
