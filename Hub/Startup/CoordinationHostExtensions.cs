using Coordination.Agencies.Contracts;
using Coordination.Agencies.Contracts.Realtime;
using Coordination.Dispatch;
using Coordination.Dispatch.Consumers;
using Coordination.Hub.Apis;
using Coordination.Hub.Auth;
using Coordination.Hub.Errors;
using Coordination.Hub.Features.Admin;
using Coordination.Hub.Features.Common;
using Coordination.Hub.Localization;
using Coordination.Hub.Pipeline;
using Coordination.Hub.Presence;
using Coordination.Hub.Refusals;
using Coordination.Hub.WebConsole;
using Coordination.Hub.Health;
using Coordination.Hub.Realtime;
using Coordination.Hub.Security;
using Coordination.Hub.Telemetry;
using OpenTelemetry.Trace;
using OpenTelemetry;
using Coordination.Persistence;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.Tokens;

namespace Coordination.Hub.Startup;

/// <summary>Everything the hub registers and maps, in one place; Program.cs stays thin.</summary>
public static class CoordinationHostExtensions
{
    public static WebApplicationBuilder AddCoordinationHub(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;
        var hubOptions = configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        var dataDirectory = Path.GetFullPath(hubOptions.DataDirectory, builder.Environment.ContentRootPath);
        ProductionGuard.Check(builder.Environment, configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions());
        services.AddSingleton(hubOptions);
        services.AddSingleton(TimeProvider.System);
        services.AddQuietRefusalsLogging();

        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = hubOptions.MaxRequestBodyBytes);

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddPersistence(storage, dataDirectory);
        var realtime = configuration.GetSection(RealtimeOptions.Section).Get<RealtimeOptions>() ?? new RealtimeOptions();
        if (realtime.PresenceInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Coordination:Realtime:PresenceInterval must be positive.");
        }

        services.AddDispatch(configuration, dataDirectory, x =>
        {
            x.AddConsumer<LogEntryFanoutConsumer, LogEntryFanoutConsumerDefinition>();
            x.AddConsumer<PresenceSnapshotConsumer, PresenceSnapshotConsumerDefinition>();
        });

        AddAuth(services, configuration, dataDirectory);
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton(security);
        services.AddSingleton<Throttle>();
        services.AddSingleton<SignInBackoff>();
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            // Strict by default: no other origin may call the API from a browser unless listed.
            if (security.AllowedOrigins.Length > 0)
            {
                policy.WithOrigins(security.AllowedOrigins).AllowAnyHeader().WithMethods("GET", "POST").AllowCredentials();
            }
        }));

        var cap = configuration.GetSection(Features.Standards.CapOptions.Section).Get<Features.Standards.CapOptions>() ?? new Features.Standards.CapOptions();
        services.AddSingleton(cap);
        services.AddSingleton(new Features.Standards.CapTrust(cap, dataDirectory)); // a setting that cannot work stops the start here
        services.AddSingleton<Features.Standards.CapFeedStates>();
        services.AddHostedService<Features.Standards.CapFeedPoller>();
        services.AddSingleton<IncidentAccess>();
        services.AddSingleton<IncidentWriter>();
        services.AddSingleton<RestrictedAccessAudit>();
        services.AddHostedService<RestrictedAccessAuditFlush>();
        services.AddSingleton<DirectoryEntries>();
        services.AddSingleton<AgencySystems>();
        services.AddSingleton<Dispatch.AgencyBus.IAgencyCommands, Bus.AgencyBusCommands>();
        services.AddSingleton<DirectorySeed>();
        services.AddSingleton<Features.Routing.RoutingRulesLog>();
        services.AddSingleton<Features.Register.RegisterLog>();
        services.AddSingleton<Features.Register.RiskWriter>();
        services.AddSingleton<Features.Register.RegisterSeed>();
        services.AddSingleton<Features.Plans.PlanLog>();
        services.AddSingleton<Features.Plans.PlanWriter>();
        services.AddSingleton<Features.Plans.PlanSeed>();
        services.AddSingleton<Features.FollowUp.FollowUpLog>();
        services.AddSingleton<Features.Capabilities.CapabilityLog>();
        services.AddSingleton<Features.Capabilities.CapabilitySeed>();
        var seal = configuration.GetSection(Features.Seals.SealOptions.Section).Get<Features.Seals.SealOptions>() ?? new Features.Seals.SealOptions();
        services.AddSingleton(seal);
        // Read (or made) at first use, not here: the server commands (backup, verify) never touch it.
        services.AddSingleton(_ => Features.Seals.SealKey.Load(seal, dataDirectory));
        services.AddSingleton<Features.Seals.LogSealer>();
        services.AddHostedService<Features.Seals.SealSchedule>();
        services.Configure<Features.Exercises.ExerciseOptions>(configuration.GetSection(Features.Exercises.ExerciseOptions.Section));
        services.AddSingleton<Features.Exercises.ScenarioLog>();
        services.AddSingleton<Features.Exercises.ScenarioSeed>();
        services.AddSingleton<Features.Exercises.ExerciseLog>();
        services.AddSingleton<Features.Exercises.ExerciseControls>();
        services.AddSingleton<Features.Evaluation.EvaluationReader>();
        services.Configure<Features.Printing.PrintOptions>(configuration.GetSection(Features.Printing.PrintOptions.Section));
        services.AddSingleton<Features.Printing.PdfPrinter>();
        services.AddSingleton<Features.Exercises.InjectFiring>();
        services.AddSingleton<Features.Exercises.SimulatedResponder>();
        services.AddSingleton<Features.Exercises.ExerciseWakeUp>();
        services.AddHostedService<DirectorySync>();
        // After DirectorySync: its start seeds the scenarios and puts the plans in force that the first injects may activate.
        services.AddHostedService<Features.Exercises.ExerciseRunner>();
        services.AddSingleton<LiveConnections>();
        services.AddSingleton<EndedSessions>();
        services.AddSingleton<IncidentAudience>();
        services.AddSingleton<FanoutCursor>();
        services.AddSingleton(realtime);
        services.AddHostedService<AudienceHeartbeat>();
        AddTelemetry(services, configuration);
        services.AddSingleton<ClusterPresence>();
        services.AddHostedService<PresencePublisher>();
        if (realtime.FlagUnreachableAgencies)
        {
            services.AddScoped<IRoutingQueueStep, UnreachableAgencyJudge>();
        }

        services.Configure<Microsoft.AspNetCore.Http.Connections.ConnectionOptions>(o => o.DisconnectTimeout = realtime.ReconnectWindow);
        services.AddUseCases();
        var console = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        _ = console.TileOrigin(); // a malformed tile URL stops the start, not the map later
        services.AddSingleton(console);

        // REST bodies and hub arguments are read by the same rules (RequestJson), so a command gets the same answer on both.
        services.Configure<JsonOptions>(o => RequestJson.Apply(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddSignalR(o =>
            {
                o.AddFilter<RefusalHubFilter>();
                o.AddFilter<UnreadableCallFilter>(); // inside RefusalHubFilter, which answers its refusal
                o.EnableDetailedErrors = false;
                o.MaximumReceiveMessageSize = hubOptions.MaxRequestBodyBytes;
                o.StatefulReconnectBufferSize = 1_000_000;
            })
            .AddJsonProtocol(o =>
            {
                RequestJson.Apply(o.PayloadSerializerOptions);
                EntryJsonOnce.AddTo(o.PayloadSerializerOptions);
            })
            .RefuseUnreadableCalls();
        services.AddOpenApi(o => o.NameSchemasByDeclaringType().DescribeRequiredFields().DescribeEnumsByName().DescribeSignInAndLimits());
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<BusHealthCheck>("bus", tags: ["ready"]);
        return builder;
    }

    private static void AddTelemetry(IServiceCollection services, ConfigurationManager configuration)
    {
        var telemetry = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (telemetry.MetricsToken.Length is > 0 and < 32)
        {
            throw new InvalidOperationException("Coordination:Telemetry:MetricsToken must be at least 32 characters (openssl rand -base64 32).");
        }

        if (telemetry.OtlpEndpoint.Length > 0 && !(Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var otlp) && otlp.Scheme is "http" or "https"))
        {
            throw new InvalidOperationException("Coordination:Telemetry:OtlpEndpoint must be an absolute http(s) address, or empty.");
        }

        services.AddSingleton(telemetry);
        services.AddSingleton<HubTelemetry>();
        if (!telemetry.Metrics)
        {
            return;
        }

        // Made when the hub is mapped (MapMetrics), before the first append, so every counter counts from the start.
        services.AddSingleton<PrometheusExposition>();
        if (telemetry.OtlpEndpoint.Length > 0)
        {
            // Traces only to the operators' own collector, and only when one is named: nothing leaves the hub otherwise.
            services.AddOpenTelemetry().WithTracing(t => t
                .AddSource(Persistence.EventLog.LogTelemetry.Name, DispatchTelemetry.Name, HubTelemetry.Name, "MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsEndpoint.Path) && !c.Request.Path.StartsWithSegments("/health"))
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = new Uri(new Uri(telemetry.OtlpEndpoint), "v1/traces");
                    o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                }));
        }
    }

    private static void AddAuth(IServiceCollection services, ConfigurationManager configuration, string dataDirectory)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var key = SigningKey.Resolve(auth, dataDirectory);
        services.AddSingleton(auth);
        services.AddSingleton(key);
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<AccountStates>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SessionTokens>();
        services.AddHostedService<SignInStatePurge>();
        var external = configuration.GetSection(ExternalIssuerOptions.Section).Get<ExternalIssuerOptions>() ?? new ExternalIssuerOptions();
        var useExternal = !string.IsNullOrWhiteSpace(external.Authority);
        var authentication = services.AddAuthentication(o =>
        {
            o.DefaultScheme = useExternal ? BearerSelector : JwtBearerDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = o.DefaultScheme;
        });
        authentication.AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                // A 401 says "Bearer" only: why a token failed ("expired at ...", "signature key not found") helps an attacker, not a user.
                o.IncludeErrorDetails = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = key,
                    NameClaimType = System.Security.Claims.ClaimTypes.Name,
                    RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                o.Events = new JwtBearerEvents { OnMessageReceived = TokenFromQueryForHub };
            });
        // Token lifetimes are judged by the hub's clock, the one that issued them and that closes live connections
        // when they expire, so every check agrees on the moment a token ends.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, time) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                return (notBefore is not { } from || from <= now + parameters.ClockSkew) && expires is { } to && now - parameters.ClockSkew < to;
            });
        if (useExternal)
        {
            authentication.AddJwtBearer(ExternalScheme, o =>
            {
                o.Authority = external.Authority;
                o.Audience = external.Audience;
                o.RequireHttpsMetadata = external.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.IncludeErrorDetails = false;
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
                o.Events = new JwtBearerEvents
                {
                    OnMessageReceived = TokenFromQueryForHub,
                    OnTokenValidated = context =>
                    {
                        // Map the directory's claims onto the hub's; a token without a usable role or agency is refused.
                        if (ExternalClaims.Map(context.Principal!, external) is { } mapped)
                        {
                            context.Principal = mapped;
                        }
                        else
                        {
                            context.Fail("The external token does not carry a known role and an agency.");
                        }

                        return Task.CompletedTask;
                    },
                };
            });
            authentication.AddPolicyScheme(BearerSelector, "Built-in or external bearer token", o =>
                o.ForwardDefaultSelector = context => ExternalClaims.IsFromIssuer(context, auth.Issuer) ? JwtBearerDefaults.AuthenticationScheme : ExternalScheme);
        }

        services.AddAuthorization();
    }

    private const string ExternalScheme = "External";
    private const string BearerSelector = "Bearer-or-external";

    // Browsers cannot set headers on WebSockets: SignalR sends the token in the query string.
    private static Task TokenFromQueryForHub(MessageReceivedContext context)
    {
        var token = context.Request.Query["access_token"];
        if (!string.IsNullOrEmpty(token) && context.HttpContext.Request.Path.StartsWithSegments(HubPaths.Coordination))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    public static WebApplication MapCoordinationHub(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders(app.Services.GetRequiredService<ConsoleOptions>().TileOrigin());
        app.UseRequestLocalization(o =>
        {
            o.SupportedCultures = Say.Cultures;
            o.SupportedUICultures = Say.Cultures;
            o.SetDefaultCulture("en");
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
        }

        // The web console: index.html at the root, revalidated on every load so an update reaches
        // every desk at once, and cheap on a poor link (ETag, 304).
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapAuthApi();
        app.MapIncidentsApi();
        app.MapAlertsApi();
        app.MapEventLogApi();
        app.MapReferenceApi();
        app.MapAdminApi();
        app.MapRoutingApi();
        app.MapRegisterApi();
        app.MapPlansApi();
        app.MapCapabilitiesApi();
        app.MapIncidentPlansApi();
        app.MapExercisesApi();
        app.MapFollowUpApi();
        app.MapStandardsApi();
        app.MapPerformanceApi();
        app.MapEvaluationApi();
        app.MapPresenceApi();
        app.MapConsoleApi();
        app.MapHub<CoordinationHub>(HubPaths.Coordination, o => o.AllowStatefulReconnects = true);
        app.MapMetrics();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
