using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Coordination.Hub.Localization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Net.Http.Headers;

namespace Coordination.Hub.Refusals;

/// <summary>
/// The hub's side of refusals and of language: every hub method runs in the language its connection asked for
/// (Accept-Language when it connected), and a refusal reaches the client as a HubException whose message is the
/// same ProblemDetails the REST API sends, as JSON (<c>{"title":…,"status":403,"detail":…}</c>): its status is
/// a field to read, not a number to find in text. A refusal is logged as one information line (method, status,
/// user), not as SignalR's error with a stack trace (<see cref="QuietRefusalsLoggerFactory"/>).
/// </summary>
public sealed class RefusalHubFilter(ILogger<RefusalHubFilter> logger, Telemetry.HubTelemetry? telemetry = null) : IHubFilter
{
    private const string RefusalMark = "Coordination.Refusal";

    // Arabic and apostrophes stay readable in the message; it is a JSON string inside a JSON frame, never HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var culture = CultureOf(invocationContext.Context);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        // A hub call is no HTTP request: its own span, the root of what the command appends.
        using var activity = Telemetry.HubTelemetry.Source.StartActivity("hub.call", System.Diagnostics.ActivityKind.Server);
        activity?.SetTag("coordination.hub_method", invocationContext.HubMethodName);
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (Problems.For(ex) is { } problem)
        {
            telemetry?.Refused(ex, problem.Status, "hub");
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "refused");
            RefusalLog.HubCallRefused(logger, invocationContext.HubMethodName, problem.Status, invocationContext.Context.User?.Identity?.Name ?? "(not signed in)");
            // Marked, so SignalR's log of the exception can be told from a fault's and left out.
            throw new HubException(JsonSerializer.Serialize(problem, problem.GetType(), Json)) { Data = { [RefusalMark] = true } };
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    /// <summary>
    /// A connection refused when it opens (its session ended, too many connections) is closed with the same
    /// ProblemDetails JSON, which SignalR passes to the client in the close message because it is a HubException.
    /// </summary>
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var culture = CultureOf(context.Context);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            await next(context);
        }
        catch (RefusalException ex) when (Problems.For(ex) is { } problem)
        {
            telemetry?.Refused(ex, problem.Status, "hub");
            RefusalLog.HubCallRefused(logger, "OnConnectedAsync", problem.Status, context.Context.User?.Identity?.Name ?? "(not signed in)");
            throw new HubException(JsonSerializer.Serialize(problem, problem.GetType(), Json)) { Data = { [RefusalMark] = true } };
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    /// <summary>Whether the exception is a refusal this filter answered (and logged), not a fault.</summary>
    public static bool IsRefusal(Exception exception) => exception?.Data.Contains(RefusalMark) == true;

    /// <summary>The first supported language the connection's Accept-Language names; English when none.</summary>
    private static CultureInfo CultureOf(HubCallerContext context)
    {
        var header = context.GetHttpContext()?.Request.Headers.AcceptLanguage.ToString();
        if (!string.IsNullOrEmpty(header) && StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                var name = language.Value.Value ?? "";
                if (Say.Cultures.FirstOrDefault(c => name.StartsWith(c.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase)) is { } supported)
                {
                    return supported;
                }
            }
        }

        return Say.Cultures[0];
    }
}
