UPDATE directory_agencies
SET name_ar = @NameAr, name_en = @NameEn, kind = @Kind
WHERE code = @Code;
