-- Agencies and users: projections of the directory stream. Credentials are not in the log.
CREATE TABLE dbo.directory_agencies (
    code nvarchar(40) NOT NULL CONSTRAINT pk_directory_agencies PRIMARY KEY,
    name_ar nvarchar(200) NOT NULL,
    name_en nvarchar(200) NOT NULL,
    kind nvarchar(40) NOT NULL
);
GO
CREATE TABLE dbo.directory_users (
    user_name nvarchar(100) NOT NULL CONSTRAINT pk_directory_users PRIMARY KEY,
    display_name nvarchar(200) NOT NULL,
    role nvarchar(20) NOT NULL,
    agency nvarchar(40) NOT NULL,
    disabled bit NOT NULL
);
GO
CREATE TABLE dbo.user_credentials (
    user_name nvarchar(100) NOT NULL CONSTRAINT pk_user_credentials PRIMARY KEY,
    password_hash nvarchar(400) NOT NULL
);
GO
