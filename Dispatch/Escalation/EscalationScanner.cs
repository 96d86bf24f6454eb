using Coordination.Dispatch.Plans;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Plans;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Register;
using Coordination.Dispatch.Register;
using Coordination.Dispatch.FollowUp;
using Coordination.Persistence.FollowUp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coordination.Dispatch.Escalation;

/// <summary>
/// Every scan interval, appends the escalations and reminders that have fallen due, of alerts, of contingency
/// plans' overdue tasks, of the register's overdue reviews and of the follow-up's overdue improvement items. Deadlines come from the log (the alert inbox, the task board), so a restart neither loses
/// nor repeats one; every hub may scan, and the derived event ids make each escalation land once.
/// </summary>
public sealed class EscalationScanner(
    IEventLog log,
    ReadModels readModels,
    PlanStore plans,
    RegisterStore register,
    FollowUpStore followUp,
    IOptions<EscalationOptions> options,
    TimeProvider time,
    ILogger<EscalationScanner> logger,
    DispatchTelemetry? telemetry = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        while (true)
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                DispatchLogMessages.ScanFailed(logger, ex);
            }

            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Appends what is due now; returns how many entries were added.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var appended = 0;
        var settings = options.Value;
        foreach (var alert in await readModels.GetAlertsToFollowUpAsync(now, settings.StepInterval, settings.ReminderAfter, cancellationToken))
        {
            // One append per step: a step another hub already appended is a no-op, and the next still lands.
            foreach (var due in FollowUpPlanner.Due(alert, now, settings, alert.AlertEventId))
            {
                var result = await log.AppendAsync(alert.IncidentId, ExpectedVersion.Any, [due], cancellationToken);
                appended += Counted(result, due, alert.IncidentId);
            }
        }

        foreach (var task in await plans.TasksToEscalateAsync(now, settings.StepInterval, cancellationToken))
        {
            foreach (var due in TaskFollowUpPlanner.Due(task, now, settings))
            {
                var result = await log.AppendAsync(task.IncidentId, ExpectedVersion.Any, [due], cancellationToken);
                appended += Counted(result, due, task.IncidentId);
            }
        }

        foreach (var review in await register.ReviewsDueAsync(now, settings.ReviewStepInterval, cancellationToken))
        {
            foreach (var due in ReviewFollowUpPlanner.Due(review, now, settings))
            {
                var result = await log.AppendAsync(review.RiskId, ExpectedVersion.Any, [due], cancellationToken);
                appended += Counted(result, due, review.RiskId);
            }
        }

        foreach (var item in await followUp.ItemsDueAsync(now, settings.ReviewStepInterval, cancellationToken))
        {
            foreach (var due in ImprovementFollowUpPlanner.Due(item, now, settings))
            {
                var result = await log.AppendAsync(item.ItemId, ExpectedVersion.Any, [due], cancellationToken);
                appended += Counted(result, due, item.ItemId);
            }
        }

        return appended;
    }

    private int Counted(AppendResult result, NewEvent due, Guid streamId)
    {
        if (result.WasDuplicate)
        {
            return 0;
        }

        DispatchLogMessages.Escalated(logger, due.Type, streamId, due.EventId, result.LastPosition);

        telemetry?.Appended(due);
        return 1;
    }
}
