CREATE TABLE `customer_prefs` (
	`id` text PRIMARY KEY NOT NULL,
	`language` text DEFAULT 'ru' NOT NULL,
	`opt_out` integer DEFAULT false NOT NULL,
	`telegram_chat_id` text,
	`also_notify` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`channels` text NOT NULL,
	`texts` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `message_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`quiet_start_minute` integer NOT NULL,
	`quiet_end_minute` integer NOT NULL,
	`arriving_minutes` integer NOT NULL,
	`link_days` integer NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`audience` text NOT NULL,
	`order_id` text,
	`alert_id` text,
	`trigger` text NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`recipient_name` text DEFAULT '' NOT NULL,
	`language` text NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`provider_id` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_order_idx` ON `messages` (`order_id`);--> statement-breakpoint
CREATE INDEX `messages_alert_idx` ON `messages` (`alert_id`);--> statement-breakpoint
CREATE TABLE `speed_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`city` text NOT NULL,
	`hour` integer NOT NULL,
	`kmh` real NOT NULL,
	`seconds` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff_notify_prefs` (
	`id` text PRIMARY KEY NOT NULL,
	`channel` text NOT NULL,
	`telegram_chat_id` text,
	`email` text,
	`language` text DEFAULT 'ru' NOT NULL,
	`quiet_start_minute` integer DEFAULT 0 NOT NULL,
	`quiet_end_minute` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tracking_links` (
	`id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`url` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tracking_links_token_unique` ON `tracking_links` (`token`);