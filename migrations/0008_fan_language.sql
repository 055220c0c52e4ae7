-- The language a fan writes in (ISO 639-1, detected from their messages), for the prompt.
ALTER TABLE fan_facts ADD COLUMN language TEXT;
