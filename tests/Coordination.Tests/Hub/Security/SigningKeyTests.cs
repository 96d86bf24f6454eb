using Coordination.Hub.Auth;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Security;

/// <summary>
/// Hubs that share a data directory and start together sign with one key: a token one issued is accepted by the
/// other, and by itself after a restart. (Two hubs that each kept a key of their own refused each other's sessions,
/// and a restarted hub its own liaisons', for as long as they kept reconnecting with the token they held.)
/// </summary>
[TestFixture]
public sealed class SigningKeyTests
{
    [Test]
    public async Task Hubs_starting_together_on_a_fresh_data_directory_all_end_with_the_key_kept_there()
    {
        for (var round = 0; round < 20; round++)
        {
            using var folder = new TempDirectory();
            using var start = new Barrier(8);
            // Threads of their own, so all eight wait at the barrier at once however few cores the pool has.
            var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(() =>
            {
                start.SignalAndWait();
                return Convert.ToBase64String(SigningKey.Resolve(new AuthOptions(), folder.Path).Key);
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
            var kept = Convert.ToBase64String(SigningKey.Resolve(new AuthOptions(), folder.Path).Key);
            Assert.That(keys, Is.All.EqualTo(kept), $"round {round}: every hub signs with the key a restart reads");
        }
    }

    [Test]
    public void A_key_file_left_empty_by_a_hub_that_stopped_while_making_it_stops_the_start_saying_what_to_do()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "signing-key"), "");
        var refused = Assert.Throws<InvalidOperationException>(() => SigningKey.Resolve(new AuthOptions(), folder.Path));
        Assert.That(refused!.Message, Does.Contain("empty or damaged").And.Contain("Delete it").And.Contain("Coordination:Auth:SigningKey"));
    }
}
