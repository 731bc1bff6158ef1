-- One decision per booking: the primary key keeps the first one, so a
-- redelivered or repeated booking.requested gets the same answer.
CREATE TABLE IF NOT EXISTS payments (
    booking_id   text        PRIMARY KEY,
    payment_id   text        NOT NULL,
    amount_cents bigint      NOT NULL,
    currency     text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('authorized', 'declined')),
    reason       text        NOT NULL DEFAULT '',
    decided_at   timestamptz NOT NULL DEFAULT now()
);
