ALTER TABLE `order_events` ADD `handover` text;--> statement-breakpoint
ALTER TABLE `orders` ADD `carrier_deal_id` text;--> statement-breakpoint
CREATE INDEX `orders_courier_tracking_idx` ON `orders` (`courier_provider`,`courier_tracking_number`);--> statement-breakpoint
ALTER TABLE `carrier_deals` ADD `vehicle_id` text;--> statement-breakpoint
ALTER TABLE `carrier_deals` ADD `loading_at` integer;--> statement-breakpoint
ALTER TABLE `carrier_deals` ADD `contact` text;--> statement-breakpoint
CREATE INDEX `carrier_deals_order_idx` ON `carrier_deals` (`order_id`);