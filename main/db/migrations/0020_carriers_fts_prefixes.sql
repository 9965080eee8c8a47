-- Carrier search (issue 19): prefix indexes of 4 and 7 characters besides 2 and 3. A phone
-- typed as its first digits ("8701", "+7 777") is the prefix "7701"* of thousands of distinct
-- numbers, and its run inside the number ("pht7701"*, shared/domain/phone-search.ts: the
-- 3-letter TAIL_MARK plus MIN_PHONE_RUN = 4 digits) as many again; without an index of that
-- length FTS5 reads and merges every one of those terms on each query (3-4 ms at 100,000
-- carriers; with them 0.5 ms). Longer prefixes have few completions and need none. The prefix
-- option cannot be altered, so the contentless table is made again and refilled from
-- `carriers` as 0012_phone_digit_runs.sql fills it; the triggers name it and stay as they are.
DROP TABLE `carriers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `carriers_fts` USING fts5(
	name, tax_id, phone, contact_person, notes,
	content='', contentless_delete=1,
	tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 7'
);
--> statement-breakpoint
INSERT INTO `carriers_fts`(`carriers_fts`, rank) VALUES ('rank', 'bm25(10.0, 8.0, 6.0, 3.0, 1.0)');
--> statement-breakpoint
INSERT INTO `carriers_fts`(rowid, name, tax_id, phone, contact_person, notes)
SELECT rowid, name, tax_id, marshrut_phone_index_text(phone) || ' ' || phone_normalized, contact_person, notes
FROM `carriers`;
