using System.Collections.Concurrent;
using System.Diagnostics;
using Coordination.Bench.Live;

namespace Coordination.Bench.Tests;

/// <summary>The open-loop pacer starts each submission at its own scheduled moment: never before it, each once.</summary>
[TestFixture]
public sealed class OpenLoopTests
{
    [Test]
    public async Task Every_submission_starts_once_in_order_at_or_after_its_moment_spaced_by_the_rate()
    {
        const int Rate = 50;
        const int Count = 25;
        var started = new ConcurrentQueue<(int Index, long Due, long At)>();

        await OpenLoop.RunAsync(Rate, Count, (index, due) =>
        {
            started.Enqueue((index, due, Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        }, () => false);

        var runs = started.ToArray();
        var spacing = Stopwatch.Frequency / Rate;
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, Count)), "each index once, in order");
            Assert.That(runs.Where(r => r.At < r.Due), Is.Empty, "none started before its moment");
            Assert.That(runs.Zip(runs.Skip(1), (a, b) => b.Due - a.Due), Is.All.InRange(spacing - 1, spacing + 1), "moments a rate's interval apart");
        });
    }
}
