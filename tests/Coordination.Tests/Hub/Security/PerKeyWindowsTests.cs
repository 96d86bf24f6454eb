using Coordination.Hub.Security;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Hub.Security;

/// <summary>The throttle's windows: a key's permits per minute, counted from the clock, each key apart from the others.</summary>
[TestFixture]
public sealed class PerKeyWindowsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Test]
    public void A_key_gets_its_permits_then_is_refused_until_its_minute_ends()
    {
        var clock = new FakeTimeProvider();
        var windows = new PerKeyWindows(3, Minute, clock);

        var taken = Enumerable.Range(0, 3).Select(_ => windows.TryTake("duty", out TimeSpan _)).ToArray();
        clock.Advance(TimeSpan.FromSeconds(20));
        var refused = windows.TryTake("duty", out var retryAfter);
        var otherKey = windows.TryTake("commander", out _);
        clock.Advance(TimeSpan.FromSeconds(40));
        var afterTheMinute = windows.TryTake("duty", out _);

        Assert.Multiple(() =>
        {
            Assert.That(taken, Is.All.True);
            Assert.That(refused, Is.False);
            Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromSeconds(40)));
            Assert.That(otherKey, Is.True, "another key has permits of its own");
            Assert.That(afterTheMinute, Is.True);
        });
    }

    [Test]
    public void A_window_dropped_as_ended_starts_afresh_and_one_still_open_keeps_its_count()
    {
        var clock = new FakeTimeProvider();
        var windows = new PerKeyWindows(2, Minute, clock);
        windows.TryTake("idle", out _);
        windows.TryTake("idle", out _);
        clock.Advance(TimeSpan.FromSeconds(59));
        windows.TryTake("busy", out _);
        windows.TryTake("busy", out _);
        clock.Advance(TimeSpan.FromSeconds(2));

        // This take (of a third key) finds the sweep due: "idle"'s minute has ended and it is dropped, "busy"'s has not.
        var heldBefore = windows.Held;
        windows.TryTake("third", out _);
        var heldAfter = windows.Held;
        var idleAgain = windows.TryTake("idle", out _);
        var busyAgain = windows.TryTake("busy", out var retryAfter);

        Assert.Multiple(() =>
        {
            Assert.That((heldBefore, heldAfter), Is.EqualTo((2, 2)), "\"idle\" dropped, \"third\" added");
            Assert.That(idleAgain, Is.True);
            Assert.That(busyAgain, Is.False);
            Assert.That(retryAfter, Is.EqualTo(TimeSpan.FromSeconds(58)));
        });
    }

    [Test]
    public async Task Takes_at_once_from_many_threads_never_exceed_the_permits()
    {
        var clock = new FakeTimeProvider();
        var windows = new PerKeyWindows(100, Minute, clock);
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (windows.TryTake("duty", out _))
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));

        Assert.That(granted, Is.EqualTo(100));
    }
}
