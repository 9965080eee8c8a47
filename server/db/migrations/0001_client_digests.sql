CREATE TABLE `client_digests` (
	`client_id` text NOT NULL,
	`mid` integer NOT NULL,
	`digest` text NOT NULL,
	PRIMARY KEY(`client_id`, `mid`)
);
--> statement-breakpoint
CREATE INDEX `carrier_vehicles_match_idx` ON `carrier_vehicles` (`carrier_id`,`type`,`tonnage`,`volume_m3`,`refrigerated`,`oversize`,`adr_classes`);