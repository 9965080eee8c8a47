ALTER TABLE `message_rules` ADD `services` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
-- Until now a trigger was on or off for every service at once (on = some channel on). That
-- value becomes each service's: '{}' (the default above) is on for every service; a trigger
-- with every channel off is stored off for each service, so nothing changes for customers.
UPDATE `message_rules` SET `services` = '{"express":false,"standard":false,"intercity":false}'
WHERE coalesce(json_extract(`channels`, '$.sms'), 0) = 0 AND coalesce(json_extract(`channels`, '$.email'), 0) = 0 AND coalesce(json_extract(`channels`, '$.telegram'), 0) = 0;
