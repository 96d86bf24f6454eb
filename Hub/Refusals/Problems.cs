using System.Text.Json;
using Coordination.Dispatch.Reports;
using Coordination.Persistence.EventLog;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Coordination.Hub.Refusals;

/// <summary>
/// The one mapping from a refusal to what the caller is told: a ProblemDetails with its status, title, detail and,
/// for invalid fields, each field's messages, in the request's language. REST writes it as
/// <c>application/problem+json</c> (<see cref="RefusalEndpointFilter"/>, and the exception handler for a body
/// that cannot be read); the hub sends the same object as a structured HubException (<see cref="RefusalHubFilter"/>).
/// </summary>
public static partial class Problems
{
    /// <summary>The problem for a refusal; null for an exception that is not one (a fault, which stays a 500).</summary>
    public static ProblemDetails? For(Exception exception) => exception switch
    {
        ValidationException validation => Invalid(validation),
        RefusalException refused => WithExtensions(new ProblemDetails { Status = refused.Status, Title = refused.Title.ToString(), Detail = refused.Detail.ToString() }, refused),
        EventIdReusedException reused => For(Refuse.EventIdUsedElsewhere(reused.EventId)),
        ConcurrencyConflictException conflict => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Refuse.ChangedTitle.ToString(),
            // The log's own message is English only: the versions it names are said in the request's language.
            Detail = (conflict is { ExpectedVersion: { } expected, ActualVersion: { } actual }
                ? Refuse.StaleVersion(conflict.StreamId, expected, actual)
                : Refuse.ChangedAtTheSameMoment).ToString(),
        },
        // A body or hub call that cannot be read as the request: 400 naming the field, in the request's language.
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest, InnerException: JsonException json } => Unreadable.Problem(json),
        UnreadableRequestException call => Unreadable.Problem(call),
        // A query or route value that cannot be read as its parameter's type: named, as a bad field is, in the caller's language.
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad when UnboundParameter().Match(bad.Message) is { Success: true } unbound =>
            new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [unbound.Groups["name"].Value] = [Refusals.Invalid.UnreadableValue(unbound.Groups["name"].Value, unbound.Groups["value"].Value).ToString()],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = Refuse.InvalidFieldsTitle.ToString(),
                Detail = Refusals.Invalid.UnreadableValue(unbound.Groups["name"].Value, unbound.Groups["value"].Value).ToString(),
            },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = (bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? Refuse.TooLargeTitle : Refuse.UnreadableTitle).ToString(),
            // The framework's own words for a missing body (none, or the JSON literal null) name a C# parameter, in English
            // only; a 413's detail names the address's limit, which only the request knows (StatusProblems says it).
            Detail = bad.StatusCode == StatusCodes.Status400BadRequest
                && (bad.Message.Contains("no body was provided", StringComparison.Ordinal) || bad.Message.Contains("was not provided from body", StringComparison.Ordinal))
                ? Refuse.NoBody.ToString()
                : bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? null : bad.Message,
        },
        _ => null,
    };

    /// <summary>ASP.NET Core's words for a value it could not bind: <c>Failed to bind parameter "Nullable&lt;int&gt; limit" from "abc".</c></summary>
    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"[^\"]* (?<name>\\w+)\" from \"(?<value>.*)\"\\.$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    /// <summary>How long a 429 asks the caller to wait, in whole seconds (at least 1); null otherwise.</summary>
    public static int? RetryAfterSeconds(Exception exception) =>
        exception is RefusalException { RetryAfter: { } wait } ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;

    private static ProblemDetails WithExtensions(ProblemDetails problem, RefusalException refused)
    {
        foreach (var (name, value) in refused.Extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>
    /// A field as the request's JSON names it, every step camel-cased (<c>Actions[0].OwnerAgency</c> is
    /// <c>actions[0].ownerAgency</c>): a validator names nested fields by their C# properties, and the JSON writer's key
    /// policy would lower only the first letter of the whole path.
    /// </summary>
    internal static string FieldPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(step => step.Length > 0 && char.IsUpper(step[0]) ? char.ToLowerInvariant(step[0]) + step[1..] : step));

    private static HttpValidationProblemDetails Invalid(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => string.IsNullOrEmpty(e.PropertyName) ? "request" : FieldPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Refuse.InvalidFieldsTitle.ToString(),
            // Every message in one line too, for a client that shows only the detail.
            Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
        };
    }
}
