ALTER TABLE `courier_review` ADD `resolution` text;--> statement-breakpoint
ALTER TABLE `courier_review` ADD `resolved_by` text;--> statement-breakpoint
ALTER TABLE `courier_review` ADD `resolution_note` text;