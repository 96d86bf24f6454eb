SELECT code, name_ar, name_en, kind
FROM directory_agencies
ORDER BY code;
