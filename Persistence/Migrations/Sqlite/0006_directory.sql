-- Agencies and users: projections of the directory stream. Credentials are not in the log.
CREATE TABLE directory_agencies (
    code TEXT NOT NULL PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL
);

CREATE TABLE directory_users (
    user_name TEXT NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    agency TEXT NOT NULL,
    disabled INTEGER NOT NULL
);

CREATE TABLE user_credentials (
    user_name TEXT NOT NULL PRIMARY KEY,
    password_hash TEXT NOT NULL
);
