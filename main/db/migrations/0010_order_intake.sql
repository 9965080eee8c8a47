CREATE TABLE `checklist_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`required` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `order_events` ADD `changes` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `external_source` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `window_start` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `window_end` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `fragile` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `refrigerated` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `hazard_class` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `checklist` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `paid_at` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_amount` real;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_method` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `payment_reference` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `last_correction` text;--> statement-breakpoint
CREATE UNIQUE INDEX `orders_external_idx` ON `orders` (`external_source`,`external_id`);