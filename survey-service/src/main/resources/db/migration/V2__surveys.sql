-- Surveys (NPS 0-10, CSAT 1-5, CES 1-7) with their wording per locale.
CREATE TABLE surveys (
    id                  varchar(36)  PRIMARY KEY,
    type                varchar(4)   NOT NULL,
    name                varchar(200) NOT NULL,
    questions           jsonb        NOT NULL,
    follow_up_questions jsonb,
    status              varchar(10)  NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);

-- One invitation per customer and survey send; the token is the customer's single-use credential.
CREATE TABLE invitations (
    id              varchar(36)  PRIMARY KEY,
    survey_id       varchar(36)  NOT NULL REFERENCES surveys (id),
    customer_id     varchar(200) NOT NULL,
    customer_email  varchar(320),
    customer_locale varchar(35),
    tier            varchar(50),
    lifecycle_stage varchar(50),
    product         varchar(100),
    region          varchar(100),
    attributes      jsonb,
    channel         varchar(10)  NOT NULL,
    token           varchar(64)  NOT NULL UNIQUE,
    status          varchar(10)  NOT NULL,
    created_at      timestamptz  NOT NULL,
    expires_at      timestamptz  NOT NULL,
    answered_at     timestamptz
);
CREATE INDEX invitations_survey ON invitations (survey_id, created_at);
CREATE INDEX invitations_pending_in_app ON invitations (customer_id) WHERE status = 'INVITED' AND channel = 'IN_APP';

-- Answers. Segment attributes are copied from the invitation so that analytics aggregate one table.
CREATE TABLE survey_responses (
    id              varchar(36)  PRIMARY KEY,
    survey_id       varchar(36)  NOT NULL REFERENCES surveys (id),
    survey_type     varchar(4)   NOT NULL,
    invitation_id   varchar(36)  UNIQUE REFERENCES invitations (id),
    customer_id     varchar(200) NOT NULL,
    score           smallint     NOT NULL,
    comment         text,
    channel         varchar(10),
    tier            varchar(50),
    lifecycle_stage varchar(50),
    product         varchar(100),
    region          varchar(100),
    attributes      jsonb,
    forwarded       boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL
);
CREATE INDEX survey_responses_survey_time ON survey_responses (survey_id, created_at) INCLUDE (score);
CREATE INDEX survey_responses_type_time ON survey_responses (survey_type, created_at) INCLUDE (score);
CREATE INDEX survey_responses_customer ON survey_responses (customer_id, created_at);
