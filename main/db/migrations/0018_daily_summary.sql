CREATE TABLE `daily_summary_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`send_minute` integer NOT NULL,
	`recipient_ids` text DEFAULT '[]' NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
