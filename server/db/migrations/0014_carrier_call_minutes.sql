ALTER TABLE `sla_policies` ADD `carrier_call_minutes` integer;--> statement-breakpoint
-- Policies an admin already saved keep the shipped interval (null would silently switch the calls off).
UPDATE `sla_policies` SET `carrier_call_minutes` = CASE `id` WHEN 'express' THEN 60 WHEN 'standard' THEN 120 WHEN 'intercity' THEN 240 ELSE NULL END;