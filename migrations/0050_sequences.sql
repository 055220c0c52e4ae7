-- Sequences (welcome, win-back): the scheduler finds what starts a sequence (new-subscriber and
-- new-follower events) and what it already queued (sequence_step events) by kind and time, and a
-- fan's silence from their last message.
CREATE INDEX inbox_by_kind ON inbox (creator_handle, kind, received_at);
CREATE INDEX messages_by_fan_time ON messages (creator_handle, fan_uuid, from_creator, inserted_at);
