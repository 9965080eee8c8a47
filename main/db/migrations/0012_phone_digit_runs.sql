-- Phone search by any run of 4+ digits (issue 13 item 6). The phone column of both full-text
-- indexes now holds what shared/domain/phone-search.ts phoneIndexText says: the number as
-- written, its digits from the start in the forms people type, and every marked tail of the
-- canonical number. The triggers call that one rule as the SQL function
-- marshrut_phone_index_text, which main/db/open-replica.ts registers on every connection
-- before migrating (a connection without it cannot write orders or carriers).
-- Bodies otherwise as in 0001_fts.sql and 0007_triggers_only_on_change.sql.
DROP TRIGGER IF EXISTS `orders_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_ai` AFTER INSERT ON `orders` BEGIN
	INSERT INTO `orders_fts`(rowid, number, customer_name, customer_phone, delivery_address, pickup_address)
	VALUES (new.rowid, new.number || ' ' || replace(new.number, '-', ''), new.customer_name,
		marshrut_phone_index_text(new.customer_phone), new.delivery_address, new.pickup_address);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `orders_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `orders_fts_au` AFTER UPDATE OF number, customer_name, customer_phone, delivery_address, pickup_address ON `orders`
	WHEN old.number IS NOT new.number OR old.customer_name IS NOT new.customer_name OR old.customer_phone IS NOT new.customer_phone OR old.delivery_address IS NOT new.delivery_address OR old.pickup_address IS NOT new.pickup_address
BEGIN
	DELETE FROM `orders_fts` WHERE rowid = old.rowid;
	INSERT INTO `orders_fts`(rowid, number, customer_name, customer_phone, delivery_address, pickup_address)
	VALUES (new.rowid, new.number || ' ' || replace(new.number, '-', ''), new.customer_name,
		marshrut_phone_index_text(new.customer_phone), new.delivery_address, new.pickup_address);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `carriers_fts_ai`;
--> statement-breakpoint
CREATE TRIGGER `carriers_fts_ai` AFTER INSERT ON `carriers` BEGIN
	INSERT INTO `carriers_fts`(rowid, name, tax_id, phone, contact_person, notes)
	VALUES (new.rowid, new.name, new.tax_id, marshrut_phone_index_text(new.phone) || ' ' || new.phone_normalized,
		new.contact_person, new.notes);
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `carriers_fts_au`;
--> statement-breakpoint
CREATE TRIGGER `carriers_fts_au` AFTER UPDATE OF name, tax_id, phone, phone_normalized, contact_person, notes ON `carriers`
	WHEN old.name IS NOT new.name OR old.tax_id IS NOT new.tax_id OR old.phone IS NOT new.phone OR old.phone_normalized IS NOT new.phone_normalized OR old.contact_person IS NOT new.contact_person OR old.notes IS NOT new.notes
BEGIN
	DELETE FROM `carriers_fts` WHERE rowid = old.rowid;
	INSERT INTO `carriers_fts`(rowid, name, tax_id, phone, contact_person, notes)
	VALUES (new.rowid, new.name, new.tax_id, marshrut_phone_index_text(new.phone) || ' ' || new.phone_normalized,
		new.contact_person, new.notes);
END;
--> statement-breakpoint
-- Rows already indexed get the new phone text: contentless tables are emptied and refilled.
INSERT INTO `orders_fts`(`orders_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `orders_fts`(rowid, number, customer_name, customer_phone, delivery_address, pickup_address)
SELECT rowid, number || ' ' || replace(number, '-', ''), customer_name, marshrut_phone_index_text(customer_phone), delivery_address, pickup_address
FROM `orders`;
--> statement-breakpoint
INSERT INTO `carriers_fts`(`carriers_fts`) VALUES ('delete-all');
--> statement-breakpoint
INSERT INTO `carriers_fts`(rowid, name, tax_id, phone, contact_person, notes)
SELECT rowid, name, tax_id, marshrut_phone_index_text(phone) || ' ' || phone_normalized, contact_person, notes
FROM `carriers`;
