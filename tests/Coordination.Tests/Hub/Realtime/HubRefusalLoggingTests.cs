using System.Net;
using System.Text.Json;
using Coordination.Agencies.Client;
using Coordination.Hub.Features.EventLog;
using Coordination.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>
/// A refused hub call is an everyday answer, not a failure of the hub: it is logged as one information line naming
/// the method, the status and the user, never as an error with a stack trace. A real fault still is an error.
/// </summary>
[TestFixture]
public sealed class HubRefusalLoggingTests
{
    private readonly CapturedLog _log = new();
    private HubHost _hub = null!;

    [OneTimeSetUp]
    public async Task StartHub() =>
        _hub = await HubHost.StartFreshAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Coordination"] = "Information" },
            services: s =>
            {
                s.AddSingleton<ILoggerProvider>(_log);
                // A fault no request can cause: the catch-up use case cannot be built.
                s.AddSingleton<CatchUp>(_ => throw new InvalidOperationException("catch-up is broken for this test"));
            });

    [OneTimeTearDown]
    public async Task Stop() => await _hub.DisposeAsync();

    [Test]
    public async Task A_refused_call_is_one_information_line_naming_method_status_and_user()
    {
        await using var liaison = await ConnectAsync("liaison.ncem");

        var refused = await FailureOfAsync(liaison, "ReportIncident", JsonDocument.Parse("""{"hazard":"Flood","severity":"Minor","title":"x","district":"derna"}""").RootElement);

        var line = await _log.WaitForAsync(l => l.Message.Contains("ReportIncident", StringComparison.Ordinal) && l.Message.Contains("liaison.ncem", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(CoordinationException.FromHub(refused)?.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(line.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(line.Message, Does.Contain("403"));
            Assert.That(line.Exception, Is.Null, "no stack trace");
            Assert.That(ProblemsLoggedAbout("ReportIncident"), Is.Empty, _log.Text);
        });
    }

    [Test]
    public async Task Invalid_fields_and_unreadable_arguments_are_refusals_too()
    {
        await using var duty = await ConnectAsync("duty.operator");

        await FailureOfAsync(duty, "PostUpdate", Guid.NewGuid(), JsonDocument.Parse("""{"text":""}""").RootElement);
        await FailureOfAsync(duty, "ChangeStatus", "not-an-id", JsonDocument.Parse("{}").RootElement);

        var invalid = await _log.WaitForAsync(l => l.Message.Contains("PostUpdate", StringComparison.Ordinal) && l.Message.Contains("duty.operator", StringComparison.Ordinal));
        var unreadable = await _log.WaitForAsync(l => l.Message.Contains("ChangeStatus", StringComparison.Ordinal) && l.Message.Contains("duty.operator", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(invalid.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(invalid.Message, Does.Contain("400"));
            Assert.That(unreadable.Level, Is.EqualTo(LogLevel.Information));
            Assert.That(unreadable.Message, Does.Contain("400"));
            Assert.That(ProblemsLoggedAbout("PostUpdate").Concat(ProblemsLoggedAbout("ChangeStatus")), Is.Empty, _log.Text);
        });
    }

    [Test]
    public async Task A_fault_is_still_logged_as_an_error_with_its_exception()
    {
        await using var commander = await ConnectAsync("commander");

        var failed = await FailureOfAsync(commander, "CatchUp", 0L, 10);

        var error = await _log.WaitForAsync(l => l.Level == LogLevel.Error && l.Message.Contains("CatchUp", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(CoordinationException.FromHub(failed), Is.Null, "a fault is not a refusal: " + failed.Message);
            Assert.That(failed.Message, Does.Not.Contain("broken"), "the fault's details stay on the server");
            Assert.That(error.Exception?.Message, Does.Contain("catch-up is broken"));
        });
    }

    /// <summary>Warnings and errors, and any line with an exception, that mention the method.</summary>
    private IEnumerable<CapturedLog.Line> ProblemsLoggedAbout(string method) =>
        _log.Lines.Where(l => (l.Level >= LogLevel.Warning || l.Exception is not null) && l.Message.Contains(method, StringComparison.Ordinal));

    private static async Task<HubException> FailureOfAsync(HubConnection connection, string method, params object?[] args)
    {
        try
        {
            await connection.InvokeCoreAsync(method, typeof(JsonElement), args);
        }
        catch (HubException ex)
        {
            return ex;
        }

        Assert.Fail($"{method} was accepted");
        throw new InvalidOperationException("unreachable");
    }

    private async Task<HubConnection> ConnectAsync(string user)
    {
        var token = await _hub.SignInAsync(user);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_hub.BaseAddress, "hubs/coordination"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return connection;
    }
}
