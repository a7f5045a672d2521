-- Our subscriptions to CRVS events (DCI subscribe / on-subscribe / unsubscribe). The id is our reference_id of the
-- subscribe request; the code is the CRVS's, known once its on-subscribe callback arrives.
create table crvs_subscription (
    id             varchar(256)             not null,
    crvs_id        varchar(256)             not null,
    event_type     varchar(32)              not null,
    filter         text,
    status         varchar(16)              not null,
    code           varchar(256),
    transaction_id varchar(256)             not null,
    correlation_id text,
    status_reason  text,
    created_by     text                     not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint crvs_subscription_pk primary key (id),
    constraint crvs_subscription_status_ck check (status in ('pending', 'active', 'rejected', 'failed',
        'unsubscribing', 'unsubscribed'))
);

-- [jooq ignore start]
-- A subscription code names one subscription of a CRVS.
create unique index crvs_subscription_code_uq on crvs_subscription (crvs_id, code) where code is not null;
create index crvs_subscription_created_idx on crvs_subscription (created_at desc, id);
-- [jooq ignore stop]
