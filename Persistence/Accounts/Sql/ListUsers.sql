SELECT user_name, display_name, role, agency, disabled
FROM directory_users
ORDER BY user_name;
