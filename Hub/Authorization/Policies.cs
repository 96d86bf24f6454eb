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

    public static readonly Policy ChangeClearance = new(nameof(ChangeClearance), "change who is cleared for a restricted incident",
        Access.Yes, Access.Yes, Access.No, new("by reference, hazard, district and agencies, never the incident's text"),
        new("Only the duty office, commanders and administrators change who is cleared for a restricted incident.",
            "مكتب المناوبة والقادة والمسؤولون فقط يغيّرون الجهات المخوّلة ببلاغ مقيد."));

    public static readonly Policy ReadAnyInbox = new(nameof(ReadAnyInbox), "another agency's inbox",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("A liaison sees only their own agency's alerts.", "ضابط الاتصال يرى تنبيهات جهته فقط."));

    public static readonly Policy ReadResponseFigures = new(nameof(ReadResponseFigures), "response figures of every agency",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("Response figures across agencies are for the duty office and commanders.", "أرقام الاستجابة لكل الجهات متاحة لمكتب المناوبة والقادة فقط."));

    public static readonly Policy ReadEvaluation = new(nameof(ReadEvaluation), "evaluation figures and the alerts and tasks behind them",
        new("every agency, hazard and district"), new("every agency, hazard and district"), new("their own agency's line"), Access.No,
        new("Evaluation figures are for the duty office, commanders and each agency's own liaisons; administrators keep the hub.",
            "أرقام التقييم لمكتب المناوبة والقادة وضباط اتصال كل جهة لجهتهم؛ المسؤولون يديرون المنصة."));

    public static readonly Policy SeePresence = new(nameof(SeePresence), "see who of each agency is connected (the agency board)",
        new("every agency"), new("every agency"), new("their own agency's"), Access.No,
        new("Who is connected is for the duty office, commanders and each agency's own liaisons.", "معرفة المتصلين متاحة لمكتب المناوبة والقادة وضباط اتصال كل جهة لجهتهم."));

    public static readonly Policy VerifyLog = new(nameof(VerifyLog), "verify the log",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Only commanders and administrators run the log verifier.", "القادة والمسؤولون فقط يشغّلون فاحص السجل."));

    public static readonly Policy SealLog = new(nameof(SealLog), "seal the log now",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Only commanders and administrators seal the log on demand.", "القادة والمسؤولون فقط يختمون السجل عند الطلب."));

    public static readonly Policy ExportLog = new(nameof(ExportLog), "export the log with its seals",
        Access.No, Access.Yes, Access.No, Access.No,
        new("Only commanders export the log: it holds every incident, restricted ones included.", "القادة فقط يصدّرون السجل: فيه كل البلاغات، ومنها المقيدة."));

    public static readonly Policy ManageDirectory = new(nameof(ManageDirectory), "manage agencies, users and routing rules",
        Access.No, Access.No, Access.No, Access.Yes,
        new("Only administrators manage agencies, users and routing rules.", "المسؤولون فقط يديرون الجهات والمستخدمين وقواعد التوجيه."));

    public static readonly Policy PreviewRouting = new(nameof(PreviewRouting), "preview who a report would alert",
        Access.Yes, Access.Yes, Access.No, Access.Yes,
        new("Routing previews are for those who report incidents or keep the rules.", "معاينة التوجيه لمن يبلّغ عن الحوادث أو يدير القواعد."));

    public static readonly Policy SeeRegister = new(nameof(SeeRegister), "see the risk register",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes,
        new("Sign in first.", "سجّل الدخول أولاً."));

    public static readonly Policy ChangeRisk = new(nameof(ChangeRisk), "enter, change or mark reviewed a risk",
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

    public static readonly Policy SeeCapabilities = new(nameof(SeeCapabilities), "see agencies' capabilities and the register's gaps",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes,
        new("Sign in first.", "سجّل الدخول أولاً."));

    public static readonly Policy DeclareCapabilities = new(nameof(DeclareCapabilities), "declare an agency's capabilities",
        Access.No, Access.No, new("their own agency's"), Access.Yes,
        new("Only an agency's liaisons and administrators declare what the agency holds.", "لا يعلن قدرات الجهة إلا ضباط اتصالها والمسؤولون."));

    public static readonly Policy SeeScenarios = new(nameof(SeeScenarios), "see exercise scenarios and exercises",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Exercise scenarios are for those who control exercises, commanders and administrators; players see only what is injected.",
            "سيناريوهات التمارين لمن يديرها من القادة والمسؤولين؛ المشاركون يرون ما يُدخل عليهم فقط."));

    public static readonly Policy ChangeScenario = new(nameof(ChangeScenario), "enter, change or import an exercise scenario",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Only commanders and administrators write exercise scenarios.", "القادة والمسؤولون فقط يكتبون سيناريوهات التمارين."));

    public static readonly Policy ControlExercise = new(nameof(ControlExercise), "start, pause, resume or abort an exercise",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Only commanders and administrators control exercises.", "القادة والمسؤولون فقط يديرون التمارين."));

    public static readonly Policy RecordFindings = new(nameof(RecordFindings), "record an exercise's findings (strengths, gaps, proposals)",
        Access.No, Access.Yes, Access.No, Access.Yes,
        new("Only those who control exercises, commanders and administrators, record their findings.", "لا يسجّل ملاحظات التمرين إلا من يديره من القادة والمسؤولين."));

    public static readonly Policy DecideProposal = new(nameof(DecideProposal), "accept or decline a finding's proposal for a risk or plan",
        Access.No, Access.No, new("for risks and plans their agency leads"), Access.Yes,
        new("Administrators and the lead agency's liaisons decide on a proposal for its risk or plan.", "المسؤولون وضباط اتصال الجهة القائدة فقط يقررون مقترحاً يخص خطرها أو خطتها."));

    public static readonly Policy ReadAfterAction = new(nameof(ReadAfterAction), "an exercise's after-action report",
        Access.No, Access.Yes, new("their own agency's results and figures, findings about it or the whole exercise, proposals for what it leads"),
        new("all but the evaluation figures"),
        new("The after-action report is for commanders, administrators and the participating agencies' liaisons.", "تقرير ما بعد التمرين للقادة والمسؤولين وضباط اتصال الجهات المشاركة."));
    public static readonly Policy SeeFollowUp = new(nameof(SeeFollowUp), "see improvement items and coordination meetings",
        Access.Yes, Access.Yes, Access.Yes, Access.Yes,
        new("Sign in first.", "سجّل الدخول أولاً."));

    public static readonly Policy RecordFollowUp = new(nameof(RecordFollowUp), "record an improvement item or a coordination meeting, move an item's due date",
        Access.Yes, Access.Yes, Access.No, Access.Yes,
        new("Only the duty office, commanders (who control exercises) and administrators keep the joint committee's follow-up.",
            "مكتب المناوبة والقادة (مديرو التمارين) والمسؤولون فقط يدوّنون متابعة اللجنة المشتركة."));

    public static readonly Policy CompleteImprovement = new(nameof(CompleteImprovement), "complete an improvement item",
        Access.No, Access.No, new("their own agency's"), Access.Yes,
        new("Only the owner agency's liaisons and administrators complete an improvement item.", "لا يُنجز بند التحسين إلا ضباط اتصال الجهة المسؤولة عنه والمسؤولون."));

    public static readonly Policy BuildAgenda = new(nameof(BuildAgenda), "build the next coordination meeting's agenda (it names incidents' overdue tasks)",
        Access.Yes, Access.Yes, Access.No, Access.No,
        new("The agenda names incidents' overdue tasks: it is for the duty office and commanders.", "جدول الأعمال يذكر مهام البلاغات المتأخرة: هو لمكتب المناوبة والقادة فقط."));

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
        [ReportIncident, SeeIncidents, AcknowledgeAlert, PostUpdate, ChangeStatus, ChangeClearance, ReadAnyInbox, ReadResponseFigures, ReadEvaluation, SeePresence, VerifyLog, SealLog, ExportLog, ManageDirectory, PreviewRouting, SeeRegister, ChangeRisk,
         SeePlans, ChangePlan, ActivatePlan, SeeTasks, WorkOnTask, SeeCapabilities, DeclareCapabilities, SeeScenarios, ChangeScenario, ControlExercise, RecordFindings, DecideProposal, ReadAfterAction,
         SeeFollowUp, RecordFollowUp, CompleteImprovement, BuildAgenda, SeeCapFeeds, SignedIn];

    /// <summary>Every policy a use case may name.</summary>
    public static IReadOnlyList<Policy> All { get; } = [.. Table, Anyone];
}
