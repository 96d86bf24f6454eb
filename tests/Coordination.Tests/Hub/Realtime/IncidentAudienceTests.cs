using Coordination.Hub.Realtime;
using Coordination.Persistence.Dialects;
using Coordination.Persistence.EventLog;
using Coordination.Persistence.Migrations;
using Coordination.Persistence.Projections;
using Coordination.Persistence.Sqlite;
using Coordination.Tests.Support;

namespace Coordination.Tests.Hub.Realtime;

/// <summary>Who the fan-out pushes an incident's entries to, against a real SQLite log and its alert inbox.</summary>
[TestFixture]
public sealed class IncidentAudienceTests
{
    private TempDirectory _folder = null!;
    private EventLogStore _log = null!;
    private ReadModels _readModels = null!;

    [SetUp]
    public async Task CreateLog()
    {
        DapperSetup.EnsureConfigured();
        _folder = new TempDirectory();
        var dialect = new SqliteDialect(Path.Combine(_folder.Path, "coordination.db"));
        await new MigrationRunner(dialect, TimeProvider.System).MigrateAsync(CancellationToken.None);
        _log = new EventLogStore(dialect, new ReadModelProjector(), new AppendSignal(), TimeProvider.System);
        _readModels = new ReadModels(dialect);
    }

    [TearDown]
    public void RemoveLog()
    {
        _log.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Test]
    public async Task A_new_alert_on_an_incident_first_seen_after_a_restart_keeps_the_agencies_alerted_before_it()
    {
        var incident = Guid.NewGuid();
        await _log.AppendAsync(incident, ExpectedVersion.NoStream, [SampleEvents.Reported(incident), SampleEvents.Alerted(incident, "ncem")], default);
        var later = await _log.AppendAsync(incident, 2, [SampleEvents.Alerted(incident, "civil-defence")], default);
        var update = await _log.AppendAsync(incident, 3, [SampleEvents.Updated(incident, "ارتفاع المياه")], default);

        // A hub that started after NCEM was alerted sees Civil Defence's alert first, then the update.
        var audience = new IncidentAudience(_readModels);
        audience.AgencyAlerted(incident, "civil-defence", later.LastPosition);

        Assert.That(
            await audience.AgenciesSeeingAsync(incident, update.LastPosition, default),
            Is.EquivalentTo(new[] { "ncem", "civil-defence" }));
    }

    [Test]
    public async Task An_agency_sees_an_incident_from_its_own_alert_on()
    {
        var incident = Guid.NewGuid();
        var reported = await _log.AppendAsync(incident, ExpectedVersion.NoStream, [SampleEvents.Reported(incident)], default);
        var audience = new IncidentAudience(_readModels);
        audience.IncidentBegan(incident);
        var alerted = await _log.AppendAsync(incident, 1, [SampleEvents.Alerted(incident, "ncem")], default);
        audience.AgencyAlerted(incident, "ncem", alerted.LastPosition);

        Assert.Multiple(async () =>
        {
            Assert.That(await audience.AgenciesSeeingAsync(incident, reported.LastPosition, default), Is.Empty);
            Assert.That(await audience.AgenciesSeeingAsync(incident, alerted.LastPosition, default), Is.EqualTo(new[] { "ncem" }));
        });
    }

    [Test]
    public async Task Beyond_its_capacity_the_audience_forgets_the_oldest_incident_and_reads_it_again_whole()
    {
        var first = Guid.NewGuid();
        await _log.AppendAsync(first, ExpectedVersion.NoStream, [SampleEvents.Reported(first), SampleEvents.Alerted(first, "ncem")], default);
        var audience = new IncidentAudience(_readModels, capacity: 2);
        Assert.That(await audience.AgenciesSeeingAsync(first, 2, default), Is.EqualTo(new[] { "ncem" }));

        // Red Crescent's alert is stored where this hub did not see it (another hub's, say).
        var unseen = await _log.AppendAsync(first, 2, [SampleEvents.Alerted(first, "red-crescent")], default);
        audience.IncidentBegan(Guid.NewGuid());
        Assert.That(await audience.AgenciesSeeingAsync(first, unseen.LastPosition, default), Is.EqualTo(new[] { "ncem" }), "still known: not read again");

        audience.IncidentBegan(Guid.NewGuid());
        Assert.Multiple(async () =>
        {
            Assert.That(audience.Count, Is.EqualTo(2));
            Assert.That(
                await audience.AgenciesSeeingAsync(first, unseen.LastPosition, default),
                Is.EquivalentTo(new[] { "ncem", "red-crescent" }),
                "forgotten, then read again from the alert inbox");
        });
        Assert.That(audience.Count, Is.EqualTo(2));
    }
}
