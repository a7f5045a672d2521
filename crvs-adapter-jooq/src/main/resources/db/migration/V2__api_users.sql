-- Admin API users. Only the SHA-256 of each bearer token is stored; the token itself is shown once.
create table api_user (
    name       varchar(64)              not null,
    role       varchar(16)              not null,
    token_hash varchar(64)              not null,
    created_at timestamp with time zone not null,
    active     boolean                  not null,
    constraint api_user_pk primary key (name),
    constraint api_user_token_hash_uk unique (token_hash),
    constraint api_user_role_ck check (role in ('admin', 'user'))
);
