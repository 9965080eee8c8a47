CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`order_number` text NOT NULL,
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
CREATE UNIQUE INDEX `alerts_identity_idx` ON `alerts` (`order_id`,`kind`,`due_at`);--> statement-breakpoint
CREATE INDEX `alerts_state_idx` ON `alerts` (`state`,`triggered_at`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`norm_minutes` integer,
	`warn_before_minutes` integer NOT NULL,
	`supervisor_warn_before_minutes` integer NOT NULL,
	`time_basis` text NOT NULL,
	`breach_actions` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
