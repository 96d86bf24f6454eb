using System.Text.Json;
using Coordination.Agencies.Contracts;

namespace Coordination.Hub.Refusals;

/// <summary>
/// The catalogue's messages for a body or hub call that cannot be read as the request, in English and Arabic, and
/// the 400 that carries them: like an invalid field, the field is named in <c>errors</c> (by its JSON path, e.g.
/// <c>$.district</c>) and the message is the <c>detail</c>.
/// </summary>
public static class Unreadable
{
    /// <summary>The 400 for JSON that could not be read as the request.</summary>
    public static HttpValidationProblemDetails Problem(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        if (ContractJson.MissingMembers(json) is { Count: > 0 } missing)
        {
            // The serializer names the object the fields are missing from; the fields themselves are what to name.
            return Problems([.. missing.Select(name => (Path($"{path}.{name}"), MissingField(name, $"{path}.{name}").ToString()))]);
        }

        return Problem(Path(path), Why(json, path).ToString());
    }

    /// <summary>The 400 for a hub call whose arguments could not be read.</summary>
    public static HttpValidationProblemDetails Problem(UnreadableRequestException call)
    {
        ArgumentNullException.ThrowIfNull(call);
        // SignalR wraps the serializer's JsonException in its own InvalidDataException. A field inside the request
        // argument names itself; an argument as a whole ("$"), or a wrong number of them, names the call.
        for (var reason = call.InnerException; reason is not null; reason = reason.InnerException)
        {
            if (reason is JsonException { Path.Length: > 1 } json)
            {
                return Problem(json);
            }
        }

        return Problem("arguments", Arguments(call.Method).ToString());
    }

    public static Text FieldSentTwice(string name, string path) => new(
        $"The field '{Shown(name)}' is sent more than once ({Path(path)}); field names are matched whatever their letter case, so send each field once.",
        $"الحقل '{Shown(name)}' مرسل أكثر من مرة ({Path(path)})؛ أسماء الحقول لا تفرّق بين الحروف الكبيرة والصغيرة، فأرسل كل حقل مرة واحدة.");

    public static Text UnknownField(string name, string path) => new(
        $"'{Shown(name)}' is not a field of this request ({Path(path)}).",
        $"'{Shown(name)}' ليس من حقول هذا الطلب ({Path(path)}).");

    public static Text MissingField(string name, string path) => new(
        $"'{Shown(name)}' is required ({Path(path)}).",
        $"الحقل '{Shown(name)}' مطلوب ({Path(path)}).");

    public static Text TooDeep(string path) => new(
        $"The JSON is nested deeper than {Startup.RequestJson.MaxDepth} levels ({Path(path)}).",
        $"بنية JSON متداخلة أعمق من {Startup.RequestJson.MaxDepth} مستوى ({Path(path)}).");

    public static Text WrongValue(string path) => new(
        $"{Path(path)}: this value is not one the field takes. Text, numbers, ids and times are sent as their JSON types (a number as a number, not \"32.7\"); names (hazard, severity, status, role...) exactly as listed, with the same capital letters.",
        $"{Path(path)}: هذه القيمة ليست مما يقبله الحقل. يُرسل النص والأرقام والمعرّفات والأوقات بأنواعها في JSON (الرقم رقماً لا \"32.7\")، والأسماء (نوع الخطر، الخطورة، الحالة، الدور...) كما في القائمة تماماً وبالحروف الكبيرة نفسها.");

    public static Text NotJson(string path, string reason) => new(
        $"The body is not valid JSON ({Path(path)}): {SentValue.Shown(reason, 300)}",
        $"نص الطلب ليس JSON صحيحاً ({Path(path)}).");

    public static Text Arguments(string method) => new(
        $"The arguments of {method} could not be read: send the ones it takes, in order, each of its type.",
        $"تعذّرت قراءة وسائط {method}: أرسل الوسائط التي تأخذها بالترتيب، كلاً من نوعه.");

    // System.Text.Json says what went wrong only in its (English) message; these are its wordings for the cases a
    // person can fix. Anything else is reported as JSON that could not be read, still naming where.
    private static Text Why(JsonException json, string path)
    {
        var message = json.Message;
        var name = path[(path.LastIndexOf('.') + 1)..];
        return message switch
        {
            _ when message.StartsWith("Duplicate propert", StringComparison.Ordinal) => FieldSentTwice(name, path),
            _ when message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => UnknownField(name, path),
            _ when message.Contains("maximum configured depth", StringComparison.Ordinal) => TooDeep(path),
            _ when message.Contains("could not be converted to", StringComparison.Ordinal) => WrongValue(path),
            _ => NotJson(path, message),
        };
    }

    private static HttpValidationProblemDetails Problems(IReadOnlyList<(string Field, string Message)> problems) =>
        new(problems.ToDictionary(p => p.Field, p => new[] { p.Message }))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Refuse.UnreadableTitle.ToString(),
            Detail = string.Join(" ", problems.Select(p => p.Message)),
        };

    // Names and paths come from the caller's JSON: shown, and used as the key of errors, as any value sent is.
    private static string Shown(string name) => SentValue.Shown(name);

    private static string Path(string path) => SentValue.Shown(path, 2 * SentValue.MaxShown);

    private static HttpValidationProblemDetails Problem(string field, string message) => Problems([(field, message)]);
}
