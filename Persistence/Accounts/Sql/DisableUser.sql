UPDATE directory_users
SET disabled = 1
WHERE user_name = @UserName;
