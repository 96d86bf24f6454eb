namespace Coordination.Bench.Live;

/// <summary>Reads a hub's <c>/metrics</c> every 5 s, as a Prometheus would, until disposed; S1 with metrics runs beside one.</summary>
internal sealed class MetricsScraper : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private Task _loop = Task.CompletedTask;

    private MetricsScraper(Uri hub, string token)
    {
        _http = new HttpClient { BaseAddress = hub };
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    public static MetricsScraper Start(Uri hub, string token)
    {
        var scraper = new MetricsScraper(hub, token);
        scraper._loop = scraper.RunAsync();
        return scraper;
    }

    private async Task RunAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var answer = await _http.GetAsync(new Uri("metrics", UriKind.Relative), _stop.Token);
                answer.EnsureSuccessStatusCode();
                await Task.Delay(TimeSpan.FromSeconds(5), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _http.Dispose();
    }
}
