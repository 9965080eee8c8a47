CREATE TABLE `daily_summary_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`send_minute` integer NOT NULL,
	`recipient_ids` text DEFAULT '[]' NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `daily_summary_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`user_id` text NOT NULL,
	`email` text,
	`language` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `daily_summary_outbox_due_idx` ON `daily_summary_outbox` (`state`,`next_attempt_at`);