using Coordination.Agencies.Contracts.Reference;

namespace Coordination.Hub.Refusals;

/// <summary>
/// The catalogue of refusals a person can read, each in English and Arabic. A use case refuses by throwing one
/// of these; REST turns it into ProblemDetails and the hub into a structured HubException (<see cref="Problems"/>).
/// Field-level validation messages are in <see cref="Invalid"/>; who may do what is in <c>Authorization/Policies</c>.
/// </summary>
public static class Refuse
{
    /// <summary>The ProblemDetails member of <see cref="AfterBeyondHead"/> that names where the caller's log ends.</summary>
    public const string HeadPositionMember = "headPosition";

    public static readonly Text BadRequestTitle = new("Bad request", "طلب غير صحيح");
    public static readonly Text InvalidFieldsTitle = new("The request has invalid fields.", "في الطلب حقول غير صحيحة.");
    public static readonly Text ForbiddenTitle = new("Forbidden", "غير مسموح");
    public static readonly Text NotFoundTitle = new("Not found", "غير موجود");
    public static readonly Text ConflictTitle = new("Conflict", "تعارض");
    public static readonly Text ChangedTitle = new("The incident changed since you read it.", "تغيّر البلاغ منذ أن قرأته؛ حدّث الصفحة وأعد المحاولة.");
    public static readonly Text TooManyTitle = new("Too many requests", "طلبات كثيرة");
    public static readonly Text TooLargeTitle = new("The request body is too large.", "حجم الطلب أكبر من المسموح.");
    public static readonly Text UnreadableTitle = new("The request could not be read.", "تعذّرت قراءة الطلب.");
    public static readonly Text UnsupportedContentTitle = new("The request's content type is not one this address reads.", "نوع محتوى الطلب ليس مما يقرؤه هذا العنوان.");

    /// <summary>415's detail: the content types the API reads.</summary>
    public static readonly Text SendContentType = new(
        "Send the body with the Content-Type its address reads: application/json for most, application/cap+xml for POST /api/cap, application/xml for POST /api/edxl, text/csv for a CSV import (see the README's API tables).",
        "أرسل محتوى الطلب بنوع Content-Type الذي يقرؤه عنوانه: application/json لأغلب العناوين، وapplication/cap+xml لـ POST /api/cap، وapplication/xml لـ POST /api/edxl، وtext/csv لاستيراد ملف CSV (انظر جداول الواجهة في دليل الاستخدام).");

    /// <summary>404 when no route matches: the hub's own refusals name what they could not find.</summary>
    public static readonly Text NoSuchAddress = new(
        "There is nothing at this address: check it against the README's API tables (an id is a GUID, a code as listed).",
        "لا شيء في هذا العنوان: قارنه بجداول الواجهة في دليل الاستخدام (المعرّف بصيغة GUID، والرمز كما هو مدرج).");

    /// <summary>400 for a request with no body where the endpoint reads one (or the JSON literal null).</summary>
    public static readonly Text NoBody = new("The request has no body: send the request as the endpoint's table in the README gives it.", "الطلب بلا محتوى: أرسل الطلب كما يصفه جدول هذا العنوان في دليل الاستخدام.");

    /// <summary>409: an agency registered can neither become the duty office nor stop being it.</summary>
    public static RefusalException DutyOfficeKindFixed(string code, string kind) => Conflict(new(
        $"Agency '{SentValue.Shown(code)}' is registered as {kind}: whether an agency is the duty office is fixed when it is registered, since routing rules, plans, clearances and users were checked against it. Register a new agency instead.",
        $"الجهة '{SentValue.Shown(code)}' مسجلة بنوع {kind}: كون الجهة مكتب المناوبة يُحدَّد عند تسجيلها، لأن قواعد التوجيه والخطط والتخويلات والمستخدمين فُحصت على أساسه. سجّل جهة جديدة بدلاً من ذلك."));

    /// <summary>413's detail: the address's limit, and what to send instead.</summary>
    public static Text TooLarge(long limit) => new(
        $"The body is larger than this address takes: at most {limit} bytes ({limit / 1024} KB). Send less: shorten the text, or split the file into smaller ones and send each.",
        $"محتوى الطلب أكبر مما يقبله هذا العنوان: {limit} بايت ({limit / 1024} KB) كحد أقصى. أرسل أقل من ذلك: اختصر النص، أو قسّم الملف إلى ملفات أصغر وأرسل كلاً منها.");

    /// <summary>401 without a token, or with one that is not the hub's: how to sign in, never why the token failed.</summary>
    public static readonly Text NotSignedInTitle = new("Not signed in", "لم تسجّل الدخول");

    public static readonly Text SignInFirst = new(
        "Sign in with POST /api/auth/token (your user name and password), then send the token it returns with each request as Authorization: Bearer <token>; renew it with POST /api/auth/refresh.",
        "سجّل الدخول عبر POST /api/auth/token (باسم المستخدم وكلمة المرور)، ثم أرسل الرمز الذي يعيده مع كل طلب في ترويسة Authorization: Bearer <token>، وجدّده عبر POST /api/auth/refresh.");

    /// <summary>401 of <c>/metrics</c>, which takes the metrics token rather than a user's.</summary>
    public static readonly Text SendMetricsToken = new(
        "Send the metrics token (Coordination:Telemetry:MetricsToken) as Authorization: Bearer <token>.",
        "أرسل رمز المقاييس (Coordination:Telemetry:MetricsToken) في ترويسة Authorization: Bearer <token>.");

    /// <summary>405: the address exists, but not for this method.</summary>
    public static readonly Text MethodNotAllowedTitle = new("Method not allowed", "هذا العنوان لا يقبل هذه الطريقة");

    public static Text TakesOnly(string method, IReadOnlyList<string> allowed) => new(
        $"This address does not take {SentValue.Shown(method)}; it takes {string.Join(", ", allowed)} (see the README's API tables).",
        $"هذا العنوان لا يقبل {SentValue.Shown(method)}؛ يقبل: {string.Join("، ", allowed)} (انظر جداول الواجهة في دليل الاستخدام).");

    public static Text MethodNotTaken(string method) => new(
        $"This address does not take {SentValue.Shown(method)}: see the README's API tables for the methods each address takes.",
        $"هذا العنوان لا يقبل {SentValue.Shown(method)}: انظر جداول الواجهة في دليل الاستخدام للطرق التي يقبلها كل عنوان.");

    /// <summary>409's detail for a stale expectedVersion.</summary>
    public static Text StaleVersion(Guid? incidentId, int expected, int actual) => new(
        $"Incident {incidentId} is at version {actual}, not the expected {expected}: reload it and try again.",
        $"البلاغ {incidentId} في الإصدار {actual}، لا الإصدار المتوقع {expected}: أعد تحميله وحاول مرة أخرى.");

    /// <summary>409's detail when another change was written at the same moment (no versions to name).</summary>
    public static readonly Text ChangedAtTheSameMoment = new(
        "Another change was written at the same moment, and nothing of this one was: reload and try again.",
        "كُتب تغيير آخر في اللحظة نفسها، ولم يُكتب شيء من هذا التغيير: أعد التحميل وحاول مرة أخرى.");

    /// <summary>403: the caller's role may not do this (the policy's own reason).</summary>
    public static RefusalException NotAllowed(Text reason) => new(StatusCodes.Status403Forbidden, ForbiddenTitle, reason);

    /// <summary>404: no such incident, or one the caller may not see (so its existence does not leak).</summary>
    public static RefusalException NoIncident(Guid incidentId) => NotFound(new(
        $"There is no incident {incidentId} that you can see.",
        $"لا يوجد بلاغ {incidentId} يمكنك رؤيته."));

    public static RefusalException NoAlertForYourAgency(Guid incidentId) => NotFound(new(
        $"Your agency has no alert for incident {incidentId}.",
        $"لا يوجد لجهتك تنبيه عن البلاغ {incidentId}."));

    public static RefusalException AlreadyAcknowledged(Guid incidentId, string? by) => Conflict(new(
        $"Your agency's alert for incident {incidentId} was already acknowledged by {by}.",
        $"سبق أن أكّد {by} استلام تنبيه جهتك عن البلاغ {incidentId}."));

    public static RefusalException StatusOnlyForward(string reference, IncidentStatus current, IncidentStatus to) => Conflict(new(
        $"Incident {reference} is {current}; it can only move forward, not to {to}.",
        $"البلاغ {reference} في حالة {current}؛ لا ينتقل إلا إلى الأمام، لا إلى {to}."));

    public static RefusalException IncidentClosed(string reference) => Conflict(new(
        $"Incident {reference} is closed.",
        $"البلاغ {reference} مغلق."));

    public static RefusalException ClearanceOnlyWhenRestricted(string reference) => Conflict(new(
        $"Incident {reference} is public: every agency routed to it sees it, and it has no clearance to change.",
        $"البلاغ {reference} عام: تراه كل جهة وُجّه إليها، وليست له جهات مخوّلة لتغييرها."));

    public static RefusalException EventIdUsedElsewhere(Guid eventId) => Conflict(new(
        $"EventId {eventId} was already used for another incident.",
        $"مفتاح الإرسال {eventId} استُخدم من قبل لبلاغ آخر."));

    public static RefusalException NoUser(string userName) => NotFound(new(
        $"There is no user '{Shown(userName)}'.",
        $"لا يوجد مستخدم '{Shown(userName)}'."));

    public static RefusalException EmptyRequest() => new(StatusCodes.Status400BadRequest, BadRequestTitle, new(
        "The request is empty.",
        "الطلب فارغ."));

    /// <summary>401, the one answer for an unknown name, a wrong password, a disabled user and an address locked out: it says none of these apart.</summary>
    public static RefusalException SignInFailed() => new(StatusCodes.Status401Unauthorized,
        new("Sign-in failed", "فشل تسجيل الدخول"),
        new("The user name or password is wrong, or the account cannot sign in now. Repeated failures slow sign-in down; if it keeps failing, ask an administrator.",
            "اسم المستخدم أو كلمة المرور غير صحيحة، أو لا يمكن للحساب تسجيل الدخول الآن. المحاولات الفاشلة المتكررة تبطئ تسجيل الدخول؛ إن استمر الفشل فاطلب المساعدة من المسؤول."));

    public static RefusalException RefreshFailed() => new(StatusCodes.Status401Unauthorized,
        new("Refresh failed", "فشل التجديد"),
        new("The refresh token is unknown, expired or already used: sign in again.", "رمز التجديد غير معروف أو منتهٍ أو مستخدم من قبل: سجّل الدخول من جديد."));

    public static RefusalException TooManySignIns(TimeSpan retryAfter) => TooMany(new(
        $"Too many sign-in attempts from this address. Try again in {Seconds(retryAfter)} s.",
        $"محاولات دخول كثيرة من هذا العنوان. أعد المحاولة بعد {Seconds(retryAfter)} ثانية."), retryAfter);

    public static RefusalException TooManyReports(TimeSpan retryAfter) => TooMany(new(
        $"Too many reports from this account in one minute. Try again in {Seconds(retryAfter)} s.",
        $"بلاغات كثيرة من هذا الحساب خلال دقيقة. أعد المحاولة بعد {Seconds(retryAfter)} ثانية."), retryAfter);

    /// <summary>401: the token has expired, or its user was disabled or given another role or agency since it was issued.</summary>
    public static RefusalException SessionEnded() => new(StatusCodes.Status401Unauthorized,
        new("Session ended", "انتهت الجلسة"),
        new("Your session has expired or your account was changed by an administrator: sign in again.",
            "انتهت جلستك أو غيّر المسؤول حسابك: سجّل الدخول من جديد."));

    public static RefusalException TooManyConnections(int limit) => TooMany(new(
        $"You already have {limit} live connections to this hub, the most allowed for one user: close another console or client first.",
        $"لديك {limit} اتصالات مفتوحة بهذا الخادم، وهو الحد الأقصى للمستخدم الواحد: أغلق واجهة أو عميلاً آخر أولاً."), TimeSpan.FromSeconds(30));

    public static RefusalException OnlyDutyOfficeLowersSeverity(string reference, Severity current, Severity requested) => NotAllowed(new(
        $"Incident {reference} is {current}: an agency may raise its severity, but lowering it to {requested} is for the duty office or a commander.",
        $"البلاغ {reference} بدرجة {current}: يمكن للجهة رفع درجة الخطورة، أما خفضها إلى {requested} فقرار مكتب المناوبة أو القائد."));

    public static RefusalException TooManyReads(TimeSpan retryAfter) => TooMany(new(
        $"Too many reads from this account in one minute. Try again in {Seconds(retryAfter)} s.",
        $"طلبات قراءة كثيرة من هذا الحساب خلال دقيقة. أعد المحاولة بعد {Seconds(retryAfter)} ثانية."), retryAfter);

    /// <summary>404: no risk with this id in the register.</summary>
    public static RefusalException NoRisk(Guid riskId) => NotFound(new(
        $"There is no risk {riskId} in the register.",
        $"لا يوجد خطر {riskId} في السجل."));

    /// <summary>403: a liaison may change only the risks their agency leads.</summary>
    public static RefusalException NotYourAgencysRisk(string code, string leadAgency) => NotAllowed(new(
        $"Risk '{code}' is led by {leadAgency}: only its liaisons and administrators change it.",
        $"الخطر '{code}' تقوده {leadAgency}: لا يغيّره إلا ضباط اتصالها والمسؤولون."));

    /// <summary>409: the routing rules were changed since the version this change was made from.</summary>
    public static RefusalException RulesChangedMeanwhile(int madeFrom) => new(StatusCodes.Status409Conflict,
        new("The routing rules changed since you read them.", "تغيّرت قواعد التوجيه منذ أن قرأتها."),
        new($"This change was made from version {madeFrom}, and another has been saved since: reload the rules, apply your change again, and save.",
            $"أُعدّ هذا التغيير على الإصدار {madeFrom}، وحُفظ تغيير آخر بعده: أعد تحميل القواعد، وطبّق تغييرك من جديد، ثم احفظ."));

    /// <summary>409: the risk was changed, or entered, since the version this change was made from.</summary>
    public static RefusalException RiskChangedMeanwhile(string code, int madeFrom) => new(StatusCodes.Status409Conflict,
        new("The risk changed since you read it.", "تغيّر الخطر منذ أن قرأته."),
        madeFrom == 0
            ? new($"A risk with the code '{Shown(code)}' has just been entered by someone else.", $"أدخل شخص آخر للتو خطراً بالرمز '{Shown(code)}'.")
            : new($"Risk '{Shown(code)}' was changed since version {madeFrom}: reload it, apply your change again, and save.",
                $"تغيّر الخطر '{Shown(code)}' بعد الإصدار {madeFrom}: أعد تحميله، وطبّق تغييرك من جديد، ثم احفظ."));

    /// <summary>409: an administrator may not disable their own account (the last one would lock everyone out).</summary>
    public static RefusalException CannotDisableYourself() => Conflict(new(
        "You cannot disable your own account: another administrator must.",
        "لا يمكنك تعطيل حسابك: يجب أن يفعل ذلك مسؤول آخر."));

    /// <summary>409: an administrator may not take the administrator's role from their own account (the last one would lock everyone out).</summary>
    public static RefusalException CannotDemoteYourself() => Conflict(new(
        "You cannot take the administrator's role from your own account: another administrator must.",
        "لا يمكنك نزع دور المسؤول عن حسابك: يجب أن يفعل ذلك مسؤول آخر."));

    /// <summary>403: a CAP message from a sender the hub is not configured to trust.</summary>
    public static RefusalException UntrustedCapSender(string sender) => NotAllowed(new(
        $"CAP sender '{Shown(sender)}' is not one the hub takes messages from (Coordination:Cap:Senders).",
        $"المرسل '{Shown(sender)}' ليس من مرسلي رسائل CAP الموثوقين لدى المنصة (Coordination:Cap:Senders)."));

    /// <summary>403: a trusted CAP sender whose settings do not let its messages do this.</summary>
    public static RefusalException CapSenderMayNot(string sender, Text what) => NotAllowed(new(
        $"CAP sender '{Shown(sender)}' may not {what.English}: its settings in Coordination:Cap:Senders do not allow it.",
        $"لا يجوز لمرسل CAP '{Shown(sender)}' أن {what.Arabic}؛ إعداداته في Coordination:Cap:Senders لا تسمح بذلك."));

    /// <summary>
    /// 409 to a catch-up that asks after a position beyond the caller's head: the log ends before what the client
    /// holds, because it was restored from a backup (or the position came from another hub's log).
    /// <c>headPosition</c> says where it ends now, for the client to drop what it holds after it and read on from there.
    /// </summary>
    public static RefusalException AfterBeyondHead(long after, long head) => new(StatusCodes.Status409Conflict,
        new("The log ends before your position", "السجل ينتهي قبل موضعك"),
        new($"You asked for the entries after position {after}, but the log you may see ends at position {head}: it was restored from an earlier backup, or your position is not from this hub. Drop what you hold after position {head} and catch up from there.",
            $"طلبت القيود التالية للموضع {after}، لكن السجل المتاح لك ينتهي عند الموضع {head}: فقد استُعيد من نسخة احتياطية سابقة، أو أن موضعك ليس من هذا الخادم. احذف ما لديك بعد الموضع {head} وتابع من هناك."))
    {
        Extensions = new Dictionary<string, object?> { [HeadPositionMember] = head },
    };

    /// <summary>404: no plan with this id, or this code, in the library.</summary>
    public static RefusalException NoPlan(string plan) => NotFound(new(
        $"There is no contingency plan {Shown(plan)}.",
        $"لا توجد خطة طوارئ {Shown(plan)}."));

    /// <summary>403: a liaison may change only the plans their agency leads.</summary>
    public static RefusalException NotYourAgencysPlan(string code, string leadAgency) => NotAllowed(new(
        $"Plan '{code}' is led by {leadAgency}: only its liaisons and administrators change it.",
        $"الخطة '{code}' تقودها {leadAgency}: لا يغيّرها إلا ضباط اتصالها والمسؤولون."));

    /// <summary>409: the plan was changed, or entered, since the version this change was made from.</summary>
    public static RefusalException PlanChangedMeanwhile(string code, int madeFrom) => new(StatusCodes.Status409Conflict,
        new("The plan changed since you read it.", "تغيّرت الخطة منذ أن قرأتها."),
        madeFrom == 0
            ? new($"A plan with the code '{Shown(code)}' has just been entered by someone else.", $"أدخل شخص آخر للتو خطة بالرمز '{Shown(code)}'.")
            : new($"Plan '{Shown(code)}' was changed since version {madeFrom}: reload it, apply your change again, and save.",
                $"تغيّرت الخطة '{Shown(code)}' بعد الإصدار {madeFrom}: أعد تحميلها، وطبّق تغييرك من جديد، ثم احفظ."));

    /// <summary>409: a plan is activated on an incident once.</summary>
    public static RefusalException PlanAlreadyActivated(string code, string reference) => Conflict(new(
        $"Plan '{Shown(code)}' is already activated on incident {reference}.",
        $"الخطة '{Shown(code)}' مفعّلة من قبل على البلاغ {reference}."));

    /// <summary>404: the plan was never activated on the incident.</summary>
    public static RefusalException PlanNotActivated(string code, string reference) => NotFound(new(
        $"Plan '{Shown(code)}' is not activated on incident {reference}.",
        $"الخطة '{Shown(code)}' غير مفعّلة على البلاغ {reference}."));

    /// <summary>409: the plan was already stood down on the incident.</summary>
    public static RefusalException PlanStoodDown(string code, string reference) => Conflict(new(
        $"Plan '{Shown(code)}' was already stood down on incident {reference}.",
        $"أُنهي تفعيل الخطة '{Shown(code)}' من قبل على البلاغ {reference}."));

    /// <summary>404: no such task on the incident (or none the caller may see).</summary>
    public static RefusalException NoTask(string planCode, string taskId, string reference) => NotFound(new(
        $"Incident {reference} has no task {Shown(planCode)}/{Shown(taskId)}.",
        $"لا توجد في البلاغ {reference} مهمة {Shown(planCode)}/{Shown(taskId)}."));

    /// <summary>403: only the agency a task is assigned to works on it.</summary>
    public static RefusalException NotYourAgencysTask(string taskId, string agency) => NotAllowed(new(
        $"Task '{taskId}' is assigned to {agency}: only its liaisons work on it.",
        $"المهمة '{taskId}' مسندة إلى {agency}: لا يعمل عليها إلا ضباط اتصالها."));

    /// <summary>409: the task is completed or its plan stood down.</summary>
    public static RefusalException TaskClosed(string taskId, string status) => Conflict(new(
        $"Task '{taskId}' is closed ({status}).",
        $"المهمة '{taskId}' مغلقة ({status})."));

    /// <summary>409: the task was already taken on.</summary>
    public static RefusalException TaskAlreadyAcknowledged(string taskId, string? by) => Conflict(new(
        $"Task '{taskId}' was already acknowledged by {by}.",
        $"سبق أن أكّد {by} استلام المهمة '{taskId}'."));

    /// <summary>404: no agency with this code.</summary>
    public static RefusalException NoAgency(string agency) => NotFound(new(
        $"There is no agency '{Shown(agency)}'.",
        $"لا توجد جهة '{Shown(agency)}'."));

    /// <summary>409: the agency has no queue of its own on the bus, so a broker identity would read nothing.</summary>
    public static RefusalException AgencyNotOnTheBus(string agency) => Conflict(new(
        $"'{Shown(agency)}' has no queue of its own on the bus: agencies' systems subscribe on RabbitMQ, and the agency must be named in Coordination:AgencyBus:Agencies.",
        $"ليس للجهة '{Shown(agency)}' طابور خاص بها على ناقل الرسائل: تشترك أنظمة الجهات عبر RabbitMQ، ويجب أن تُذكر الجهة في Coordination:AgencyBus:Agencies."));

    /// <summary>503: the broker's management API did not make the change.</summary>
    public static RefusalException BrokerManagementFailed(int status) => new(StatusCodes.Status503ServiceUnavailable,
        new("The message broker is unavailable.", "ناقل الرسائل غير متاح."),
        new($"The broker's management API did not make the change (it answered {status}); nothing was recorded. Try again.",
            $"لم تُجرِ واجهة إدارة ناقل الرسائل التغيير (أجابت {status})؛ لم يُسجَّل شيء. أعد المحاولة."));

    /// <summary>403: a liaison declares only their own agency's capabilities.</summary>
    public static RefusalException NotYourAgencysCapabilities(string agency) => NotAllowed(new(
        $"Only {agency}'s liaisons and administrators declare what {agency} holds.",
        $"لا يعلن قدرات {agency} إلا ضباط اتصالها والمسؤولون."));

    /// <summary>409: the agency's holdings were declared again since the version this declaration was made from.</summary>
    public static RefusalException CapabilitiesChangedMeanwhile(string agency, int madeFrom) => new(StatusCodes.Status409Conflict,
        new("The holdings changed since you read them.", "تغيّرت القدرات منذ أن قرأتها."),
        new($"{agency}'s holdings were declared again after version {madeFrom}: reload them, apply your change again, and save.",
            $"أُعلنت قدرات {agency} من جديد بعد الإصدار {madeFrom}: أعد تحميلها، وطبّق تغييرك من جديد، ثم احفظ."));

    private static double Seconds(TimeSpan wait) => Math.Ceiling(wait.TotalSeconds);

    /// <summary>A value the caller sent (a name in the address, a code in the body), as every refusal shows one (<see cref="SentValue"/>).</summary>
    private static string Shown(string? value) => SentValue.Shown(value);

    public static RefusalException NoScenario(string scenario) => NotFound(new(
        $"There is no exercise scenario '{Shown(scenario)}'.",
        $"لا يوجد سيناريو تمرين '{Shown(scenario)}'."));

    /// <summary>409: the scenario was changed, or entered, since the version this change was made from.</summary>
    public static RefusalException ScenarioChangedMeanwhile(string code, int madeFrom) => new(StatusCodes.Status409Conflict,
        new("The scenario changed since you read it.", "تغيّر السيناريو منذ أن قرأته."),
        madeFrom == 0
            ? new($"A scenario with the code '{Shown(code)}' has just been entered by someone else.", $"أدخل شخص آخر للتو سيناريو بالرمز '{Shown(code)}'.")
            : new($"Scenario '{Shown(code)}' was changed since version {madeFrom}: reload it, apply your change again, and save.",
                $"تغيّر السيناريو '{Shown(code)}' بعد الإصدار {madeFrom}: أعد تحميله، وطبّق تغييرك من جديد، ثم احفظ."));

    /// <summary>403: a liaison asked for the evaluation of an agency other than their own.</summary>
    public static RefusalException EvaluationOfOwnAgencyOnly(string agency) => NotAllowed(new(
        $"A liaison sees their own agency's evaluation only, not '{Shown(agency)}'.",
        $"ضابط الاتصال يرى تقييم جهته فقط، لا '{Shown(agency)}'."));

    /// <summary>503: the hub has no browser to print a PDF with; the printable page still works.</summary>
    public static RefusalException PdfUnavailable() => new(StatusCodes.Status503ServiceUnavailable,
        new("PDF unavailable", "ملف PDF غير متاح"),
        new("This hub cannot make PDF files: the Chromium it prints with is not installed where its settings say. Open the printable page and print it, or save it as PDF, from the browser.",
            "لا تستطيع هذه المنصة إنشاء ملفات PDF: متصفح Chromium الذي تطبع به غير مثبّت في المسار المحدد في إعداداتها. افتح صفحة الطباعة واطبعها، أو احفظها PDF، من المتصفح."));

    public static RefusalException PdfBusy() => new(StatusCodes.Status503ServiceUnavailable,
        new("PDF busy", "الطباعة مشغولة"),
        new("This hub is making other PDF files and has no room for another now. Try again in a minute, or open the printable page and print it from the browser.",
            "تنشئ هذه المنصة ملفات PDF أخرى الآن ولا تتسع لملف آخر. أعد المحاولة بعد دقيقة، أو افتح صفحة الطباعة واطبعها من المتصفح."));

    public static RefusalException NoExercise(Guid exerciseId) => NotFound(new(
        $"There is no exercise {exerciseId}.",
        $"لا يوجد تمرين {exerciseId}."));

    /// <summary>409: the exercise changed (its injects firing, another control) before every attempt to save this one.</summary>
    public static RefusalException ExerciseChangedMeanwhile(Guid exerciseId) => new(StatusCodes.Status409Conflict,
        new("The exercise changed while this was being saved.", "تغيّر التمرين أثناء حفظ هذا الإجراء."),
        new($"Exercise {exerciseId} kept changing while this was being saved, and it was not recorded: reload the exercise and try again.",
            $"ظلّ التمرين {exerciseId} يتغيّر أثناء حفظ هذا الإجراء، ولم يُسجَّل: أعد تحميل التمرين وحاول مرة أخرى."));

    /// <summary>404: the exercise has no such finding.</summary>
    public static RefusalException NoFinding(Guid findingId) => NotFound(new(
        $"The exercise has no finding {findingId}.",
        $"لا توجد ملاحظة {findingId} في هذا التمرين."));

    /// <summary>409: the finding proposes neither a re-score nor a plan change, so there is nothing to accept or decline.</summary>
    public static RefusalException FindingProposesNothing(Guid findingId) => Conflict(new(
        $"Finding {findingId} proposes nothing to accept or decline.",
        $"الملاحظة {findingId} لا تقترح شيئاً يُقبل أو يُرفض."));

    /// <summary>409: the finding's proposal was decided already; a decision is made once.</summary>
    public static RefusalException ProposalDecidedAlready(Guid findingId, bool accepted, string by) => Conflict(new(
        $"The proposal of finding {findingId} was already {(accepted ? "accepted" : "declined")} by {by}.",
        $"مقترح الملاحظة {findingId} {(accepted ? "قُبل" : "رُفض")} من قبل، قرّره {by}."));

    /// <summary>409: the control asked for does not fit where the exercise stands (pausing a paused one, resuming an ended one).</summary>
    public static RefusalException ExerciseIs(string status, Text action) => Conflict(new(
        $"The exercise is {status.ToLowerInvariant()}: it cannot be {action.English}.",
        $"التمرين {ExerciseStatusAr(status)}: لا يمكن {action.Arabic}."));

    public static readonly Text PauseAction = new("paused", "إيقافه مؤقتاً");
    public static readonly Text ResumeAction = new("resumed", "استئنافه");
    public static readonly Text AbortAction = new("aborted", "إنهاؤه");

    private static string ExerciseStatusAr(string status) => status switch
    {
        "Running" => "جارٍ",
        "Paused" => "متوقف مؤقتاً",
        "Aborted" => "أُنهي قبل موعده",
        "Completed" => "اكتمل",
        _ => status,
    };

    /// <summary>404: no such improvement item.</summary>
    public static RefusalException NoImprovementItem(Guid itemId) => NotFound(new(
        $"There is no improvement item {itemId}.",
        $"لا يوجد بند تحسين {itemId}."));

    /// <summary>403: a liaison may complete only the items their agency owns.</summary>
    public static RefusalException NotYourAgencysItem(string ownerAgency) => NotAllowed(new(
        $"This improvement item is {ownerAgency}'s: only its liaisons and administrators complete it.",
        $"بند التحسين هذا من مسؤولية {ownerAgency}: لا يُنجزه إلا ضباط اتصالها والمسؤولون."));

    /// <summary>409: the item is already done; a done item is neither completed again nor given a new date.</summary>
    public static RefusalException ItemAlreadyDone(Guid itemId, string? by) => Conflict(new(
        $"Improvement item {itemId} was already completed by {by}.",
        $"سبق أن أنجز {by} بند التحسين {itemId}."));

    /// <summary>409: the item changed (someone else's change, the scan's overdue steps) before every attempt to save this one.</summary>
    public static RefusalException ItemChangedMeanwhile(Guid itemId) => new(StatusCodes.Status409Conflict,
        new("The improvement item changed while this was being saved.", "تغيّر بند التحسين أثناء حفظ هذا التغيير."),
        new($"Improvement item {itemId} kept changing while this change was being saved, and the change was not recorded: reload the item and try again.",
            $"ظلّ بند التحسين {itemId} يتغيّر أثناء حفظ هذا التغيير، ولم يُسجَّل التغيير: أعد تحميل البند وحاول مرة أخرى."));

    /// <summary>404: no such coordination meeting.</summary>
    public static RefusalException NoMeeting(Guid meetingId) => NotFound(new(
        $"There is no coordination meeting {meetingId}.",
        $"لا يوجد اجتماع تنسيقي {meetingId}."));

    private static RefusalException NotFound(Text detail) => new(StatusCodes.Status404NotFound, NotFoundTitle, detail);

    private static RefusalException Conflict(Text detail) => new(StatusCodes.Status409Conflict, ConflictTitle, detail);

    private static RefusalException TooMany(Text detail, TimeSpan retryAfter) => new(StatusCodes.Status429TooManyRequests, TooManyTitle, detail, retryAfter);
}
