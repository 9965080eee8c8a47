CREATE INDEX `carriers_current_city_idx` ON `carriers` (`current_city`,`available_from`);--> statement-breakpoint
CREATE INDEX `carriers_rating_idx` ON `carriers` (`rating`);