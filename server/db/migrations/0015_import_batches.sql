CREATE TABLE `import_batch_parts` (
	`import_id` text NOT NULL,
	`part` integer NOT NULL,
	`client_id` text NOT NULL,
	`mid` integer NOT NULL,
	`args` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`import_id`, `part`)
);
--> statement-breakpoint
CREATE INDEX `import_batch_parts_client_mid_idx` ON `import_batch_parts` (`client_id`,`mid`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`import_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`parts` integer NOT NULL,
	`state` text NOT NULL,
	`refusal` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_batches_user_state_idx` ON `import_batches` (`user_id`,`state`);--> statement-breakpoint
CREATE INDEX `import_batches_state_updated_idx` ON `import_batches` (`state`,`updated_at`);