INSERT INTO directory_agencies (code, name_ar, name_en, kind)
SELECT @Code, @NameAr, @NameEn, @Kind
WHERE NOT EXISTS (SELECT 1 FROM directory_agencies WHERE code = @Code);
