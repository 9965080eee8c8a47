CREATE TABLE `courier_shipments` (
	`order_id` text NOT NULL,
	`provider` text NOT NULL,
	`state` text NOT NULL,
	`provider_ref` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_at` integer NOT NULL,
	`last_error` text,
	`requested_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courier_shipments_order_idx` ON `courier_shipments` (`order_id`,`provider`);--> statement-breakpoint
CREATE INDEX `courier_shipments_due_idx` ON `courier_shipments` (`state`,`next_at`);