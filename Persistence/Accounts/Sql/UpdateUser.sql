UPDATE directory_users
SET display_name = @DisplayName, role = @Role, agency = @Agency, disabled = 0
WHERE user_name = @UserName;
