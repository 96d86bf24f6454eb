using Coordination.Hub.Refusals;

namespace Coordination.Hub.Authorization;

/// <summary>
/// Who may do what: the one table, in code. The README's roles table is this table (a test renders it and
/// compares), every use case names one of these rows, and the authorization matrix test checks each row against
/// every endpoint and hub method for every role. A new use case adds a row here or names an existing one.
/// </summary>
public static class Policies
{
    private static readonly Access SeeAll = new("all, restricted included");

    public static readonly Policy ReportIncident = new(nameof(ReportIncident), "report an incident",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("Only the duty office and commanders report incidents.", "مكتب المناوبة والقادة فقط يبلّغون عن الحوادث."));

    public static readonly Policy SeeIncidents = new(nameof(SeeIncidents), "see incidents (list, details, catch-up, live)",
        SeeAll, SeeAll, new("those routed to their agency; a restricted one only if the agency is cleared for it"), Access.No,
        new("Administrators keep agencies, users and rules; incidents are for the duty office, commanders and liaisons.",
            "المسؤولون يديرون الجهات والمستخدمين والقواعد؛ البلاغات لمكتب المناوبة والقادة وضباط الاتصال."));

    public static readonly Policy AcknowledgeAlert = new(nameof(AcknowledgeAlert), "acknowledge an alert",
        Access.No, Access.No, new("their agency's, on incidents routed to it"), Access.No,
        new("Only an agency liaison acknowledges the agency's alert.", "ضابط اتصال الجهة فقط يؤكد استلام تنبيه جهته."));

    public static readonly Policy PostUpdate = new(nameof(PostUpdate), "post an update",
        Access.Yes, Access.Yes, new("on incidents routed to their agency; may raise the severity, not lower it"), Access.No,
        new("Administrators keep the hub; they do not post to incidents.", "المسؤولون يديرون المنصة ولا ينشرون تحديثات على البلاغات."));

    public static readonly Policy ChangeStatus = new(nameof(ChangeStatus), "change an incident's status",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("Only the duty office and commanders change an incident's status.", "مكتب المناوبة والقادة فقط يغيّرون حالة البلاغ."));

    public static readonly Policy ReadAnyInbox = new(nameof(ReadAnyInbox), "another agency's inbox",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("A liaison sees only their own agency's alerts.", "ضابط الاتصال يرى تنبيهات جهته فقط."));

    public static readonly Policy ReadResponseFigures = new(nameof(ReadResponseFigures), "response figures of every agency",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("Response figures across agencies are for the duty office and commanders.", "أرقام الاستجابة لكل الجهات متاحة لمكتب المناوبة والقادة فقط."));

    public static readonly Policy VerifyLog = new(nameof(VerifyLog), "verify the log",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Only commanders and administrators run the log verifier.", "القادة والمسؤولون فقط يشغّلون فاحص السجل."));

    public static readonly Policy ManageDirectory = new(nameof(ManageDirectory), "manage agencies, users and routing rules",
        Access.No, Access.No, Access.No, Access.Yes,
        new("Only administrators manage agencies, users and routing rules.", "المسؤولون فقط يديرون الجهات والمستخدمين وقواعد التوجيه."));

    public static readonly Policy PreviewRouting = new(nameof(PreviewRouting), "preview who a report would alert",
        Access.Yes, Access.Yes, Access.No, Access.Yes,
        new("Routing previews are for those who report incidents or keep the rules.", "معاينة التوجيه لمن يبلّغ عن الحوادث أو يدير القواعد."));

    public static readonly Policy SeeRegister = new(nameof(SeeRegister), "see the risk register",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes,
        new("Sign in first.", "سجّل الدخول أولاً."));

    public static readonly Policy ChangeRisk = new(nameof(ChangeRisk), "enter or change a risk",
        Access.No, Access.No, new("those their agency leads"), Access.Yes,
        new("Administrators and the lead agency's liaisons change a risk.", "المسؤولون وضباط اتصال الجهة القائدة فقط يغيّرون الخطر."));

    public static readonly Policy SeePlans = new(nameof(SeePlans), "see the contingency plans",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes,
        new("Sign in first.", "سجّل الدخول أولاً."));

    public static readonly Policy ChangePlan = new(nameof(ChangePlan), "enter or change a contingency plan",
        Access.No, Access.No, new("those their agency leads"), Access.Yes,
        new("Administrators and the lead agency's liaisons change a plan.", "المسؤولون وضباط اتصال الجهة القائدة فقط يغيّرون الخطة."));

    public static readonly Policy ActivatePlan = new(nameof(ActivatePlan), "activate or stand down a plan on an incident",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("Only the duty office and commanders activate or stand down a plan by hand.", "مكتب المناوبة والقادة فقط يفعّلون الخطة يدوياً أو ينهون تفعيلها."));

    public static readonly Policy SeeTasks = new(nameof(SeeTasks), "see an incident's tasks",
        SeeAll, SeeAll, new("their agency's, on incidents routed to it"), Access.No,
        new("Administrators keep agencies, users and rules; incidents are for the duty office, commanders and liaisons.",
            "المسؤولون يديرون الجهات والمستخدمين والقواعد؛ البلاغات لمكتب المناوبة والقادة وضباط الاتصال."));

    public static readonly Policy WorkOnTask = new(nameof(WorkOnTask), "acknowledge, progress or complete a task",
        Access.No, Access.No, new("their agency's, on incidents routed to it"), Access.No,
        new("Only the liaisons of the agency a task is assigned to work on it.", "ضباط اتصال الجهة المسندة إليها المهمة فقط يعملون عليها."));

    public static readonly Policy SeeCapFeeds = new(nameof(SeeCapFeeds), "see how partners' CAP feeds are polled",
        Access.No, Access.No, Access.No, Access.Yes,
        new("Only administrators see how partners' feeds are polled.", "المسؤولون فقط يرون حالة استطلاع موجزات الشركاء."));

    public static readonly Policy SignedIn = new(nameof(SignedIn), "reference data, console settings, who am I",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes,
        new("Sign in first.", "سجّل الدخول أولاً."));

    /// <summary>Sign-in and refresh, before there is a token; not a row of the roles table.</summary>
    public static readonly Policy Anyone = new(nameof(Anyone), "sign in, refresh a token",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes, new("", "")) { Anonymous = true };

    /// <summary>The roles table, in the README's order.</summary>
    public static IReadOnlyList<Policy> Table { get; } =
        [ReportIncident, SeeIncidents, AcknowledgeAlert, PostUpdate, ChangeStatus, ReadAnyInbox, ReadResponseFigures, VerifyLog, ManageDirectory, PreviewRouting, SeeRegister, ChangeRisk,
         SeePlans, ChangePlan, ActivatePlan, SeeTasks, WorkOnTask, SeeCapFeeds, SignedIn];

    /// <summary>Every policy a use case may name.</summary>
    public static IReadOnlyList<Policy> All { get; } = [.. Table, Anyone];
}
