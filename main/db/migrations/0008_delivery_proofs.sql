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
CREATE INDEX `delivery_proofs_order_idx` ON `delivery_proofs` (`order_id`);