-- Warehouse alerts (no_shift_start): an alert may be about a warehouse instead of an order, so
-- order_id / order_number become nullable (SQLite needs the table rebuilt) and warehouse_id is
-- added; old rows get NULL (drizzle-kit's generated copy read a warehouse_id the old table lacks).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text,
	`order_number` text,
	`warehouse_id` text,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`triggered_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`audience` text NOT NULL,
	`assignee_id` text,
	`priority` integer DEFAULT false NOT NULL,
	`customer_name` text DEFAULT '' NOT NULL,
	`message_ru` text NOT NULL,
	`message_en` text NOT NULL,
	`tasks` text NOT NULL,
	`state` text NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`acknowledged_by_name` text,
	`resolved_at` integer,
	`resolution` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_alerts`("id", "order_id", "order_number", "warehouse_id", "kind", "due_at", "triggered_at", "created_at", "audience", "assignee_id", "priority", "customer_name", "message_ru", "message_en", "tasks", "state", "acknowledged_at", "acknowledged_by", "acknowledged_by_name", "resolved_at", "resolution", "updated_at") SELECT "id", "order_id", "order_number", NULL, "kind", "due_at", "triggered_at", "created_at", "audience", "assignee_id", "priority", "customer_name", "message_ru", "message_en", "tasks", "state", "acknowledged_at", "acknowledged_by", "acknowledged_by_name", "resolved_at", "resolution", "updated_at" FROM `alerts`;--> statement-breakpoint
DROP TABLE `alerts`;--> statement-breakpoint
ALTER TABLE `__new_alerts` RENAME TO `alerts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_identity_idx` ON `alerts` (`order_id`,`kind`,`due_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_warehouse_identity_idx` ON `alerts` (`warehouse_id`,`kind`,`due_at`);--> statement-breakpoint
CREATE INDEX `alerts_state_idx` ON `alerts` (`state`,`triggered_at`);--> statement-breakpoint
ALTER TABLE `warehouses` ADD `shift_start_alert_minute` integer;