-- Mails to send, written in the transaction that records the event in the
-- inbox; the mail relay sends each unsent row and sets sent_at.
CREATE TABLE IF NOT EXISTS notifications (
    id          bigserial   PRIMARY KEY,
    event_id    text        NOT NULL,
    mail_key    text        NOT NULL, -- the idempotency key given to the mail provider
    to_address  text        NOT NULL,
    subject     text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);
CREATE INDEX IF NOT EXISTS notifications_unsent ON notifications (id) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS notifications_sent_at ON notifications (sent_at) WHERE sent_at IS NOT NULL;
