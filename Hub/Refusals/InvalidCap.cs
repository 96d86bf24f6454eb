namespace Coordination.Hub.Refusals;

/// <summary>
/// The catalogue's reasons a CAP 1.2 message or an EDXL-DE envelope is not taken in, in English and Arabic, each said
/// after "The CAP message cannot be taken in:" (<see cref="Invalid.CapNotAcceptable"/>). The XML parser and the
/// schema word their findings in English only: the English keeps their words, the Arabic says what they mean in ours,
/// with where.
/// </summary>
public static class InvalidCap
{
    public static Text NotXml(int line, int position, string reason) => new(
        $"line {line}, position {position}: {SentValue.Shown(reason, 300)}",
        $"السطر {line}، الموضع {position}: تعذّرت قراءته XML سليماً (وسم ناقص أو في غير موضعه، أو ترميز غير الذي يعلنه، أو تعريف DTD، وهو مرفوض لأسباب أمنية)");

    public static readonly Text NoRoot = new("no root element", "لا عنصر جذرياً فيه");

    public static Text RootElement(string found, string expected) => new(
        $"the root element is {SentValue.Shown(found, 200)}, not {expected}",
        $"العنصر الجذري {SentValue.Shown(found, 200)}، والمطلوب {expected}");

    public static Text TooDeep(int levels) => new($"elements nest deeper than {levels} levels", $"العناصر متداخلة أعمق من {levels} مستوى");

    /// <summary>The schema's finding at an element: its words in English, ours in Arabic.</summary>
    public static Text AgainstSchema(int? line, string element, string schema, string reason)
    {
        var shown = SentValue.Shown(element);
        return new(
            $"{(line is { } l ? $"line {l}, " : "")}{shown}: {SentValue.Shown(reason, 300)}",
            $"{(line is { } at ? $"السطر {at}، " : "")}{shown}: لا يوافق مخطط {schema} (عنصر ناقص أو زائد أو في غير موضعه، أو قيمة ليست مما يقبله هذا العنصر)");
    }

    public static Text NoSpacesOrCommas(string name) => new($"{name}: must not contain spaces, commas, < or &", $"{name}: لا يجوز أن يحتوي على مسافات أو فواصل أو < أو &");

    public static Text TimeWithZ(string name) => new(
        $"{name}: CAP times carry their offset (-00:00 for UTC), not Z",
        $"{name}: أوقات CAP تُكتب بفارقها عن التوقيت العالمي (-00:00 للتوقيت العالمي نفسه)، لا بالحرف Z");

    public static readonly Text RestrictionRequired = new("restriction: required when scope is Restricted", "restriction: مطلوب عندما يكون scope هو Restricted");

    public static readonly Text AddressesRequired = new("addresses: required when scope is Private", "addresses: مطلوب عندما يكون scope هو Private");

    public static Text ReferencesRequired(string msgType) => new($"references: required for msgType {SentValue.Shown(msgType)}", $"references: مطلوب لرسالة من نوع {SentValue.Shown(msgType)}");

    public static Text NotTheFeedsSender(string sender, string expected) => new(
        $"sender '{SentValue.Shown(sender)}' is not the feed's sender '{expected}'",
        $"المرسل '{SentValue.Shown(sender)}' ليس مرسل هذه التغذية '{expected}'");

    public static Text StatusNotForAction(string status) => new(
        $"status {SentValue.Shown(status)} is not for action (only Actual and Exercise are taken in)",
        $"الحالة {SentValue.Shown(status)} ليست للتنفيذ (لا يُقبل إلا Actual وExercise)");

    public static readonly Text OnlyPublic = new(
        "only Public messages are taken in: the duty office decides who is cleared for a restricted incident",
        "لا تُقبل إلا الرسائل العامة (Public): مكتب المناوبة هو من يقرّر الجهات المخوّلة بالبلاغ المقيد");

    public static Text NothingToActOn(string msgType) => new(
        $"msgType {SentValue.Shown(msgType)} carries nothing to act on",
        $"الرسالة من نوع {SentValue.Shown(msgType)} لا تحمل ما يُعمل به");

    public static readonly Text NoHazard = new(
        "no hazard the hub knows in eventCode, event or category",
        "لا يوجد في eventCode ولا event ولا category نوع خطر تعرفه المنصة");

    public static readonly Text NoArea = new(
        "no area in Libya: a LY-district geocode, a district named in areaDesc, or a circle or polygon inside the country",
        "لا منطقة داخل ليبيا: رمز LY-district في geocode، أو شعبية مذكورة في areaDesc، أو دائرة أو مضلع داخل البلاد");

    public static readonly Text NoEarlierMessage = new("references names no earlier message", "references لا يذكر رسالة سابقة");

    public static Text NotOwnSeries(string first, string sender) => new(
        $"references: an Update or Cancel may only refer to its own sender's messages, and '{SentValue.Shown(first, 200)}' is not '{SentValue.Shown(sender)}''s",
        $"references: لا يشير التحديث أو الإلغاء إلا إلى رسائل مرسله نفسه، و'{SentValue.Shown(first, 200)}' ليست من رسائل '{SentValue.Shown(sender)}'");

    /// <summary>A problem of the message's signature, said as such.</summary>
    public static Text Signature(Text why) => new($"signature: {why.English}", $"signature: {why.Arabic}");

    public static Text MustSign(string sender) => Signature(new(
        $"sender '{SentValue.Shown(sender)}' must sign its messages (RequireSignature), and this one is unsigned",
        $"على المرسل '{SentValue.Shown(sender)}' أن يوقّع رسائله (RequireSignature)، وهذه الرسالة غير موقّعة"));

    public static readonly Text SignedTwice = new("the message carries more than one signature", "الرسالة تحمل أكثر من توقيع");

    public static Text SignatureUnreadable(string reason) => new($"the signature cannot be read ({reason})", "تعذّرت قراءة التوقيع");

    public static readonly Text SignatureNotWhole = new(
        "the signature must be enveloped and sign the whole message (one Reference, URI=\"\", the enveloped-signature transform)",
        "يجب أن يكون التوقيع مضمّناً في الرسالة ويوقّعها كاملة (مرجع Reference واحد، وURI=\"\"، وتحويل enveloped-signature)");

    public static readonly Text Sha1 = new("SHA-1 signatures are not accepted (sign with SHA-256 or stronger)", "لا تُقبل التواقيع بخوارزمية SHA-1 (وقّع بـ SHA-256 أو أقوى)");

    public static Text CertificateOutOfDate(string sender, DateTime from, DateTime to) => new(
        $"the certificate configured for sender '{SentValue.Shown(sender)}' that signed it is valid only from {Day(from)} to {Day(to)}",
        $"الشهادة المعدّة للمرسل '{SentValue.Shown(sender)}' التي وُقّعت بها صالحة فقط من {Day(from)} إلى {Day(to)}");

    public static Text OtherCertificate(string sender, string sha256) => new(
        $"signed with a certificate not configured for sender '{SentValue.Shown(sender)}' (SHA-256 {sha256})",
        $"موقّعة بشهادة غير معدّة للمرسل '{SentValue.Shown(sender)}' (SHA-256 {sha256})");

    public static Text Altered(string sender) => new(
        $"the signature does not match the message: altered after signing, or not signed by a certificate configured for sender '{SentValue.Shown(sender)}'",
        $"التوقيع لا يطابق الرسالة: عُدّلت بعد توقيعها، أو لم توقّعها شهادة معدّة للمرسل '{SentValue.Shown(sender)}'");

    public static Text NoCertificate(string sender) => new(
        $"signed, but no certificate is configured for sender '{SentValue.Shown(sender)}' to check it with",
        $"موقّعة، لكن لا شهادة معدّة للمرسل '{SentValue.Shown(sender)}' للتحقق منها");

    /// <summary>What a trusted sender's settings may not allow its messages (<see cref="Refuse.CapSenderMayNot"/>).</summary>
    public static readonly Text CreateIncidents = new("create incidents (Create)", "ينشئ بلاغات (Create)");

    public static readonly Text UpdateIncidents = new("update incidents (Update)", "يحدّث بلاغات (Update)");

    public static readonly Text CancelIncidents = new("cancel incidents (Cancel)", "يلغي بلاغات (Cancel)");

    public static Text ReportHazard(string hazard, string hazards) => new($"report a {hazard} (Hazards: {hazards})", $"يبلّغ عن {hazard} (Hazards: {hazards})");

    public static readonly Text NoEmbeddedCap = new(
        "it embeds no CAP 1.2 alert (contentObject/xmlContent/embeddedXMLContent)",
        "لا يحمل المغلف أي تنبيه CAP 1.2 (contentObject/xmlContent/embeddedXMLContent)");

    // A date as CAP and certificates write it, whatever the language: Arabic's default calendar is not the Gregorian.
    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Which message of an envelope, counted from 1 as its sender counts them.</summary>
    public static Text Alert(int number) => new($"alert {number}", $"التنبيه {number}");
}
