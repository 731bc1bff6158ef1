-- The cleanup deletes sent outbox rows and inbox entries by age.
CREATE INDEX IF NOT EXISTS outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS inbox_processed_at ON inbox (processed_at);
