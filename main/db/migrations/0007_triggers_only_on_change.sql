-- `AFTER UPDATE OF cols` fires whenever an UPDATE names those columns, changed or not, and the
-- sync client writes a confirmed row as one upsert that sets every column: each order or
-- carrier arriving from the server rewrote its search-index entry, and each lane, offer or
-- deal recomputed its carrier's direction stats. The same triggers, now only when a column
-- they read really changed (IS NOT: NULL-safe). Bodies as in 0001_fts.sql and
-- 0003_carrier_direction_stats.sql.
DROP TRIGGER IF EXISTS `orders_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_au` AFTER UPDATE OF number, customer_name, customer_phone, delivery_address, pickup_address ON `orders`
	WHEN old.number IS NOT new.number OR old.customer_name IS NOT new.customer_name OR old.customer_phone IS NOT new.customer_phone OR old.delivery_address IS NOT new.delivery_address OR old.pickup_address IS NOT new.pickup_address
BEGIN
	DELETE FROM `orders_fts` WHERE rowid = old.rowid;
	INSERT INTO `orders_fts`(rowid, number, customer_name, customer_phone, delivery_address, pickup_address)
	SELECT new.rowid,
		new.number || ' ' || replace(new.number, '-', ''),
		new.customer_name,
		new.customer_phone || ' ' || CASE
			WHEN length(d) = 11 AND substr(d, 1, 1) IN ('7', '8') THEN '7' || substr(d, 2) || ' 8' || substr(d, 2) || ' ' || substr(d, 2)
			WHEN length(d) = 10 THEN '7' || d || ' 8' || d || ' ' || d
			ELSE d END,
		new.delivery_address,
		new.pickup_address
	FROM (SELECT replace(replace(replace(replace(replace(replace(replace(new.customer_phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), char(160), '') AS d);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `carriers_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `carriers_fts_au` AFTER UPDATE OF name, tax_id, phone, phone_normalized, contact_person, notes ON `carriers`
	WHEN old.name IS NOT new.name OR old.tax_id IS NOT new.tax_id OR old.phone IS NOT new.phone OR old.phone_normalized IS NOT new.phone_normalized OR old.contact_person IS NOT new.contact_person OR old.notes IS NOT new.notes
BEGIN
	DELETE FROM `carriers_fts` WHERE rowid = old.rowid;
	INSERT INTO `carriers_fts`(rowid, name, tax_id, phone, contact_person, notes)
	SELECT new.rowid,
		new.name,
		new.tax_id,
		new.phone || ' ' || new.phone_normalized || ' ' || CASE
			WHEN length(d) = 11 AND substr(d, 1, 1) IN ('7', '8') THEN '7' || substr(d, 2) || ' 8' || substr(d, 2) || ' ' || substr(d, 2)
			WHEN length(d) = 10 THEN '7' || d || ' 8' || d || ' ' || d
			ELSE d END,
		new.contact_person,
		new.notes
	FROM (SELECT replace(replace(replace(replace(replace(replace(replace(new.phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), char(160), '') AS d);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `carrier_lanes_dir_au`;
--> statement-breakpoint
CREATE TRIGGER `carrier_lanes_dir_au` AFTER UPDATE OF carrier_id, from_city, to_city ON `carrier_lanes`
	WHEN old.carrier_id IS NOT new.carrier_id OR old.from_city IS NOT new.from_city OR old.to_city IS NOT new.to_city
BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
	INSERT INTO `carrier_direction_touch` VALUES (new.carrier_id, new.from_city, new.to_city);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `carrier_offers_dir_au`;
--> statement-breakpoint
CREATE TRIGGER `carrier_offers_dir_au` AFTER UPDATE OF carrier_id, from_city, to_city, offered_at ON `carrier_offers`
	WHEN old.carrier_id IS NOT new.carrier_id OR old.from_city IS NOT new.from_city OR old.to_city IS NOT new.to_city OR old.offered_at IS NOT new.offered_at
BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
	INSERT INTO `carrier_direction_touch` VALUES (new.carrier_id, new.from_city, new.to_city);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `carrier_deals_dir_au`;
--> statement-breakpoint
CREATE TRIGGER `carrier_deals_dir_au` AFTER UPDATE OF carrier_id, from_city, to_city, outcome, deal_at ON `carrier_deals`
	WHEN old.carrier_id IS NOT new.carrier_id OR old.from_city IS NOT new.from_city OR old.to_city IS NOT new.to_city OR old.outcome IS NOT new.outcome OR old.deal_at IS NOT new.deal_at
BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
	INSERT INTO `carrier_direction_touch` VALUES (new.carrier_id, new.from_city, new.to_city);
END;
