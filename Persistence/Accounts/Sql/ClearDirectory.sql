-- Only the projections: credentials stay.
DELETE FROM directory_users;
DELETE FROM directory_agencies;
