-- ticket-service schema: teams, routing, SLA policies, tickets with their feedback, history and
-- comments, receiver idempotency keys and the sender outbox.

CREATE TABLE teams (
    key         VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    members     JSONB        NOT NULL DEFAULT '[]',
    lead        VARCHAR(200),
    calendar    JSONB        NOT NULL,
    -- round robin among members with the same number of open tickets
    rr_cursor   BIGINT       NOT NULL DEFAULT 0,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO teams (key, name, calendar) VALUES ('support', 'Customer support',
    '{"timezone":"Asia/Shanghai","workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"workStart":"09:00","workEnd":"18:00","holidays":[]}');

CREATE TABLE sla_policies (
    priority        VARCHAR(2)  PRIMARY KEY,
    first_response  VARCHAR(32) NOT NULL,
    resolution      VARCHAR(32) NOT NULL,
    business_hours  BOOLEAN     NOT NULL,
    version         BIGINT      NOT NULL DEFAULT 0,
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Durations are ISO-8601; under business hours a day (P1D) is one working day of the team.
INSERT INTO sla_policies (priority, first_response, resolution, business_hours) VALUES
    ('P1', 'PT1H', 'PT8H', FALSE),
    ('P2', 'PT4H', 'PT24H', FALSE),
    ('P3', 'PT8H', 'P3D', TRUE),
    ('P4', 'P3D', 'P14D', TRUE);

CREATE TABLE routing_rules (
    id          VARCHAR(36)  PRIMARY KEY,
    position    INT          NOT NULL,
    name        VARCHAR(200) NOT NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    conditions  JSONB        NOT NULL,
    action      JSONB        NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX routing_rules_position ON routing_rules (position);

CREATE TABLE tickets (
    id                       VARCHAR(36)  PRIMARY KEY,
    status                   VARCHAR(32)  NOT NULL,
    team_key                 VARCHAR(64)  NOT NULL REFERENCES teams (key),
    priority                 VARCHAR(2)   NOT NULL,
    assignee                 VARCHAR(200),
    source                   VARCHAR(16)  NOT NULL,
    subject                  VARCHAR(500) NOT NULL,
    text                     TEXT,
    text_masked              TEXT,
    channel                  VARCHAR(32),
    language                 VARCHAR(16),
    intent                   VARCHAR(32),
    topic                    VARCHAR(64),
    sentiment                VARCHAR(16),
    product                  VARCHAR(200),
    customer_id              VARCHAR(200),
    customer                 JSONB,
    tags                     JSONB        NOT NULL DEFAULT '[]',
    routing_rule_id          VARCHAR(36),
    resolution               TEXT,
    resolution_count         INT          NOT NULL DEFAULT 0,
    reopen_count             INT          NOT NULL DEFAULT 0,
    -- SLA clocks: deadlines are stored so that queues and the escalation job sort and filter in SQL
    sla_business_hours       BOOLEAN      NOT NULL DEFAULT FALSE,
    first_response_due       TIMESTAMPTZ,
    first_response_risk_at   TIMESTAMPTZ,
    first_response_left_s    BIGINT,
    first_response_risk_left_s BIGINT,
    resolution_started_at    TIMESTAMPTZ,
    resolution_due           TIMESTAMPTZ,
    resolution_risk_at       TIMESTAMPTZ,
    resolution_left_s        BIGINT,
    resolution_risk_left_s   BIGINT,
    paused_at                TIMESTAMPTZ,
    next_due                 TIMESTAMPTZ,
    next_risk_at             TIMESTAMPTZ,
    sla_state                VARCHAR(16)  NOT NULL DEFAULT 'ON_TRACK',
    at_risk_at               TIMESTAMPTZ,
    breached_at              TIMESTAMPTZ,
    first_responded_at       TIMESTAMPTZ,
    resolved_at              TIMESTAMPTZ,
    closed_at                TIMESTAMPTZ,
    version                  BIGINT       NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL
);
CREATE INDEX tickets_team_status ON tickets (team_key, status);
CREATE INDEX tickets_queue ON tickets (team_key, priority, next_due);
CREATE INDEX tickets_merge ON tickets (customer_id, topic, status);
-- the escalation job's two scans: only running clocks that have not yet escalated that far
CREATE INDEX tickets_risk_watch ON tickets (next_risk_at) WHERE sla_state = 'ON_TRACK' AND next_risk_at IS NOT NULL;
CREATE INDEX tickets_breach_watch ON tickets (next_due) WHERE sla_state <> 'BREACHED' AND next_due IS NOT NULL;

-- One row per feedback item: the primary key makes "one feedback, one ticket" hold across replicas.
CREATE TABLE ticket_feedback (
    feedback_id VARCHAR(100) PRIMARY KEY,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES tickets (id),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ticket_feedback_ticket ON ticket_feedback (ticket_id);

CREATE TABLE ticket_history (
    id          VARCHAR(36)  PRIMARY KEY,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES tickets (id),
    at          TIMESTAMPTZ  NOT NULL,
    actor       VARCHAR(200) NOT NULL,
    action      VARCHAR(64)  NOT NULL,
    field       VARCHAR(64),
    before      TEXT,
    after       TEXT
);
CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, at);

CREATE TABLE ticket_comments (
    id          VARCHAR(36)  PRIMARY KEY,
    ticket_id   VARCHAR(36)  NOT NULL REFERENCES tickets (id),
    author      VARCHAR(200) NOT NULL,
    visibility  VARCHAR(16)  NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, created_at);

-- Receiver side of every hand-over: the key with its first answer.
CREATE TABLE idempotency_keys (
    key           VARCHAR(300) PRIMARY KEY,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INT,
    response_body TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Sender side: written in the same transaction as the change that causes the hand-over.
CREATE TABLE outbox (
    id               VARCHAR(36)  PRIMARY KEY,
    destination      VARCHAR(64)  NOT NULL,
    path             VARCHAR(300) NOT NULL,
    idempotency_key  VARCHAR(300) NOT NULL UNIQUE,
    payload          TEXT         NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    -- also the claim's lease: a claimed row is pushed ahead so no other relay takes it meanwhile
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_error       VARCHAR(500),
    response_status  INT,
    created_at       TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX outbox_state ON outbox (state, created_at);
