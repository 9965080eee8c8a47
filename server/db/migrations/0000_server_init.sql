CREATE TABLE `order_events` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`from_status` text,
	`to_status` text,
	`sub_mark` text,
	`actor` text NOT NULL,
	`actor_id` text,
	`actor_name` text,
	`source` text NOT NULL,
	`reason` text,
	`comment` text,
	`driver_id` text
);
--> statement-breakpoint
CREATE INDEX `order_events_order_idx` ON `order_events` (`order_id`,`at`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`customer_id` text,
	`customer_name` text NOT NULL,
	`customer_phone` text DEFAULT '' NOT NULL,
	`customer_email` text,
	`pickup_address` text NOT NULL,
	`pickup_lat` real NOT NULL,
	`pickup_lon` real NOT NULL,
	`delivery_address` text NOT NULL,
	`delivery_city` text NOT NULL,
	`delivery_lat` real NOT NULL,
	`delivery_lon` real NOT NULL,
	`warehouse_id` text,
	`region_id` text NOT NULL,
	`service_type` text NOT NULL,
	`vip_norm_minutes` integer,
	`cargo_description` text DEFAULT '' NOT NULL,
	`weight_kg` real DEFAULT 0 NOT NULL,
	`volume_m3` real DEFAULT 0 NOT NULL,
	`places` integer DEFAULT 1 NOT NULL,
	`status` text NOT NULL,
	`sub_mark` text,
	`problem_reason` text,
	`problem_comment` text,
	`status_before_problem` text,
	`driver_id` text,
	`carrier_id` text,
	`courier_provider` text,
	`courier_tracking_number` text,
	`assigned_by` text,
	`assigned_at` integer,
	`sla_deadline` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`picked_at` integer,
	`delivered_at` integer,
	`status_changed_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_number_unique` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`);--> statement-breakpoint
CREATE INDEX `orders_driver_idx` ON `orders` (`driver_id`);--> statement-breakpoint
CREATE INDEX `orders_warehouse_idx` ON `orders` (`warehouse_id`);--> statement-breakpoint
CREATE INDEX `orders_deadline_idx` ON `orders` (`sla_deadline`);--> statement-breakpoint
CREATE INDEX `orders_updated_idx` ON `orders` (`updated_at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text,
	`vip_norm_minutes` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `drivers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`vehicle` text DEFAULT '' NOT NULL,
	`vehicle_plate` text DEFAULT '' NOT NULL,
	`capacity_kg` real DEFAULT 0 NOT NULL,
	`home_warehouse_id` text,
	`shift_state` text DEFAULT 'off_shift' NOT NULL,
	`shift_changed_at` integer,
	`lat` real,
	`lon` real,
	`heading_deg` real,
	`speed_kmh` real,
	`accuracy_m` real,
	`battery` real,
	`charging` integer,
	`fix_at` integer,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`utc_offset_minutes` integer NOT NULL,
	`working_days` text NOT NULL,
	`work_start_minute` integer NOT NULL,
	`work_end_minute` integer NOT NULL,
	`holidays` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`warehouse_id` text,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `warehouses` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`address` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`region_id` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `carrier_deals` (
	`id` text PRIMARY KEY NOT NULL,
	`carrier_id` text NOT NULL,
	`order_id` text,
	`from_city` text NOT NULL,
	`to_city` text NOT NULL,
	`vehicle_type` text,
	`rate` real NOT NULL,
	`currency` text DEFAULT 'KZT' NOT NULL,
	`deal_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `carrier_deals_dir_idx` ON `carrier_deals` (`from_city`,`to_city`,`deal_at`);--> statement-breakpoint
CREATE INDEX `carrier_deals_carrier_idx` ON `carrier_deals` (`carrier_id`);--> statement-breakpoint
CREATE TABLE `carrier_lanes` (
	`id` text PRIMARY KEY NOT NULL,
	`carrier_id` text NOT NULL,
	`from_city` text NOT NULL,
	`to_city` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `carrier_lanes_dir_idx` ON `carrier_lanes` (`from_city`,`to_city`);--> statement-breakpoint
CREATE INDEX `carrier_lanes_carrier_idx` ON `carrier_lanes` (`carrier_id`);--> statement-breakpoint
CREATE TABLE `carrier_offers` (
	`id` text PRIMARY KEY NOT NULL,
	`carrier_id` text NOT NULL,
	`from_city` text NOT NULL,
	`to_city` text NOT NULL,
	`vehicle_type` text,
	`rate` real NOT NULL,
	`currency` text DEFAULT 'KZT' NOT NULL,
	`offered_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `carrier_offers_dir_idx` ON `carrier_offers` (`from_city`,`to_city`,`offered_at`);--> statement-breakpoint
CREATE INDEX `carrier_offers_carrier_idx` ON `carrier_offers` (`carrier_id`);--> statement-breakpoint
CREATE TABLE `carrier_vehicles` (
	`id` text PRIMARY KEY NOT NULL,
	`carrier_id` text NOT NULL,
	`type` text NOT NULL,
	`tonnage` real NOT NULL,
	`volume_m3` real DEFAULT 0 NOT NULL,
	`refrigerated` integer DEFAULT false NOT NULL,
	`adr_classes` text DEFAULT '' NOT NULL,
	`oversize` integer DEFAULT false NOT NULL,
	`plate` text DEFAULT '' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `carrier_vehicles_carrier_idx` ON `carrier_vehicles` (`carrier_id`);--> statement-breakpoint
CREATE TABLE `carriers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`phone_normalized` text DEFAULT '' NOT NULL,
	`email` text,
	`contact_person` text DEFAULT '' NOT NULL,
	`base_city` text DEFAULT '' NOT NULL,
	`current_city` text,
	`current_lat` real,
	`current_lon` real,
	`available_from` integer,
	`rating` real DEFAULT 0 NOT NULL,
	`security_check` text DEFAULT 'pending' NOT NULL,
	`security_checked_at` integer,
	`blacklisted` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `carriers_tax_idx` ON `carriers` (`tax_id`);--> statement-breakpoint
CREATE INDEX `carriers_phone_idx` ON `carriers` (`phone_normalized`);--> statement-breakpoint
CREATE INDEX `carriers_current_city_idx` ON `carriers` (`current_city`,`available_from`);--> statement-breakpoint
CREATE INDEX `carriers_rating_idx` ON `carriers` (`rating`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`order_number` text NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`triggered_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`audience` text NOT NULL,
	`assignee_id` text,
	`priority` integer DEFAULT false NOT NULL,
	`customer_name` text DEFAULT '' NOT NULL,
	`message_ru` text NOT NULL,
	`message_en` text NOT NULL,
	`tasks` text NOT NULL,
	`state` text NOT NULL,
	`acknowledged_at` integer,
	`acknowledged_by` text,
	`acknowledged_by_name` text,
	`resolved_at` integer,
	`resolution` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_identity_idx` ON `alerts` (`order_id`,`kind`,`due_at`);--> statement-breakpoint
CREATE INDEX `alerts_state_idx` ON `alerts` (`state`,`triggered_at`);--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`norm_minutes` integer,
	`warn_before_minutes` integer NOT NULL,
	`supervisor_warn_before_minutes` integer NOT NULL,
	`time_basis` text NOT NULL,
	`breach_actions` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `user_tokens_user_idx` ON `user_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `courier_inbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`received_at` integer NOT NULL,
	`body` text NOT NULL,
	`state` text NOT NULL,
	`outcome` text,
	`processed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courier_inbox_event_idx` ON `courier_inbox` (`provider`,`event_id`);--> statement-breakpoint
CREATE INDEX `courier_inbox_state_idx` ON `courier_inbox` (`state`);--> statement-breakpoint
CREATE TABLE `courier_review` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`inbox_id` integer NOT NULL,
	`provider` text NOT NULL,
	`event_id` text NOT NULL,
	`order_number` text,
	`tracking_number` text,
	`code` text NOT NULL,
	`reason` text NOT NULL,
	`detail` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `courier_review_open_idx` ON `courier_review` (`resolved_at`,`created_at`);--> statement-breakpoint
CREATE TABLE `change_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_log_row_idx` ON `change_log` (`tbl`,`row_id`);--> statement-breakpoint
CREATE TABLE `client_rejections` (
	`client_id` text NOT NULL,
	`mid` integer NOT NULL,
	`name` text NOT NULL,
	`error` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `mid`)
);
--> statement-breakpoint
CREATE TABLE `server_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `clients` (
	`client_id` text PRIMARY KEY NOT NULL,
	`last_mid` integer DEFAULT 0 NOT NULL,
	`user_id` text NOT NULL,
	`last_seen` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `device_bindings` (
	`device_id` text PRIMARY KEY NOT NULL,
	`driver_id` text NOT NULL,
	`bound_at` integer NOT NULL,
	`bound_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `device_bindings_driver_idx` ON `device_bindings` (`driver_id`);--> statement-breakpoint
CREATE TABLE `driver_tracks` (
	`driver_id` text NOT NULL,
	`fix_at` integer NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`speed_kmh` real,
	`heading_deg` real,
	`accuracy_m` real,
	`altitude_m` real,
	`battery` real,
	`device_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`driver_id`, `fix_at`)
);
--> statement-breakpoint
CREATE TABLE `unknown_devices` (
	`device_id` text PRIMARY KEY NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`request_count` integer NOT NULL,
	`last_lat` real,
	`last_lon` real,
	`last_fix_at` integer,
	`last_accuracy_m` real,
	`last_battery` real
);
