-- Customers as far as this service needs them: where to write, in which language, whether they
-- opted out, and the one contact budget shared by every survey and channel.
CREATE TABLE contacts (
    customer_id       varchar(200) PRIMARY KEY,
    email             varchar(320),
    locale            varchar(35),
    unsubscribe_token varchar(64)  NOT NULL UNIQUE,
    opted_out_at      timestamptz,
    last_invited_at   timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

-- Step 5 of the loop: one follow-up per resolution of a ticket.
CREATE TABLE follow_ups (
    id               varchar(36)  PRIMARY KEY,
    ticket_id        varchar(200) NOT NULL,
    resolution_count integer      NOT NULL,
    feedback_ids     jsonb        NOT NULL,
    customer_id      varchar(200) NOT NULL,
    customer_email   varchar(320),
    customer_locale  varchar(35),
    resolution       text         NOT NULL,
    channel          varchar(10)  NOT NULL,
    token            varchar(64)  NOT NULL UNIQUE,
    status           varchar(10)  NOT NULL,
    solved           boolean,
    rating           smallint,
    comment          text,
    created_at       timestamptz  NOT NULL,
    sent_at          timestamptz,
    answered_at      timestamptz,
    expires_at       timestamptz  NOT NULL,
    CONSTRAINT follow_ups_resolution_once UNIQUE (ticket_id, resolution_count)
);
CREATE INDEX follow_ups_customer ON follow_ups (customer_id, created_at DESC);
CREATE INDEX follow_ups_open_due ON follow_ups (expires_at) WHERE status IN ('PENDING', 'SENT');

-- Mail is queued in the same transaction as the change that causes it; a relay sends it.
CREATE TABLE outgoing_mail (
    id              varchar(36)  PRIMARY KEY,
    follow_up_id    varchar(36),
    invitation_id   varchar(36),
    to_address      varchar(320) NOT NULL,
    subject         text         NOT NULL,
    body            text         NOT NULL,
    unsubscribe_url text,
    status          varchar(10)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    locked_until    timestamptz,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    sent_at         timestamptz
);
CREATE INDEX outgoing_mail_due ON outgoing_mail (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX outgoing_mail_follow_up ON outgoing_mail (follow_up_id);

-- Answers already given to an Idempotency-Key, replayed unchanged on a repeat.
CREATE TABLE idempotency_keys (
    idempotency_key varchar(300) PRIMARY KEY,
    status          integer      NOT NULL,
    body            text         NOT NULL,
    created_at      timestamptz  NOT NULL
);

-- Hand-overs to other services, written in the same transaction as the change.
CREATE TABLE outbox (
    id              varchar(36)  PRIMARY KEY,
    kind            varchar(30)  NOT NULL,
    target_id       varchar(200),
    path            text         NOT NULL,
    idempotency_key varchar(300) NOT NULL UNIQUE,
    payload         text         NOT NULL,
    status          varchar(10)  NOT NULL,
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    locked_until    timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz  NOT NULL,
    delivered_at    timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX outbox_failed ON outbox (created_at) WHERE status = 'FAILED';
