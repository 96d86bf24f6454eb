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
    public static readonly Text ClearanceChangeEmpty = new("Grant or Revoke must name at least one agency.", "اذكر جهة واحدة على الأقل لمنحها التخويل أو سحبه منها.");
    public static readonly Text ClearanceReasonRequired = new("Reason is required: say why the clearance changes.", "السبب مطلوب: اذكر سبب تغيير الجهات المخوّلة.");
    public static readonly Text ClearanceLeavesNobody = new("At least one agency must stay cleared for a restricted incident.", "يجب أن تبقى جهة مخوّلة واحدة على الأقل بالبلاغ المقيد.");
    public static Text GrantedAndRevoked(string? agency) => new($"Agency '{Shown(agency)}' cannot be both granted and revoked.", $"لا يمكن منح الجهة '{Shown(agency)}' التخويل وسحبه منها معاً.");
    public static Text AlreadyCleared(string agency) => new($"Agency '{Shown(agency)}' is already cleared for the incident.", $"الجهة '{Shown(agency)}' مخوّلة بالبلاغ من قبل.");
    public static Text NotCleared(string agency) => new($"Agency '{Shown(agency)}' is not cleared for the incident.", $"الجهة '{Shown(agency)}' ليست مخوّلة بالبلاغ.");
    public static readonly Text UpdateTextRequired = new("Text is required.", "نص التحديث مطلوب.");
    public static readonly Text StatusRequired = new("Status is required.", "الحالة مطلوبة.");
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
    public static readonly Text PasswordMostlySpaces = new("Password must have at least 12 characters that are not spaces or other blank characters.", "يجب أن تضم كلمة المرور 12 حرفاً على الأقل غير المسافات وغيرها من الفراغات.");
    public static readonly Text PasswordTooLong = new("Password must be 200 characters or fewer.", "كلمة المرور 200 حرف كحد أقصى.");
    public static readonly Text PasswordForNewUser = new("Password is required for a new user.", "كلمة المرور مطلوبة لمستخدم جديد.");

    public static readonly Text RulesRequired = new("Rules is required: the whole rule set, as exported.", "القواعد مطلوبة: مجموعة القواعد كاملة كما تُصدَّر.");
    public static readonly Text RulesEmpty = new(
        "Rules is empty: with no rule every incident would alert the fallback agencies alone. Send the whole rule set.",
        "القواعد فارغة: بلا قاعدة لا يُنبَّه عن أي بلاغ إلا الجهات الاحتياطية. أرسل مجموعة القواعد كاملة.");
    public static readonly Text ReasonRequired = new("Reason is required: say why the rules change.", "السبب مطلوب: اذكر سبب تغيير القواعد.");
    public static readonly Text RuleMissing = new("The rule is empty.", "القاعدة فارغة.");
    public static readonly Text RuleIdRequired = new("Every rule needs an id.", "كل قاعدة تحتاج معرّفاً.");
    public static readonly Text RuleIdShape = new("The rule id must be 3 to 60 lower-case letters, digits or hyphens: it is written on every alert the rule raises.",
        "يجب أن يتكوّن معرّف القاعدة من 3 إلى 60 حرفاً لاتينياً صغيراً أو رقماً أو شرطة: فهو يُكتب على كل تنبيه تطلقه القاعدة.");
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
    public static readonly Text Quantity = new("Quantity must be 1 to 100000, and comes with a capability.", "الكمية من 1 إلى 100000، وتأتي مع قدرة.");
    public static readonly Text PlanChangeReasonRequired = new("Reason is required: say why the plan changes.", "السبب مطلوب: اذكر سبب تغيير الخطة.");
    public static readonly Text ExpectedPlanVersion = new("ExpectedVersion must be a version the plan has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّت به الخطة (1 أو أكثر).");
    public static readonly Text StandDownReasonRequired = new("Reason is required: say why the plan stands down.", "السبب مطلوب: اذكر سبب إنهاء تفعيل الخطة.");
    public static readonly Text TaskNoteRequired = new("Note is required: say what has been done.", "الملاحظة مطلوبة: اذكر ما تم إنجازه.");

    public static readonly Text HoldingsRequired = new("Holdings is required: every capability the agency holds, with its count and district (an empty list declares nothing held); at most 500 lines.", "القدرات مطلوبة: كل قدرة لدى الجهة مع عددها وشعبيتها (القائمة الفارغة تعني أن لا شيء لديها)؛ 500 سطر كحد أقصى.");
    public static readonly Text HoldingMissing = new("The line is empty: give its capability, count and district.", "السطر فارغ: اذكر القدرة وعددها وشعبيتها.");
    public static readonly Text HoldingCount = new("Count must be a whole number from 0 to 100000.", "العدد يجب أن يكون عدداً صحيحاً من 0 إلى 100000.");
    public static readonly Text CapabilityRequired = new("Capability is required: one of the codes of GET /api/reference/capabilities.", "القدرة مطلوبة: أحد رموز القدرات المعتمدة.");
    public static readonly Text DeclarationReasonRequired = new("Reason is required: say why the holdings change.", "السبب مطلوب: اذكر سبب تغيير القدرات.");
    public static readonly Text ExpectedDeclarationVersion = new("ExpectedVersion must be 0 (nothing declared yet) or a version the declaration has had.", "الإصدار المتوقع يجب أن يكون 0 (لم يُعلن شيء بعد) أو إصداراً مرّ به الإعلان.");
    public static readonly Text ReviewDateInFuture = new("NextReview is required: a date after today, within ten years.", "موعد المراجعة القادمة مطلوب: تاريخ بعد اليوم وخلال عشر سنوات.");

    public static Text UnknownCapability(string? code) => new($"Capability '{Shown(code)}' is not one of the capabilities the hub knows (GET /api/reference/capabilities).", $"القدرة '{Shown(code)}' ليست من القدرات المعتمدة في المنصة.");

    public static Text HoldingTwice(string? capability, string? district) => new(
        $"Capability '{Shown(capability)}' in district '{Shown(district)}' is on another line: give one line with the whole count.",
        $"القدرة '{Shown(capability)}' في الشعبية '{Shown(district)}' مكررة في سطر آخر: اجمعها في سطر واحد بالعدد كاملاً.");

    public static readonly Text ScenarioCodeShape = new("Code must be 3 to 60 lower-case letters, digits or hyphens.", "رمز السيناريو من 3 إلى 60 حرفاً لاتينياً صغيراً أو رقماً أو شرطة.");
    public static readonly Text ScenarioCodeFixed = new("A scenario's code cannot change: enter a new scenario instead.", "رمز السيناريو لا يتغيّر: أدخل سيناريو جديداً بدلاً من ذلك.");
    public static readonly Text ScenarioTitlesRequired = new("Both titles are required, in Arabic and in English.", "العنوانان مطلوبان، بالعربية وبالإنجليزية.");
    public static readonly Text ScenarioDuration = new("DurationMinutes must be 1 to 10080 (a week), and not before the last inject.", "مدة التمرين من 1 إلى 10080 دقيقة (أسبوع)، ولا تنتهي قبل آخر مُدخل.");
    public static readonly Text ParticipantsRequired = new("Participants must name at least one agency in play.", "المشاركون: اذكر جهة مشاركة واحدة على الأقل.");
    public static readonly Text InjectsRequired = new("A scenario needs at least one inject, and at most 500.", "السيناريو يحتاج مُدخلاً واحداً على الأقل، و500 كحد أقصى.");
    public static readonly Text InjectMissing = new("The inject is empty.", "المُدخل فارغ.");
    public static readonly Text InjectTime = new("AtMinutes must be 0 or more, not earlier than the inject before it, and within the exercise's duration.", "وقت المُدخل 0 أو أكثر، لا يسبق المُدخل الذي قبله، وضمن مدة التمرين.");
    public static readonly Text InjectKindRequired = new("Kind is required: Report, Update, Severity or Message.", "نوع المُدخل مطلوب: بلاغ أو تحديث أو درجة خطورة أو رسالة.");
    public static readonly Text InjectIncidentShape = new("Incident must be the scenario's key for the incident: 2 to 40 lower-case letters, digits or hyphens.", "الحادث يُذكر بمفتاحه في السيناريو: من 2 إلى 40 حرفاً لاتينياً صغيراً أو رقماً أو شرطة.");
    public static readonly Text InjectTextsRequired = new("The text is required, in Arabic and in English.", "النص مطلوب، بالعربية وبالإنجليزية.");
    public static readonly Text MessageAgenciesRequired = new("A message needs at least one agency to go to.", "الرسالة تحتاج جهة واحدة على الأقل تُرسل إليها.");
    public static readonly Text ExpectedActionRequired = new("Action is required: Acknowledge, ActivatePlan or CompleteTask.", "الإجراء المتوقع مطلوب: تأكيد الاستلام أو تفعيل خطة أو إنجاز مهمة.");
    public static readonly Text ExpectedWithin = new("WithinMinutes must be 1 to 1440 (a day).", "المهلة من 1 إلى 1440 دقيقة (يوم).");
    public static readonly Text ExpectedPlanRequired = new("Plan is required: the code of a plan in the library.", "الخطة مطلوبة: رمز خطة في مكتبة الخطط.");
    public static readonly Text ExpectedTaskRequired = new("Task is required: the id of one of the plan's tasks.", "المهمة مطلوبة: معرّف إحدى مهام الخطة.");
    public static readonly Text ImprovementActionRequired = new("The action is required, in Arabic and in English.", "الإجراء مطلوب، بالعربية وبالإنجليزية.");
    public static readonly Text OwnerAgencyRequired = new("OwnerAgency is required.", "الجهة المسؤولة مطلوبة.");
    public static readonly Text DueDateRequired = new("DueDate is required: a date within five years of today.", "تاريخ الاستحقاق مطلوب: تاريخ في حدود خمس سنوات من اليوم.");
    public static readonly Text NewDueDate = new("DueDate is required: today or later, within five years.", "تاريخ الاستحقاق الجديد مطلوب: اليوم أو بعده، وخلال خمس سنوات.");
    public static readonly Text ImprovementSourceId = new("SourceId is required for a source of Exercise or Meeting, and must be absent for None.", "معرّف المصدر مطلوب إذا كان المصدر تمريناً أو اجتماعاً، ولا يُذكر إذا لم يكن هناك مصدر.");
    public static readonly Text CompletionNoteRequired = new("Note is required: say what was done.", "الملاحظة مطلوبة: اذكر ما تم إنجازه.");
    public static readonly Text DueDateReasonRequired = new("Reason is required: say why the due date moves.", "السبب مطلوب: اذكر سبب تغيير تاريخ الاستحقاق.");
    public static readonly Text DueDateUnchanged = new("DueDate must differ from the item's current due date.", "تاريخ الاستحقاق الجديد يجب أن يختلف عن الحالي.");
    public static readonly Text MeetingDateRequired = new("HeldOn is required: the day the meeting was held, not in the future.", "تاريخ الاجتماع مطلوب: يوم انعقاده، وليس في المستقبل.");
    public static readonly Text MeetingDateRange = new("HeldOn must be the day the meeting was held: not in the future, and within the last five years.", "يجب أن يكون تاريخ الاجتماع يوم انعقاده: ليس في المستقبل، وفي حدود السنوات الخمس الماضية.");
    public static readonly Text MeetingAgenciesRequired = new("Agencies must name at least one attending agency, and at most 100.", "الجهات الحاضرة: اذكر جهة واحدة على الأقل، و100 كحد أقصى.");
    public static readonly Text DecisionTextRequired = new("Each decision is required, in Arabic and in English; at most 50 decisions.", "كل قرار مطلوب بالعربية وبالإنجليزية؛ 50 قراراً كحد أقصى.");
    public static readonly Text MeetingActionsLimit = new("A meeting records at most 50 action items.", "الاجتماع يسجّل 50 بند عمل كحد أقصى.");
    public static readonly Text ImprovementStatus = new("Status must be Open or Done.", "الحالة: مفتوح أو منجز.");
    public static readonly Text AgendaDays = new("Days must be 0 to 365.", "عدد الأيام من 0 إلى 365.");
    public static readonly Text NoSuchExercise = new("SourceId must name an exercise that was started.", "معرّف المصدر يجب أن يكون لتمرين بدأ.");
    public static readonly Text NoSuchMeeting = new("SourceId must name a recorded coordination meeting.", "معرّف المصدر يجب أن يكون لاجتماع تنسيقي مسجّل.");
    public static readonly Text ScenarioChangeReasonRequired = new("Reason is required: say why the scenario changes.", "السبب مطلوب: اذكر سبب تغيير السيناريو.");
    public static readonly Text ExpectedScenarioVersion = new("ExpectedVersion must be a version the scenario has had (1 or more).", "الإصدار المتوقع يجب أن يكون إصداراً مرّ به السيناريو (1 أو أكثر).");
    public static readonly Text ScenarioRequired = new("Scenario is required: the code of a scenario in the library.", "السيناريو مطلوب: رمز سيناريو في المكتبة.");
    public static readonly Text Speed = new("Speed must be 1 (real time) to 60 (an hour a minute).", "السرعة من 1 (الوقت الحقيقي) إلى 60 (ساعة كل دقيقة).");
    public static readonly Text SimulatedDelay = new("AcknowledgeAfterMinutes must be 0 to 1440, or absent for an agency that never acknowledges.", "مهلة التأكيد من 0 إلى 1440 دقيقة، أو تُترك فارغة لجهة لا تؤكد أبداً.");
    public static readonly Text FindingKindRequired = new("Kind is required: Strength or Gap.", "نوع الملاحظة مطلوب: نقطة قوة (Strength) أو ثغرة (Gap).");
    public static readonly Text FindingTextArRequired = new("TextAr is required: the finding in Arabic.", "نص الملاحظة بالعربية مطلوب.");
    public static readonly Text FindingTextEnRequired = new("TextEn is required: the finding in English.", "نص الملاحظة بالإنجليزية مطلوب.");
    public static readonly Text OneProposal = new("A finding proposes a re-score or a plan change, not both.", "الملاحظة تقترح إعادة تقييم خطر أو تعديل خطة، لا الاثنين معاً.");
    public static readonly Text RiskIdRequired = new("RiskId is required: the risk to re-score.", "معرّف الخطر المقترح إعادة تقييمه مطلوب.");
    public static readonly Text RescoreNothing = new("Give a new likelihood, new impacts, or both.", "اذكر احتمالاً جديداً أو آثاراً جديدة أو كليهما.");
    public static Text ImpactDimension(string dimension) => new(
        $"The impact on '{dimension}' must be 1 to 5: a proposed impact gives all eight dimensions, each 1 to 5.",
        $"الأثر في '{dimension}' يجب أن يكون من 1 إلى 5: يذكر الأثر المقترح الأبعاد الثمانية كلها، كلاً من 1 إلى 5.");
    public static readonly Text ScoreOneToFive = new("Scores are 1 to 5.", "الدرجات من 1 إلى 5.");
    public static readonly Text ProposalReasonRequired = new("Reason is required: say why the exercise suggests the re-score.", "السبب مطلوب: اذكر لماذا يقترح التمرين إعادة التقييم.");
    public static readonly Text PlanIdRequired = new("PlanId is required: the plan to change.", "معرّف الخطة المقترح تعديلها مطلوب.");
    public static readonly Text PlanChangeRequired = new("Change is required: the text of the change proposed.", "نص التعديل المقترح على الخطة مطلوب.");
    public static Text UnknownRiskId(Guid? riskId) => new($"There is no risk {riskId} in the register.", $"لا يوجد خطر {riskId} في السجل.");
    public static Text UnknownPlanId(Guid? planId) => new($"There is no contingency plan {planId}.", $"لا توجد خطة طوارئ {planId}.");
    public static readonly Text DecisionRequired = new("Accept is required: true to accept the proposal, false to decline it.", "القرار مطلوب: true لقبول المقترح، false لرفضه.");
    public static readonly Text DecisionReasonRequired = new("Reason is required: say why the proposal is accepted or declined.", "السبب مطلوب: اذكر سبب قبول المقترح أو رفضه.");
    public static readonly Text AbortReasonRequired = new("Reason is required: say why the exercise ends early.", "السبب مطلوب: اذكر سبب إنهاء التمرين قبل موعده.");

    public static Text ScenarioCodeTaken(string? code) => new($"Code '{Shown(code)}' is already used by another scenario.", $"الرمز '{Shown(code)}' مستخدم لسيناريو آخر.");

    public static Text IncidentReportedTwice(string? key) => new($"Incident '{Shown(key)}' is already reported by an earlier inject: a later one updates it.", $"الحادث '{Shown(key)}' بُلّغ عنه في مُدخل سابق: المُدخلات اللاحقة تحدّثه.");

    public static Text IncidentNotReportedYet(string? key) => new($"Incident '{Shown(key)}' is not reported by an earlier inject.", $"الحادث '{Shown(key)}' لم يُبلَّغ عنه في مُدخل سابق.");

    public static Text NotAnExerciseParticipant(string? agency) => new($"Agency '{Shown(agency)}' does not take part in this exercise: a finding concerns one of its participants.",
        $"الجهة '{Shown(agency)}' لا تشارك في هذا التمرين: يجب أن تخص الملاحظة إحدى الجهات المشاركة فيه.");

    public static Text NotAParticipant(string? agency) => new($"Agency '{Shown(agency)}' is not among the scenario's participants.", $"الجهة '{Shown(agency)}' ليست من الجهات المشاركة في السيناريو.");

    public static Text UnknownPlan(string? code) => new($"Plan '{Shown(code)}' is not in the library of contingency plans.", $"الخطة '{Shown(code)}' غير موجودة في مكتبة خطط الطوارئ.");

    public static Text UnknownTask(string? plan, string? task) => new($"Plan '{Shown(plan)}' has no task '{Shown(task)}'.", $"الخطة '{Shown(plan)}' ليس فيها المهمة '{Shown(task)}'.");

    /// <summary>A problem with one inject, named by its number (from 1) and field, as the scenario's author counts them.</summary>
    public static Text InInject(int number, string? field, Text problem) => field is null
        ? new($"Inject {number}: {problem.English}", $"المُدخل {number}: {problem.Arabic}")
        : new($"Inject {number}, {field}: {problem.English.Replace("{PropertyName}", field, StringComparison.Ordinal)}",
            $"المُدخل {number}، الحقل {field}: {problem.Arabic}");

    public static readonly Text CsvEmpty = new("The CSV has no rows: the first line names the columns, each further line is a risk.", "ملف CSV بلا صفوف: السطر الأول أسماء الأعمدة، وكل سطر بعده خطر.");

    public static Text CsvValue(string? value) => new($"'{Shown(value)}' cannot be read here (names are written exactly, dates as yyyy-MM-dd, scores as 1 to 5).", $"تعذّرت قراءة '{Shown(value)}' هنا (الأسماء تُكتب كما هي، والتواريخ yyyy-MM-dd، والدرجات من 1 إلى 5).");

    public static Text CsvNotUtf8(int line) => new(
        $"The file is not UTF-8 text (line {line} holds bytes that are not UTF-8): save it as CSV UTF-8 and send it again.",
        $"الملف ليس نصاً بترميز UTF-8 (في السطر {line} بايتات ليست UTF-8): احفظه بصيغة CSV UTF-8 وأرسله من جديد.");

    public static Text CsvHeader(IEnumerable<string> missing, IEnumerable<string> unexpected)
    {
        // The names come from the caller's file: each shown safely, and a header of thousands of columns named by its first ones.
        static string Names(IEnumerable<string> names) => string.Join(", ", names.Take(10).Select(n => $"'{Shown(n)}'")) + (names.Skip(10).Any() ? ", …" : "");
        var (lacks, extra) = (Names(missing), Names(unexpected));
        return new(
            $"The first line is not the export's header{(lacks.Length > 0 ? $"; missing: {lacks}" : "")}{(extra.Length > 0 ? $"; not a column of the register (or named twice): {extra}" : "")}.",
            $"السطر الأول ليس سطر أسماء الأعمدة كما في التصدير{(lacks.Length > 0 ? $"؛ ينقصه: {lacks}" : "")}{(extra.Length > 0 ? $"؛ أعمدة ليست من أعمدة السجل (أو مكررة): {extra}" : "")}.");
    }

    public static Text CsvCellCount(int line, int cells, int columns) => new(
        $"Line {line} has {cells} cells where the first line names {columns} columns (a comma too many or too few, or a value with a comma not in double quotes).",
        $"عدد الخانات في السطر {line}: {cells}، وعدد الأعمدة التي يسمّيها السطر الأول: {columns} (فاصلة زائدة أو ناقصة، أو قيمة فيها فاصلة دون علامتي تنصيص).");

    public static Text CsvUnclosedQuote(int line) => new(
        $"A double quote opened on line {line} is never closed, so the rest of the file cannot be read as rows.",
        $"علامة تنصيص مزدوجة فُتحت في السطر {line} ولم تُغلق، فتعذّرت قراءة بقية الملف صفوفاً.");

    public static Text CsvCodeTwice(string? code) => new($"Code '{Shown(code)}' is on more than one line of the file.", $"الرمز '{Shown(code)}' مكرر في أكثر من سطر من الملف.");

    public static readonly Text AsOfYears = new("'asOf' must be a moment between 2000 and 2099.", "'asOf' يجب أن يكون لحظة بين عامي 2000 و2099.");
    public static readonly Text ActivityLogPeriod = new("'from' and 'to' are required, between 2000 and 2099, 'to' after 'from', at most 31 days apart.", "'from' و'to' مطلوبان، بين عامي 2000 و2099، و'to' بعد 'from'، وبينهما 31 يوماً على الأكثر.");
    public static readonly Text ActivityLogFormat = new("'format' must be csv or html.", "الصيغة يجب أن تكون csv أو html.");

    public static Text EdxlNotAcceptable(Text what) => new($"The EDXL-DE envelope cannot be taken in: {what.English}.", $"تعذّر قبول مغلف EDXL-DE: {what.Arabic}.");

    public static Text CapNotAcceptable(Text what) => new($"The CAP message cannot be taken in: {what.English}.", $"تعذّر قبول رسالة CAP: {what.Arabic}.");

    /// <summary>A change sent without the whole thing it changes (<c>{"expectedVersion": 1}</c> alone).</summary>
    public static Text WholeRequired(string field, string english, string arabic) =>
        new($"'{field}' is required: send the whole {english} as it should stand.", $"'{field}' مطلوب: أرسل كامل {arabic} بعد التعديل.");

    public static readonly Text RegisterExportFormat = new("'format' must be csv or json.", "الصيغة يجب أن تكون csv أو json.");

    public static Text UnknownHazard(string? hazard) => new($"Hazard '{Shown(hazard)}' is not one of the hazards listed (GET /api/reference/hazards); names are written exactly.", $"الخطر '{Shown(hazard)}' ليس من الأخطار المدرجة (GET /api/reference/hazards)؛ تُكتب الأسماء كما هي تماماً.");

    /// <summary>A query or route value that is not of its parameter's kind (a number, a date, an id, one of a list); the value is cut short, never echoed whole.</summary>
    public static Text UnreadableValue(string name, string value)
    {
        var shown = Shown(value);
        return new($"'{name}' cannot be read from '{shown}': see the README's API tables for what it takes.", $"تعذّرت قراءة '{name}' من '{shown}': انظر جداول الواجهة في دليل الاستخدام لما يقبله.");
    }

    /// <summary>A filter naming none of its list's values (<c>names</c>: the list, in the order the README gives it).</summary>
    public static Text UnknownStatus(string? status, string names) => new(
        $"Status '{Shown(status)}' is not one of {names}; names are written exactly.", $"الحالة '{Shown(status)}' ليست من الحالات: {names}؛ تُكتب الأسماء كما هي تماماً.");

    public static Text UnknownTheme(string? theme, string names) => new(
        $"Theme '{Shown(theme)}' is not one of {names}; names are written exactly.", $"المحور '{Shown(theme)}' ليس من محاور السجل: {names}؛ تُكتب الأسماء كما هي تماماً.");

    public static Text UnknownImprovementSource(string? source, string names) => new(
        $"Source '{Shown(source)}' is not one of {names}; names are written exactly.", $"المصدر '{Shown(source)}' ليس من المصادر: {names}؛ تُكتب الأسماء كما هي تماماً.");

    /// <summary>A value the caller sent, as every refusal shows one (<see cref="SentValue"/>).</summary>
    private static string Shown(string? value) => SentValue.Shown(value);

    public static Text VersionAhead(int expected, int latest) => new(
        $"expectedVersion {expected} is beyond the latest version, {latest}: send the version you read.",
        $"الإصدار المتوقع {expected} يتجاوز آخر إصدار ({latest}): أرسل رقم الإصدار الذي قرأته.");

    public static readonly Text RiskCodeFixed = new("A risk's code cannot change: enter a new risk instead.", "رمز الخطر لا يتغيّر: أدخل خطراً جديداً بدلاً من ذلك.");

    public static Text RiskCodeTaken(string? code) => new($"Code '{Shown(code)}' is already used by another risk.", $"الرمز '{Shown(code)}' مستخدم لخطر آخر.");

    public static Text PlanCodeTaken(string? code) => new($"Code '{Shown(code)}' is already used by another plan.", $"الرمز '{Shown(code)}' مستخدم لخطة أخرى.");

    public static Text UnknownRisk(string? code) => new($"Risk '{Shown(code)}' is not in the register.", $"الخطر '{Shown(code)}' غير موجود في السجل الوطني للمخاطر.");

    public static Text AgencyListedTwice(string? agency) => new($"Agency '{Shown(agency)}' is listed more than once.", $"الجهة '{Shown(agency)}' مذكورة أكثر من مرة.");
    public static Text TaskIdTwice(string? id) => new($"Task id '{Shown(id)}' is used by another task of the plan.", $"معرّف المهمة '{Shown(id)}' مستخدم لمهمة أخرى في الخطة.");

    public static Text RuleIdUsedTwice(string? id) => new($"The rule id '{Shown(id)}' is used by another rule.", $"معرّف القاعدة '{Shown(id)}' مستخدم في قاعدة أخرى.");

    public static Text UnknownDistrict(string? district) => new($"District '{Shown(district)}' is not one of Libya's districts.", $"'{Shown(district)}' ليست من شعبيات ليبيا.");

    public static Text DutyOfficeNotAlerted(string? agency) => new(
        $"Agency '{Shown(agency)}' is the duty office: it sees every incident already and has no liaison to acknowledge an alert, so an alert to it could only escalate. Name the agencies that respond.",
        $"الجهة '{Shown(agency)}' هي مكتب المناوبة: ترى كل البلاغات أصلاً ولا ضابط اتصال لها يؤكد استلام التنبيه، فالتنبيه إليها لا ينتهي إلا بالتصعيد. اذكر الجهات المستجيبة.");

    public static Text DutyOfficeNotTasked(string? agency) => new(
        $"Agency '{Shown(agency)}' is the duty office: only an agency's liaisons progress its tasks and the duty office has none, so a task for it could only escalate. Give the task to an agency that responds.",
        $"الجهة '{Shown(agency)}' هي مكتب المناوبة: لا يتابع مهام الجهة إلا ضباط اتصالها ولا ضابط اتصال لمكتب المناوبة، فالمهمة له لا تنتهي إلا بالتصعيد. أسند المهمة إلى جهة مستجيبة.");

    public static Text DutyOfficeOwnsNoItem(string? agency) => new(
        $"Agency '{Shown(agency)}' is the duty office: only an agency's liaisons complete its improvement items and the duty office has none. Give the item to the agency that must act.",
        $"الجهة '{Shown(agency)}' هي مكتب المناوبة: لا يُنجز بنود التحسين إلا ضباط اتصال الجهة المسؤولة ولا ضابط اتصال لمكتب المناوبة. أسند البند إلى الجهة التي عليها التنفيذ.");

    public static Text DutyOfficeNotParticipant(string? agency) => new(
        $"Agency '{Shown(agency)}' is the duty office: an exercise alerts its participants' liaisons and the duty office has none; it runs the exercise rather than playing in it.",
        $"الجهة '{Shown(agency)}' هي مكتب المناوبة: ينبّه التمرين ضباط اتصال الجهات المشاركة ولا ضابط اتصال لمكتب المناوبة؛ فهو يدير التمرين ولا يشارك فيه.");

    public static Text DutyOfficeHoldsNothing(string? agency) => new(
        $"Agency '{Shown(agency)}' is the duty office: no plan's task is ever its own, so what it holds would fill no gap. Declare the holdings under the agency that deploys them.",
        $"الجهة '{Shown(agency)}' هي مكتب المناوبة: لا تُسند إليها مهمة في أي خطة، فما تملكه لا يسد فجوة. أعلن القدرات باسم الجهة التي تنشرها.");

    public static Text DutyOfficeHasNoLiaison(string? agency) => new(
        $"Agency '{Shown(agency)}' is the duty office, which has no liaisons: register its staff as operators or commanders.",
        $"الجهة '{Shown(agency)}' هي مكتب المناوبة ولا ضباط اتصال لها: سجّل موظفيها مشغلين أو قادة.");

    public static Text UnknownAgency(string? agency) => new($"Agency '{Shown(agency)}' is not known.", $"الجهة '{Shown(agency)}' غير معروفة.");

    public static Text AgencyKind(IEnumerable<string> kinds) => new($"Kind must be one of {string.Join(", ", kinds)}.", $"نوع الجهة واحد من: {string.Join("، ", kinds)}.");

    public static Text Limit(int max) => new($"'limit' must be between 1 and {max}.", $"الحد الأقصى للنتائج يجب أن يكون بين 1 و{max}.");

    public static Text After(long after) => new($"'after' must be 0 or a position in the log, not {after}.", $"'after' يجب أن يكون 0 أو موضعاً في السجل، لا {after}.");

    public static Text ExportFrom(long from) => new($"'from' must be a position in the log (1 or more), not {from}.", $"'from' يجب أن يكون موضعاً في السجل (1 أو أكثر)، لا {from}.");

    public static Text ExportTo(long to) => new($"'to' must be a position in the log, at or after 'from', not {to}.", $"'to' يجب أن يكون موضعاً في السجل لا يسبق 'from'، لا {to}.");

    public static Text BeyondHead(string field, long value, long head) => new(
        $"'{field}' is {value}, but the log ends at position {head}.",
        $"'{field}' قيمته {value}، لكن السجل ينتهي عند الموضع {head}.");

    public static Text BeyondSealed(string field, long value, long sealedTo) => new(
        $"'{field}' is {value}, but the log is sealed up to position {sealedTo} and only seals follow it.",
        $"'{field}' قيمته {value}، لكن السجل مختوم حتى الموضع {sealedTo} ولا يليه إلا الأختام.");

    public static Text Days(int max) => new($"'days' must be between 1 and {max}.", $"عدد الأيام يجب أن يكون بين 1 و{max}.");

    public static readonly Text PrintFormat = new("'format' must be html or pdf.", "الصيغة يجب أن تكون html (صفحة للطباعة) أو pdf.");

    public static readonly Text EvaluationPeriod = new("'period' must be week, month or quarter.", "'period' يجب أن تكون week (أسبوع) أو month (شهر) أو quarter (ربع سنة).");

    public static Text EvaluationDate(string field) => new($"'{field}' must be a date written yyyy-MM-dd, from 2000-01-01 to 2099-12-31.", $"'{field}' يجب أن يكون تاريخاً بالصيغة yyyy-MM-dd، من 2000-01-01 إلى 2099-12-31.");

    public static readonly Text EvaluationFromAndTo = new("'from' and 'to' go together: give both or neither.", "'from' و'to' يأتيان معاً: اذكرهما كليهما أو لا تذكر أياً منهما.");

    public static Text EvaluationSpan(int max) => new($"'to' must be on or after 'from', and the period at most {max} days.", $"'to' يجب ألا يسبق 'from'، والفترة {max} يوماً كحد أقصى.");

    public static readonly Text EvaluationOneChoice = new(
        "Choose one period: 'exercise', or 'from' and 'to', or 'period' with 'ending'.",
        "اختر فترة واحدة: 'exercise'، أو 'from' و'to'، أو 'period' مع 'ending'.");

    public static readonly Text EvaluationFigure = new(
        "'figure' must be one of alerts, in-time, late, missed, waiting, escalated, updated, tasks, tasks-on-time, tasks-late, tasks-overdue, tasks-escalated.",
        "'figure' يجب أن يكون أحد: alerts, in-time, late, missed, waiting, escalated, updated, tasks, tasks-on-time, tasks-late, tasks-overdue, tasks-escalated.");

    public static readonly Text EvaluationLevel = new("'level' must be 1, 2 or 3.", "'level' يجب أن يكون 1 أو 2 أو 3.");

    public static Text TooLong(string arabicName, int maxLength) => new($"{{PropertyName}} must be {maxLength} characters or fewer.", $"{arabicName}: {maxLength} حرفاً كحد أقصى.");

    public static Text HiddenCharacter(string arabicName, string? character) => new(
        $"{{PropertyName}} contains a hidden character ({character}: a control, zero-width, line-separator or text-direction character); remove it and send again.",
        $"{arabicName} يحتوي على رمز مخفي ({character}: رمز تحكم أو رمز بلا عرض أو فاصل أسطر أو رمز اتجاه نص)؛ احذفه وأعد الإرسال.");

    // Sign-in and refresh: each field named by its JSON name; a length limit is a rule for every account, so it says nothing of any.
    public static readonly Text SignInUserNameRequired = new("'userName' is required: the name you sign in with.", "'userName' مطلوب: اسم المستخدم الذي تسجّل الدخول به.");
    public static readonly Text SignInPasswordRequired = new("'password' is required: your account's password.", "'password' مطلوب: كلمة مرور حسابك.");
    public static Text SignInUserNameTooLong(int max) => new($"'userName' must be {max} characters or fewer: no user name is longer.", $"'userName' لا يتجاوز {max} حرفاً: لا يوجد اسم مستخدم أطول من ذلك.");
    public static Text SignInPasswordTooLong(int max) => new($"'password' must be {max} characters or fewer: no password is longer.", $"'password' لا يتجاوز {max} حرفاً: لا توجد كلمة مرور أطول من ذلك.");
    public static readonly Text RefreshTokenMissing = new("'refreshToken' is required: the refresh token your last sign-in or refresh returned.", "'refreshToken' مطلوب: رمز التجديد الذي أعاده آخر تسجيل دخول أو تجديد.");
    public static Text RefreshTokenTooLong(int max) => new(
        $"'refreshToken' must be {max} characters or fewer: send the refresh token your last sign-in or refresh returned.",
        $"'refreshToken' لا يتجاوز {max} حرفاً: أرسل رمز التجديد الذي أعاده آخر تسجيل دخول أو تجديد.");
}
