SELECT u.user_name, u.display_name, u.role, u.agency, u.disabled, c.password_hash
FROM directory_users u
LEFT JOIN user_credentials c ON c.user_name = u.user_name
WHERE u.user_name = @UserName;
