-- Serialises appends: the lock is owned by the transaction and released at commit or rollback.
DECLARE @result int;
EXEC @result = sp_getapplock @Resource = N'event_log_append', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 30000;
SELECT @result;
