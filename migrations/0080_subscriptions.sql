-- Expiring and expired subscriptions (sequences `expiring`, `expired`): whether a fan's
-- subscription renews by itself (NULL: Fanvue did not say) and when it ended (unix ms; NULL: not
-- expired, or ended at an unknown time), read from the insights of the fans in Fanvue's
-- `non_renewing` and `expired_subscribers` smart lists.
ALTER TABLE fan_value ADD COLUMN auto_renew INTEGER;
ALTER TABLE fan_value ADD COLUMN expired_at INTEGER;
CREATE INDEX fan_value_subscriptions ON fan_value (creator_handle, status, renews_at);
