-- Carrier search pre-aggregation (issue 6): one row per carrier and direction with what the
-- ranking needs: successful deals (count, latest), offers (count, latest), declared lanes.
-- Rows exist at three grains: (from, to), (from, '') = "any direction from", ('', to) =
-- "any direction to". The index carrier_direction_rank_idx holds them in ranking order per
-- direction (deals > offers > lane; more deals / fresher offer first), so a search reads the
-- first rows of one index range instead of aggregating thousands of lanes and offers.
--
-- Derived, replica-local, never synced: triggers keep it in step with carrier_lanes,
-- carrier_offers and carrier_deals. Inserts (the common case: new offers, new deals, rows
-- arriving from the server) add to the counts; deletes and updates recompute the affected
-- rows from the base tables through the view carrier_direction_touch. With
-- recursive_triggers=ON (open-replica.ts) INSERT OR REPLACE fires the delete side first.
-- A later migration that rebuilds one of the three tables must recreate these triggers and
-- refill the table (DELETE, then the INSERT ... SELECT at the end of this file).
CREATE TABLE `carrier_direction_stats` (
	`from_city` text NOT NULL,
	`to_city` text NOT NULL,
	`carrier_id` text NOT NULL,
	`deals_ok` integer NOT NULL DEFAULT 0,
	`last_deal_at` integer,
	`offers` integer NOT NULL DEFAULT 0,
	`last_offer_at` integer,
	`lanes` integer NOT NULL DEFAULT 0,
	`tier` integer GENERATED ALWAYS AS (CASE WHEN deals_ok > 0 THEN 3 WHEN offers > 0 THEN 2 WHEN lanes > 0 THEN 1 ELSE 0 END) VIRTUAL,
	`k1` integer GENERATED ALWAYS AS (CASE WHEN deals_ok > 0 THEN deals_ok WHEN offers > 0 THEN last_offer_at ELSE 0 END) VIRTUAL,
	`k2` integer GENERATED ALWAYS AS (CASE WHEN deals_ok > 0 THEN last_deal_at ELSE 0 END) VIRTUAL,
	PRIMARY KEY (`from_city`, `to_city`, `carrier_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `carrier_direction_rank_idx` ON `carrier_direction_stats` (`from_city`, `to_city`, `tier` DESC, `k1` DESC, `k2` DESC);
--> statement-breakpoint
CREATE INDEX `carrier_direction_carrier_idx` ON `carrier_direction_stats` (`carrier_id`);
--> statement-breakpoint
-- Inserting (carrier_id, from_city, to_city) here recomputes that carrier's rows of the three grains.
CREATE VIEW `carrier_direction_touch` AS SELECT '' AS carrier_id, '' AS from_city, '' AS to_city WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `carrier_direction_touch_ii` INSTEAD OF INSERT ON `carrier_direction_touch` BEGIN
	DELETE FROM `carrier_direction_stats` WHERE from_city = new.from_city AND to_city = new.to_city AND carrier_id = new.carrier_id;
	DELETE FROM `carrier_direction_stats` WHERE from_city = new.from_city AND to_city = '' AND carrier_id = new.carrier_id;
	DELETE FROM `carrier_direction_stats` WHERE from_city = '' AND to_city = new.to_city AND carrier_id = new.carrier_id;
	INSERT INTO `carrier_direction_stats` (from_city, to_city, carrier_id, deals_ok, last_deal_at, offers, last_offer_at, lanes)
	SELECT f, t, c, d_ok, d_at, o_n, o_at, l_n FROM (
		SELECT g.f AS f, g.t AS t, new.carrier_id AS c,
			(SELECT count(*) FROM `carrier_deals` x WHERE x.carrier_id = new.carrier_id AND x.outcome = 'success' AND (g.f = '' OR x.from_city = g.f) AND (g.t = '' OR x.to_city = g.t)) AS d_ok,
			(SELECT max(x.deal_at) FROM `carrier_deals` x WHERE x.carrier_id = new.carrier_id AND x.outcome = 'success' AND (g.f = '' OR x.from_city = g.f) AND (g.t = '' OR x.to_city = g.t)) AS d_at,
			(SELECT count(*) FROM `carrier_offers` x WHERE x.carrier_id = new.carrier_id AND (g.f = '' OR x.from_city = g.f) AND (g.t = '' OR x.to_city = g.t)) AS o_n,
			(SELECT max(x.offered_at) FROM `carrier_offers` x WHERE x.carrier_id = new.carrier_id AND (g.f = '' OR x.from_city = g.f) AND (g.t = '' OR x.to_city = g.t)) AS o_at,
			(SELECT count(*) FROM `carrier_lanes` x WHERE x.carrier_id = new.carrier_id AND (g.f = '' OR x.from_city = g.f) AND (g.t = '' OR x.to_city = g.t)) AS l_n
		FROM (SELECT new.from_city AS f, new.to_city AS t UNION ALL SELECT new.from_city, '' UNION ALL SELECT '', new.to_city) g
	) WHERE d_ok + o_n + l_n > 0;
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_lanes_dir_ai` AFTER INSERT ON `carrier_lanes` BEGIN
	INSERT INTO `carrier_direction_stats` (from_city, to_city, carrier_id, deals_ok, last_deal_at, offers, last_offer_at, lanes)
	SELECT g.f, g.t, new.carrier_id, 0, NULL, 0, NULL, 1 FROM (SELECT new.from_city AS f, new.to_city AS t UNION ALL SELECT new.from_city, '' UNION ALL SELECT '', new.to_city) g WHERE true
	ON CONFLICT (from_city, to_city, carrier_id) DO UPDATE SET lanes = lanes + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_lanes_dir_ad` AFTER DELETE ON `carrier_lanes` BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_lanes_dir_au` AFTER UPDATE OF carrier_id, from_city, to_city ON `carrier_lanes` BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
	INSERT INTO `carrier_direction_touch` VALUES (new.carrier_id, new.from_city, new.to_city);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_offers_dir_ai` AFTER INSERT ON `carrier_offers` BEGIN
	INSERT INTO `carrier_direction_stats` (from_city, to_city, carrier_id, deals_ok, last_deal_at, offers, last_offer_at, lanes)
	SELECT g.f, g.t, new.carrier_id, 0, NULL, 1, new.offered_at, 0 FROM (SELECT new.from_city AS f, new.to_city AS t UNION ALL SELECT new.from_city, '' UNION ALL SELECT '', new.to_city) g WHERE true
	ON CONFLICT (from_city, to_city, carrier_id) DO UPDATE SET offers = offers + 1, last_offer_at = max(coalesce(last_offer_at, excluded.last_offer_at), excluded.last_offer_at);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_offers_dir_ad` AFTER DELETE ON `carrier_offers` BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_offers_dir_au` AFTER UPDATE OF carrier_id, from_city, to_city, offered_at ON `carrier_offers` BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
	INSERT INTO `carrier_direction_touch` VALUES (new.carrier_id, new.from_city, new.to_city);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_deals_dir_ai` AFTER INSERT ON `carrier_deals` WHEN new.outcome = 'success' BEGIN
	INSERT INTO `carrier_direction_stats` (from_city, to_city, carrier_id, deals_ok, last_deal_at, offers, last_offer_at, lanes)
	SELECT g.f, g.t, new.carrier_id, 1, new.deal_at, 0, NULL, 0 FROM (SELECT new.from_city AS f, new.to_city AS t UNION ALL SELECT new.from_city, '' UNION ALL SELECT '', new.to_city) g WHERE true
	ON CONFLICT (from_city, to_city, carrier_id) DO UPDATE SET deals_ok = deals_ok + 1, last_deal_at = max(coalesce(last_deal_at, excluded.last_deal_at), excluded.last_deal_at);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_deals_dir_ad` AFTER DELETE ON `carrier_deals` BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
END;
--> statement-breakpoint
CREATE TRIGGER `carrier_deals_dir_au` AFTER UPDATE OF carrier_id, from_city, to_city, outcome, deal_at ON `carrier_deals` BEGIN
	INSERT INTO `carrier_direction_touch` VALUES (old.carrier_id, old.from_city, old.to_city);
	INSERT INTO `carrier_direction_touch` VALUES (new.carrier_id, new.from_city, new.to_city);
END;
--> statement-breakpoint
-- Rows that existed before this migration (an older replica file).
INSERT INTO `carrier_direction_stats` (from_city, to_city, carrier_id, deals_ok, last_deal_at, offers, last_offer_at, lanes)
SELECT f, t, c, sum(d_ok), max(d_at), sum(o_n), max(o_at), sum(l_n) FROM (
	SELECT from_city AS f, to_city AS t, carrier_id AS c, 1 AS d_ok, deal_at AS d_at, 0 AS o_n, NULL AS o_at, 0 AS l_n FROM `carrier_deals` WHERE outcome = 'success'
	UNION ALL
	SELECT from_city AS f, '' AS t, carrier_id AS c, 1 AS d_ok, deal_at AS d_at, 0 AS o_n, NULL AS o_at, 0 AS l_n FROM `carrier_deals` WHERE outcome = 'success'
	UNION ALL
	SELECT '' AS f, to_city AS t, carrier_id AS c, 1 AS d_ok, deal_at AS d_at, 0 AS o_n, NULL AS o_at, 0 AS l_n FROM `carrier_deals` WHERE outcome = 'success'
	UNION ALL
	SELECT from_city AS f, to_city AS t, carrier_id AS c, 0 AS d_ok, NULL AS d_at, 1 AS o_n, offered_at AS o_at, 0 AS l_n FROM `carrier_offers`
	UNION ALL
	SELECT from_city AS f, '' AS t, carrier_id AS c, 0 AS d_ok, NULL AS d_at, 1 AS o_n, offered_at AS o_at, 0 AS l_n FROM `carrier_offers`
	UNION ALL
	SELECT '' AS f, to_city AS t, carrier_id AS c, 0 AS d_ok, NULL AS d_at, 1 AS o_n, offered_at AS o_at, 0 AS l_n FROM `carrier_offers`
	UNION ALL
	SELECT from_city AS f, to_city AS t, carrier_id AS c, 0 AS d_ok, NULL AS d_at, 0 AS o_n, NULL AS o_at, 1 AS l_n FROM `carrier_lanes`
	UNION ALL
	SELECT from_city AS f, '' AS t, carrier_id AS c, 0 AS d_ok, NULL AS d_at, 0 AS o_n, NULL AS o_at, 1 AS l_n FROM `carrier_lanes`
	UNION ALL
	SELECT '' AS f, to_city AS t, carrier_id AS c, 0 AS d_ok, NULL AS d_at, 0 AS o_n, NULL AS o_at, 1 AS l_n FROM `carrier_lanes`
) GROUP BY f, t, c;
