namespace Coordination.Hub.Refusals;

/// <summary>
/// The catalogue's field-level messages, in English and Arabic, used by the validators beside each use case
/// (<c>.Says(Invalid.X)</c>). They reach people as the 400's <c>errors</c> and <c>detail</c>.
/// </summary>
public static class Invalid
{
    public static readonly Text EmptyEventId = new("EventId must not be the empty id.", "مفتاح الإرسال (EventId) لا يجوز أن يكون المعرف الفارغ.");
    public static readonly Text ExpectedVersion = new("ExpectedVersion must be a version the incident has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّ به البلاغ (1 أو أكثر).");
    public static readonly Text HazardRequired = new("Hazard is required.", "نوع الخطر مطلوب.");
    public static readonly Text SeverityRequired = new("Severity is required.", "درجة الخطورة مطلوبة.");
    public static readonly Text TitleRequired = new("Title is required.", "العنوان مطلوب.");
    public static readonly Text DistrictRequired = new("District is required.", "الشعبية مطلوبة.");
    public static readonly Text LatitudeInLibya = new("Latitude must be within Libya (19 to 34 degrees north).", "خط العرض يجب أن يكون داخل ليبيا (من 19 إلى 34 شمالاً).");
    public static readonly Text LongitudeInLibya = new("Longitude must be within Libya (9 to 26 degrees east).", "خط الطول يجب أن يكون داخل ليبيا (من 9 إلى 26 شرقاً).");
    public static readonly Text LongitudeWithLatitude = new("Longitude is required with Latitude.", "خط الطول مطلوب مع خط العرض.");
    public static readonly Text LatitudeWithLongitude = new("Latitude is required with Longitude.", "خط العرض مطلوب مع خط الطول.");
    public static readonly Text OccurredInFuture = new("OccurredAt must not be in the future (more than 5 minutes ahead of the hub's clock).", "وقت الوقوع لا يجوز أن يكون في المستقبل (أكثر من 5 دقائق بعد ساعة المركز).");
    public static readonly Text OccurredTooEarly = new("OccurredAt must be on or after 2000-01-01 (UTC).", "وقت الوقوع لا يجوز أن يكون قبل 2000-01-01 (بالتوقيت العالمي).");
    public static readonly Text RestrictedNeedsClearance = new("ClearedAgencies must name at least one agency for a restricted incident.", "البلاغ المقيد يحتاج جهة مخوّلة واحدة على الأقل.");
    public static readonly Text ClearanceOnlyWhenRestricted = new("ClearedAgencies applies only to a restricted incident.", "الجهات المخوّلة تخص البلاغات المقيدة فقط.");
    public static readonly Text UpdateTextRequired = new("Text is required.", "نص التحديث مطلوب.");
    public static readonly Text StatusRequired = new("Status is required.", "الحالة مطلوبة.");
    public static readonly Text CredentialsRequired = new("UserName and Password are required.", "اسم المستخدم وكلمة المرور مطلوبان.");
    public static readonly Text RefreshTokenRequired = new("RefreshToken is required.", "رمز التجديد مطلوب.");
    public static readonly Text CodeRequired = new("Code is required.", "رمز الجهة مطلوب.");
    public static readonly Text CodeShape = new("Code must be 2 to 40 lower-case letters, digits or hyphens.", "رمز الجهة من 2 إلى 40 حرفاً لاتينياً صغيراً أو رقماً أو شرطة.");
    public static readonly Text NameArRequired = new("NameAr is required.", "الاسم بالعربية مطلوب.");
    public static readonly Text NameEnRequired = new("NameEn is required.", "الاسم بالإنجليزية مطلوب.");
    public static readonly Text UserNameRequired = new("UserName is required.", "اسم المستخدم مطلوب.");
    public static readonly Text UserNameShape = new("UserName must be 3 to 64 lower-case letters, digits, dots, hyphens or underscores.", "اسم المستخدم من 3 إلى 64 حرفاً لاتينياً صغيراً أو رقماً أو نقطة أو شرطة.");
    public static readonly Text DisplayNameRequired = new("DisplayName is required.", "الاسم المعروض مطلوب.");
    public static readonly Text RoleRequired = new("Role is required.", "الدور مطلوب.");
    public static readonly Text AgencyRequired = new("Agency is required.", "الجهة مطلوبة.");
    public static readonly Text PasswordTooShort = new("Password must be at least 12 characters.", "كلمة المرور 12 حرفاً على الأقل.");
    public static readonly Text PasswordTooLong = new("Password must be 200 characters or fewer.", "كلمة المرور 200 حرف كحد أقصى.");
    public static readonly Text PasswordForNewUser = new("Password is required for a new user.", "كلمة المرور مطلوبة لمستخدم جديد.");

    public static readonly Text RulesRequired = new("Rules is required: the whole rule set, as exported.", "القواعد مطلوبة: مجموعة القواعد كاملة كما تُصدَّر.");
    public static readonly Text ReasonRequired = new("Reason is required: say why the rules change.", "السبب مطلوب: اذكر سبب تغيير القواعد.");
    public static readonly Text RuleMissing = new("The rule is empty.", "القاعدة فارغة.");
    public static readonly Text RuleIdRequired = new("Every rule needs an id.", "كل قاعدة تحتاج معرّفاً.");
    public static readonly Text RuleNoAgencies = new("The rule alerts no agency: name at least one.", "القاعدة لا تنبّه أي جهة: اذكر جهة واحدة على الأقل.");
    public static readonly Text ExpectedRulesVersion = new("ExpectedVersion must be 0 or a version the rules have had.", "الإصدار المتوقع يجب أن يكون 0 أو إصداراً مرّت به القواعد.");

    public static readonly Text RiskCodeShape = new("Code must be 3 to 60 lower-case letters, digits or hyphens.", "رمز الخطر من 3 إلى 60 حرفاً لاتينياً صغيراً أو رقماً أو شرطة.");
    public static readonly Text ThemeRequired = new("Theme is required: Natural, Accident, Societal or Malicious.", "المحور مطلوب: طبيعي أو حوادث أو مجتمعي أو عدائي.");
    public static readonly Text RiskTitlesRequired = new("Both titles are required, in Arabic and in English.", "العنوانان مطلوبان، بالعربية وبالإنجليزية.");
    public static readonly Text ScenariosRequired = new("The reasonable worst case is required, in Arabic and in English.", "السيناريو الأسوأ المعقول مطلوب، بالعربية وبالإنجليزية.");
    public static readonly Text Likelihood = new("Likelihood must be 1 to 5.", "الاحتمال يجب أن يكون من 1 إلى 5.");
    public static readonly Text ImpactsRequired = new("Impacts are required: a score of 1 to 5 for each dimension.", "الآثار مطلوبة: درجة من 1 إلى 5 لكل بعد.");
    public static readonly Text Impact = new("Each impact must be 1 to 5.", "كل أثر يجب أن يكون من 1 إلى 5.");
    public static readonly Text ConfidenceRequired = new("Confidence is required: Low, Medium or High.", "درجة الثقة مطلوبة: منخفضة أو متوسطة أو عالية.");
    public static readonly Text LeadAgencyRequired = new("LeadAgency is required.", "الجهة القائدة مطلوبة.");
    public static readonly Text NextReviewRequired = new("NextReview is required, a date within ten years.", "موعد المراجعة القادمة مطلوب، تاريخ خلال عشر سنوات.");
    public static readonly Text ReasonForScoreChange = new("Reason is required when a score changes: say why.", "السبب مطلوب عند تغيير أي درجة: اذكر لماذا.");
    public static readonly Text ExpectedRiskVersion = new("ExpectedVersion must be a version the risk has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّ به الخطر (1 أو أكثر).");

    public static readonly Text PlanCodeShape = new("Code must be 3 to 60 lower-case letters, digits or hyphens.", "رمز الخطة من 3 إلى 60 حرفاً لاتينياً صغيراً أو رقماً أو شرطة.");
    public static readonly Text PlanCodeFixed = new("A plan's code cannot change: enter a new plan instead.", "رمز الخطة لا يتغيّر: أدخل خطة جديدة بدلاً من ذلك.");
    public static readonly Text PlanActivationRequired = new("Activation is required: hazards, a minimum severity and districts (none for the whole country).", "معايير التفعيل مطلوبة: أنواع الخطر وأدنى درجة خطورة والشعبيات (لا شيء لكل البلاد).");
    public static readonly Text PlanHazardsRequired = new("Activation needs at least one hazard.", "معايير التفعيل تحتاج نوع خطر واحداً على الأقل.");
    public static readonly Text MinimumSeverityRequired = new("MinimumSeverity is required.", "أدنى درجة خطورة مطلوبة.");
    public static readonly Text PlanTasksRequired = new("A plan needs at least one task, and at most 100.", "الخطة تحتاج مهمة واحدة على الأقل، و100 كحد أقصى.");
    public static readonly Text PlanTaskMissing = new("The task is empty.", "المهمة فارغة.");
    public static readonly Text TaskIdShape = new("TaskId must be 2 to 40 lower-case letters, digits or hyphens.", "معرّف المهمة من 2 إلى 40 حرفاً لاتينياً صغيراً أو رقماً أو شرطة.");
    public static readonly Text DueAfterMinutes = new("DueAfterMinutes must be 1 to 43200 (30 days) after the plan's activation.", "موعد الإنجاز من 1 إلى 43200 دقيقة (30 يوماً) بعد تفعيل الخطة.");
    public static readonly Text ChecklistTexts = new("Each checklist item needs its text in Arabic and in English; at most 50 items.", "كل بند في قائمة التحقق يحتاج نصه بالعربية وبالإنجليزية؛ 50 بنداً كحد أقصى.");
    public static readonly Text CapabilityShape = new("Capability must be 2 to 60 lower-case letters, digits or hyphens, e.g. swift-water-rescue-team.", "القدرة من 2 إلى 60 حرفاً لاتينياً صغيراً أو رقماً أو شرطة، مثل swift-water-rescue-team.");
    public static readonly Text Quantity = new("Quantity must be 1 to 100000, and comes with a capability.", "الكمية من 1 إلى 100000، وتأتي مع قدرة.");
    public static readonly Text PlanChangeReasonRequired = new("Reason is required: say why the plan changes.", "السبب مطلوب: اذكر سبب تغيير الخطة.");
    public static readonly Text ExpectedPlanVersion = new("ExpectedVersion must be a version the plan has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّت به الخطة (1 أو أكثر).");
    public static readonly Text StandDownReasonRequired = new("Reason is required: say why the plan stands down.", "السبب مطلوب: اذكر سبب إنهاء تفعيل الخطة.");
    public static readonly Text TaskNoteRequired = new("Note is required: say what has been done.", "الملاحظة مطلوبة: اذكر ما تم إنجازه.");

    public static readonly Text CsvEmpty = new("The CSV has no rows: the first line names the columns, each further line is a risk.", "ملف CSV بلا صفوف: السطر الأول أسماء الأعمدة، وكل سطر بعده خطر.");

    public static Text CsvValue(string? value) => new($"'{value}' cannot be read here (names are written exactly, dates as yyyy-MM-dd, scores as 1 to 5).", $"تعذّرت قراءة '{value}' هنا (الأسماء تُكتب كما هي، والتواريخ yyyy-MM-dd، والدرجات من 1 إلى 5).");

    public static Text CsvCodeTwice(string? code) => new($"Code '{code}' is on more than one line of the file.", $"الرمز '{code}' مكرر في أكثر من سطر من الملف.");

    public static readonly Text ActivityLogPeriod = new("'from' and 'to' are required, 'to' after 'from', at most 31 days apart.", "'from' و'to' مطلوبان، و'to' بعد 'from'، وبينهما 31 يوماً على الأكثر.");
    public static readonly Text ActivityLogFormat = new("'format' must be csv or html.", "الصيغة يجب أن تكون csv أو html.");

    public static Text EdxlNotAcceptable(string what) => new($"The EDXL-DE envelope cannot be taken in: {what}.", $"تعذّر قبول مغلف EDXL-DE: {what}.");

    public static Text CapNotAcceptable(string what) => new($"The CAP message cannot be taken in: {what}.", $"تعذّر قبول رسالة CAP: {what}.");

    public static Text RiskCodeTaken(string? code) => new($"Code '{code}' is already used by another risk.", $"الرمز '{code}' مستخدم لخطر آخر.");

    public static Text PlanCodeTaken(string? code) => new($"Code '{code}' is already used by another plan.", $"الرمز '{code}' مستخدم لخطة أخرى.");

    public static Text UnknownRisk(string? code) => new($"Risk '{code}' is not in the register.", $"الخطر '{code}' غير موجود في السجل الوطني للمخاطر.");

    public static Text TaskIdTwice(string? id) => new($"Task id '{id}' is used by another task of the plan.", $"معرّف المهمة '{id}' مستخدم لمهمة أخرى في الخطة.");

    public static Text RuleIdUsedTwice(string? id) => new($"The rule id '{id}' is used by another rule.", $"معرّف القاعدة '{id}' مستخدم في قاعدة أخرى.");

    public static Text UnknownDistrict(string? district) => new($"District '{district}' is not one of Libya's districts.", $"'{district}' ليست من شعبيات ليبيا.");

    public static Text UnknownAgency(string? agency) => new($"Agency '{agency}' is not known.", $"الجهة '{agency}' غير معروفة.");

    public static Text AgencyKind(IEnumerable<string> kinds) => new($"Kind must be one of {string.Join(", ", kinds)}.", $"نوع الجهة واحد من: {string.Join("، ", kinds)}.");

    public static Text Limit(int max) => new($"'limit' must be between 1 and {max}.", $"الحد الأقصى للنتائج يجب أن يكون بين 1 و{max}.");

    public static Text After(long after) => new($"'after' must be 0 or a position in the log, not {after}.", $"'after' يجب أن يكون 0 أو موضعاً في السجل، لا {after}.");

    public static Text Days(int max) => new($"'days' must be between 1 and {max}.", $"عدد الأيام يجب أن يكون بين 1 و{max}.");

    public static Text TooLong(string arabicName, int maxLength) => new($"{{PropertyName}} must be {maxLength} characters or fewer.", $"{arabicName}: {maxLength} حرفاً كحد أقصى.");

    public static Text HiddenCharacter(string arabicName, string? character) => new(
        $"{{PropertyName}} contains a hidden character ({character}: a control, zero-width, line-separator or text-direction character); remove it and send again.",
        $"{arabicName} يحتوي على رمز مخفي ({character}: رمز تحكم أو رمز بلا عرض أو فاصل أسطر أو رمز اتجاه نص)؛ احذفه وأعد الإرسال.");
}
