INSERT INTO directory_users (user_name, display_name, role, agency, disabled)
SELECT @UserName, @DisplayName, @Role, @Agency, 0
WHERE NOT EXISTS (SELECT 1 FROM directory_users WHERE user_name = @UserName);
