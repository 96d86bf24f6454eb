using System.ComponentModel;
using System.Diagnostics;
using Coordination.Hub.Refusals;
using Microsoft.Extensions.Options;

namespace Coordination.Hub.Features.Printing;

/// <summary>
/// Turns a printable page into a PDF by running headless Chromium on a self-contained copy of it written to a folder of
/// its own: no signed-in browser and no request back to the hub, and Chromium shapes Arabic and lays it right to left
/// as any browser does. Without Chromium it refuses (503) and the printable page is still there to print.
/// </summary>
public sealed class PdfPrinter(IOptions<PrintOptions> options, IWebHostEnvironment environment, ILogger<PdfPrinter> logger) : IDisposable
{
    /// <summary>Chromium processes printing at once: each takes a few hundred megabytes, and any reader may ask for a PDF.</summary>
    public const int AtOnce = 2;

    private readonly SemaphoreSlim _printing = new(AtOnce, AtOnce);

    public bool Available => File.Exists(options.Value.ChromiumPath);

    public async Task<byte[]> PrintAsync(PrintablePage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!Available)
        {
            throw Refuse.PdfUnavailable();
        }

        // A print waits its turn for as long as one print may take, then is refused (503) rather than queued on.
        if (!await _printing.WaitAsync(options.Value.Timeout, cancellationToken))
        {
            throw Refuse.PdfBusy();
        }

        var folder = Directory.CreateTempSubdirectory("coordination-print-");
        try
        {
            var html = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(html, page.SelfContained(await StylesheetAsync(cancellationToken)), cancellationToken);
            await RunChromiumAsync(folder.FullName, html, pdf, cancellationToken);
            return File.Exists(pdf) ? await File.ReadAllBytesAsync(pdf, cancellationToken) : throw new InvalidOperationException("Chromium printed no PDF.");
        }
        finally
        {
            _printing.Release();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                // A Chromium just killed may still hold its profile: the print's own outcome is the one to report.
                HubLogMessages.PrintFolderLeft(logger, folder.FullName, ex);
            }
        }
    }

    public void Dispose() => _printing.Dispose();

    private async Task<string> StylesheetAsync(CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(PrintablePage.Stylesheet);
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private async Task RunChromiumAsync(string folder, string html, string pdf, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.ChromiumPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // A profile of its own in the print folder, so two prints at once, or a desktop Chromium, never share one.
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder, "profile")}",
            $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw Refuse.PdfUnavailable();
        }
        catch (Win32Exception)
        {
            throw Refuse.PdfUnavailable();
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            await Task.WhenAll(output, errors);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Chromium failed to print ({process.ExitCode}): {await errors}");
            }
        }
    }
}
