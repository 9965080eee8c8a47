CREATE TABLE `delivery_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`issued_at` integer NOT NULL,
	`issued_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `delivery_proof_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`photo` integer DEFAULT false NOT NULL,
	`signature` integer DEFAULT false NOT NULL,
	`code` integer DEFAULT false NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `delivery_proofs` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`kind` text NOT NULL,
	`file_id` text,
	`at` integer NOT NULL,
	`driver_id` text,
	`actor_name` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `delivery_proofs_order_idx` ON `delivery_proofs` (`order_id`);--> statement-breakpoint
CREATE TABLE `delivery_files` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`driver_id` text NOT NULL,
	`device_id` text NOT NULL,
	`kind` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `delivery_files_order_idx` ON `delivery_files` (`order_id`);--> statement-breakpoint
CREATE TABLE `driver_devices` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`driver_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`last_seen_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `driver_devices_token_hash_unique` ON `driver_devices` (`token_hash`);--> statement-breakpoint
CREATE INDEX `driver_devices_driver_idx` ON `driver_devices` (`driver_id`);--> statement-breakpoint
CREATE TABLE `driver_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`driver_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `driver_links_driver_idx` ON `driver_links` (`driver_id`);--> statement-breakpoint
CREATE TABLE `driver_requests` (
	`device_id` text NOT NULL,
	`key` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`device_id`, `key`)
);
