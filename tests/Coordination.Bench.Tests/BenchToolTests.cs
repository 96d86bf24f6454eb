using System.Diagnostics;

namespace Coordination.Bench.Tests;

[TestFixture]
public sealed class BenchToolTests
{
    [Test]
    public async Task The_bench_refuses_to_measure_a_database_on_tmpfs()
    {
        if (Machine.FileSystemOf("/dev/shm") != "tmpfs")
        {
            Assert.Ignore("No tmpfs at /dev/shm on this machine.");
        }

        var start = new ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "Coordination.Bench.dll")} --quick --data /dev/shm/coordination-bench-{Guid.NewGuid():N}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Refusing to measure").And.Contain("tmpfs"));
        });
    }

    [Test]
    public void The_file_system_under_a_path_is_read_from_the_mount_table()
    {
        Assert.That(Machine.FileSystemOf("/proc/self"), Is.EqualTo("proc"));
    }
}
