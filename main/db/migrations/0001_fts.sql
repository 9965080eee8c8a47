-- Full-text search for the console's instant search (orders) and the carrier database.
-- Hand-written: drizzle-kit cannot declare FTS5 tables.
--
-- Both tables are contentless (content='', contentless_delete=1): the text lives in `orders` /
-- `carriers`, the index holds only tokens, and the rowid of an index entry is the rowid of the
-- source row. Triggers keep the index in step. The replica must run with
-- PRAGMA recursive_triggers=ON so that INSERT OR REPLACE fires the delete trigger too.
--
-- Phones are indexed as digit runs in three variants ("77011234567 87011234567 7011234567")
-- plus the text as typed, so "+7 701 123 45 67", "87011234567" and "7011234567" all match
-- by prefix. Order numbers are indexed as written and without dashes ("MR-100234 MR100234").
--
-- A later migration that rebuilds `orders` or `carriers` (drizzle-kit's copy-drop-rename)
-- drops these triggers and renumbers rowids: it must recreate the triggers and refill the
-- index ('delete-all', then INSERT ... SELECT as below). main/db/search-index.test.ts checks
-- the triggers exist after every migration.
CREATE VIRTUAL TABLE `orders_fts` USING fts5(
	number, customer_name, customer_phone, delivery_address, pickup_address,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
-- Number hits first, then the customer, then addresses.
INSERT INTO `orders_fts`(`orders_fts`, rank) VALUES ('rank', 'bm25(10.0, 4.0, 4.0, 1.0, 0.5)');
--> statement-breakpoint
CREATE TRIGGER `orders_fts_ai` AFTER INSERT ON `orders` BEGIN
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
CREATE TRIGGER `orders_fts_ad` AFTER DELETE ON `orders` BEGIN
	DELETE FROM `orders_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
-- Only edits of indexed columns touch the index: status changes (the common update) do not.
CREATE TRIGGER `orders_fts_au` AFTER UPDATE OF number, customer_name, customer_phone, delivery_address, pickup_address ON `orders` BEGIN
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
-- Rows that existed before this migration (an older replica file) get indexed now.
INSERT INTO `orders_fts`(rowid, number, customer_name, customer_phone, delivery_address, pickup_address)
SELECT rowid,
	number || ' ' || replace(number, '-', ''),
	customer_name,
	customer_phone || ' ' || CASE
		WHEN length(d) = 11 AND substr(d, 1, 1) IN ('7', '8') THEN '7' || substr(d, 2) || ' 8' || substr(d, 2) || ' ' || substr(d, 2)
		WHEN length(d) = 10 THEN '7' || d || ' 8' || d || ' ' || d
		ELSE d END,
	delivery_address,
	pickup_address
FROM (SELECT rowid, number, customer_name, customer_phone, delivery_address, pickup_address,
	replace(replace(replace(replace(replace(replace(replace(customer_phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), char(160), '') AS d
	FROM `orders`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `carriers_fts` USING fts5(
	name, tax_id, phone, contact_person, notes,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
INSERT INTO `carriers_fts`(`carriers_fts`, rank) VALUES ('rank', 'bm25(10.0, 8.0, 6.0, 3.0, 1.0)');
--> statement-breakpoint
CREATE TRIGGER `carriers_fts_ai` AFTER INSERT ON `carriers` BEGIN
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
CREATE TRIGGER `carriers_fts_ad` AFTER DELETE ON `carriers` BEGIN
	DELETE FROM `carriers_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `carriers_fts_au` AFTER UPDATE OF name, tax_id, phone, phone_normalized, contact_person, notes ON `carriers` BEGIN
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
INSERT INTO `carriers_fts`(rowid, name, tax_id, phone, contact_person, notes)
SELECT rowid,
	name,
	tax_id,
	phone || ' ' || phone_normalized || ' ' || CASE
		WHEN length(d) = 11 AND substr(d, 1, 1) IN ('7', '8') THEN '7' || substr(d, 2) || ' 8' || substr(d, 2) || ' ' || substr(d, 2)
		WHEN length(d) = 10 THEN '7' || d || ' 8' || d || ' ' || d
		ELSE d END,
	contact_person,
	notes
FROM (SELECT rowid, name, tax_id, phone, phone_normalized, contact_person, notes,
	replace(replace(replace(replace(replace(replace(replace(phone, ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', ''), char(160), '') AS d
	FROM `carriers`);
