-- Places per slot. held can never exceed capacity: the CHECK makes the
-- database refuse an over-booking whatever the code does.
CREATE TABLE IF NOT EXISTS slots (
    slot_id  text    PRIMARY KEY,
    capacity integer NOT NULL CHECK (capacity >= 0),
    held     integer NOT NULL DEFAULT 0,
    CONSTRAINT slot_not_overbooked CHECK (held >= 0 AND held <= capacity)
);

CREATE TABLE IF NOT EXISTS bookings (
    id             text        PRIMARY KEY,
    slot_id        text        NOT NULL REFERENCES slots (slot_id),
    customer_email text        NOT NULL,
    amount_cents   bigint      NOT NULL,
    currency       text        NOT NULL,
    payment_method text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
    payment_id     text        NOT NULL DEFAULT '',
    cancel_reason  text        NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT now()
);
