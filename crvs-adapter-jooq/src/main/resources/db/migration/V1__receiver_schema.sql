-- CRVS Receiver schema: senders and their keys, the durable log of received messages, the vital-event queue with
-- its notes and audit trail, and the reference registry of persons.
--
-- jOOQ generates its classes from this file offline (DDLDatabase, which replays it on an in-memory H2): what H2
-- cannot replay (partial and descending indexes) sits between "[jooq ignore start]" and "[jooq ignore stop]".
-- Columns that are unique or indexed are varchar(n) (H2 cannot index text); lengths follow the domain's limits.

-- Senders ---------------------------------------------------------------------------------------------------------

create table sender (
    sender_id   varchar(256) not null,
    name        text         not null,
    jwks_url    text,
    profile     varchar(32)  not null,
    active      boolean      not null,
    notes       text,
    constraint sender_pk primary key (sender_id)
);

create table sender_algorithm (
    sender_id varchar(256) not null,
    algorithm varchar(64)  not null,
    constraint sender_algorithm_pk primary key (sender_id, algorithm),
    constraint sender_algorithm_sender_fk foreign key (sender_id) references sender (sender_id) on delete cascade
);

-- The last good JWKS document of a sender and the outcome of the last fetch attempt.
create table sender_keys (
    sender_id       varchar(256) not null,
    jwks_json       text,
    source_url      text,
    fetched_at      timestamp with time zone,
    last_attempt_at timestamp with time zone,
    last_error      text,
    constraint sender_keys_pk primary key (sender_id),
    constraint sender_keys_sender_fk foreign key (sender_id) references sender (sender_id) on delete cascade,
    constraint sender_keys_document_ck check ((jwks_json is null and source_url is null and fetched_at is null)
        or (jwks_json is not null and source_url is not null and fetched_at is not null))
);

-- Received messages: one row per delivery accepted, the body kept byte for byte. No foreign key to sender: a
-- deleted sender's messages stay.
create table received_message (
    id                bigint generated always as identity,
    sender_id         varchar(256)             not null,
    message_id        varchar(256)             not null,
    action            text                     not null,
    transaction_id    varchar(256),
    correlation_id    text                     not null,
    signature_profile varchar(32)              not null,
    raw_body          bytea                    not null,
    received_at       timestamp with time zone not null,
    constraint received_message_pk primary key (id),
    constraint received_message_sender_message_uq unique (sender_id, message_id)
);

-- Vital events: one row per notify item, and the queue state of each.
create table vital_event (
    id                bigint generated always as identity,
    sender_id         varchar(256)             not null,
    message_id        varchar(256)             not null,
    item_index        integer                  not null,
    reference_id      varchar(256),
    transaction_id    varchar(256),
    source            varchar(32)              not null,
    event_type        varchar(32)              not null,
    raw_event_type    text,
    event_date        date,
    identifiers       jsonb                    not null,
    person_record     jsonb                    not null,
    raw_item          text                     not null,
    custom_attributes jsonb                    not null,
    state             varchar(16)              not null,
    attempts          integer                  not null,
    next_attempt_at   timestamp with time zone,
    lease_until       timestamp with time zone,
    error_code        text,
    error_message     text,
    outcome           varchar(32),
    matched_person_id bigint,
    received_at       timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    constraint vital_event_pk primary key (id),
    constraint vital_event_message_item_uq unique (sender_id, message_id, item_index),
    constraint vital_event_message_fk foreign key (sender_id, message_id)
        references received_message (sender_id, message_id),
    constraint vital_event_item_index_ck check (item_index >= 0),
    constraint vital_event_attempts_ck check (attempts >= 0),
    constraint vital_event_state_ck check (state in ('received', 'processing', 'processed', 'error')),
    constraint vital_event_lease_ck check ((state = 'processing') = (lease_until is not null))
);

-- The identifiers of each event's person record, one row each, so events can be found by identifier.
create table vital_event_identifier (
    event_id bigint       not null,
    position integer      not null,
    type     varchar(64)  not null,
    value    varchar(256) not null,
    constraint vital_event_identifier_pk primary key (event_id, position),
    constraint vital_event_identifier_event_fk foreign key (event_id) references vital_event (id) on delete cascade
);

create table event_note (
    id       bigint generated always as identity,
    event_id bigint                   not null,
    author   text                     not null,
    body     text                     not null,
    noted_at timestamp with time zone not null,
    constraint event_note_pk primary key (id),
    constraint event_note_event_fk foreign key (event_id) references vital_event (id) on delete cascade
);

-- Every state change and administrative action; event_id is null for actions on something else (a sender).
create table audit_entry (
    id          bigint generated always as identity,
    event_id    bigint,
    action      text                     not null,
    from_state  varchar(16),
    to_state    varchar(16),
    actor       text                     not null,
    reason      text,
    occurred_at timestamp with time zone not null,
    constraint audit_entry_pk primary key (id),
    constraint audit_entry_event_fk foreign key (event_id) references vital_event (id) on delete cascade
);

-- Registry of persons -----------------------------------------------------------------------------------------------

create table person (
    id                bigint generated always as identity,
    given_name        text,
    second_name       text,
    surname           text,
    maiden_name       text,
    name_prefix       text,
    name_suffix       text,
    birth_date        date,
    deceased          boolean not null,
    death_date        date,
    civil_status      varchar(32),
    civil_status_date date,
    version           bigint  not null,
    constraint person_pk primary key (id),
    constraint person_version_ck check (version >= 1)
);

create table person_identifier (
    person_id bigint       not null,
    position  integer      not null,
    type      varchar(64)  not null,
    value     varchar(256) not null,
    constraint person_identifier_pk primary key (person_id, type, value),
    constraint person_identifier_person_fk foreign key (person_id) references person (id) on delete cascade
);

-- [jooq ignore start]

-- One (sender, reference id) is one event; items without a reference id are keyed by (sender, message, index).
create unique index vital_event_reference_uq on vital_event (sender_id, reference_id) where reference_id is not null;

-- The queue claim: due events, oldest first. The claim query repeats this predicate with literal states.
create index vital_event_due_idx on vital_event (next_attempt_at, id)
    where state in ('received', 'error') and next_attempt_at is not null;
-- Lease recovery.
create index vital_event_lease_idx on vital_event (lease_until) where state = 'processing';

-- Admin filters, each newest first.
create index vital_event_received_idx on vital_event (received_at desc, id desc);
create index vital_event_state_idx on vital_event (state, received_at desc, id desc);
create index vital_event_type_idx on vital_event (event_type, received_at desc, id desc);
create index vital_event_sender_idx on vital_event (sender_id, received_at desc, id desc);
create index vital_event_person_idx on vital_event (matched_person_id) where matched_person_id is not null;
create index vital_event_identifier_lookup_idx on vital_event_identifier (type, value, event_id);

create index event_note_event_idx on event_note (event_id, id);
create index audit_entry_event_idx on audit_entry (event_id, id);

-- Identifiers are unique across persons except MRN, which both spouses carry.
create unique index person_identifier_unique_uq on person_identifier (type, value) where type <> 'MRN';
create index person_identifier_lookup_idx on person_identifier (type, value);

-- [jooq ignore stop]
