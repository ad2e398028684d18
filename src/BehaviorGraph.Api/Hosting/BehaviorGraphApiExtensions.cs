using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using BehaviorGraph.Api.AnalystConsole;
using BehaviorGraph.Api.Contracts;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Reads;
using BehaviorGraph.Api.Scoring;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Graph;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Hosting;
using BehaviorGraph.Hosting.Settings;
using BehaviorGraph.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace BehaviorGraph.Api.Hosting;

public static class BehaviorGraphApiExtensions
{
    private const string ApiKeySchemeName = "ApiKey";

    /// <summary>
    /// Registers the opened store, the settings (<see cref="ServiceOptions"/> from <c>BehaviorGraph:Service</c>, the
    /// jobs' and the analysis' from theirs, all bound from the builder's configuration and checked at start), the jobs
    /// (Hangfire storage following <paramref name="location"/>; an invalid schedule file throws here), API-key
    /// authentication (and the analyst console's session cookie) with role policies, rate limits (per key; per client
    /// address and global for requests without a valid key), body limits, ProblemDetails, antiforgery for the
    /// dashboard and the console, the log of refused requests, the score cache, metrics, the OpenAPI document and the
    /// analyst reads (from <paramref name="graph"/> when it offers them).
    /// </summary>
    public static WebApplicationBuilder AddBehaviorGraph(this WebApplicationBuilder builder, StoreLocation location, IBehaviorStore store, IGraphStore? graph = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(location);
        var services = builder.Services;
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        // The handler would write two or three lines per refused request; RejectedRequestLog summarises them instead.
        builder.Logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning);
        builder.Logging.AddFilter(typeof(ConsoleSessionHandler).FullName, LogLevel.Warning);
        CheckSettings(builder.Configuration);
        services.AddBehaviorGraphSettings<ServiceOptions>(ServiceOptions.SectionName, ServiceOptions.Check);
        // Endpoints and background services take the bound options as they are.
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<ServiceOptions>>().Value);
        services.AddSingleton(store);
        services.AddSingleton(TimeProvider.System);
        services.AddBehaviorGraphJobs(builder.Configuration, location);

        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>().Configure<IOptions<ServiceOptions>>((kestrel, service) =>
        {
            kestrel.Limits.MaxRequestBodySize = Math.Max(service.Value.MaxEventsBodyBytes, service.Value.MaxRequestBodyBytes);
            kestrel.AddServerHeader = false;
        });

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, LookupJsonContext.Default);
        });
        services.AddProblemDetails();
        services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "BehaviorGraph API";
                document.Info.Description = $"Send an API key in the {ApiKeys.Header} header. Roles: enforcement < analyst < admin.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeys.Header,
                    Description = "An API key from `bgraph keys create --role enforcement|analyst|admin`.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemeName, document)] = [] }];
                return Task.CompletedTask;
            })
            .AddOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                // Open endpoints (health) override the document-wide key requirement with none.
                if (metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                }

                if (metadata.OfType<RequestBodyDocumentation>().FirstOrDefault() is { } body)
                {
                    var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
                    foreach (var (mediaType, schema) in body.Content)
                    {
                        content[mediaType] = new OpenApiMediaType { Schema = await context.GetOrCreateSchemaAsync(schema, null, cancellationToken) };
                    }

                    operation.RequestBody = new OpenApiRequestBody { Description = body.Description, Required = body.Required, Content = content };
                }
            }));

        services.AddSingleton<ApiKeyValidator>();
        // The API key header as before; without one, the analyst console's session cookie (ConsoleSessionHandler.Select).
        services.AddAuthentication(ConsoleSessionHandler.SelectingSchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddConsoleSession();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Enforcement, RoleAtLeast(ApiRole.Enforcement))
            .AddPolicy(ApiPolicies.Analyst, RoleAtLeast(ApiRole.Analyst))
            .AddPolicy(ApiPolicies.Admin, RoleAtLeast(ApiRole.Admin))
            .SetFallbackPolicy(RoleAtLeast(ApiRole.Enforcement));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ServiceOptions>>((limiter, service) =>
        {
            var options = service.Value;
            // Authentication runs first, so the partition is known: a valid key has its own bucket; requests without
            // one (no key, unknown, revoked) share a bucket per client address and, chained to it, a global one, so
            // a flood presenting a new random key each time is throttled while keyed clients keep their budget.
            var perKey = PartitionedRateLimiter.Create<HttpContext, string>(context => IsKeyed(context)
                ? RateLimitPartition.GetTokenBucketLimiter("key:" + RequestKey.HashOf(context), _ => Bucket(options.RateLimitPerSecond, options.RateLimitBurst))
                : RateLimitPartition.GetTokenBucketLimiter(
                    "address:" + ClientAddress.Of(context), _ => Bucket(options.UnauthenticatedPerAddressPerSecond, options.UnauthenticatedPerAddressBurst)));
            var global = PartitionedRateLimiter.Create<HttpContext, string>(context => IsKeyed(context)
                ? RateLimitPartition.GetNoLimiter("keyed")
                : RateLimitPartition.GetTokenBucketLimiter("unauthenticated", _ => Bucket(options.UnauthenticatedGlobalPerSecond, options.UnauthenticatedGlobalBurst)));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perKey, global);
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ServiceMetrics>().RateLimited();
                var detail = IsKeyed(context.HttpContext)
                    ? $"This API key's rate limit is reached; retry in {seconds} s."
                    : $"Too many requests without a valid API key (from this address, or from all clients together); retry in {seconds} s.";
                return new ValueTask(Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", detail));
            };
        });

        // The dashboard validates the antiforgery token its pages carry on every state-changing request once the
        // antiforgery service is registered (its cookie is SameSite=Strict); DashboardCrossSiteGuard checks the origin.
        services.AddAntiforgery();
        services.AddSingleton<RejectedRequestLog>();
        services.AddHostedService<RejectedRequestLogWriter>();
        services.AddSingleton<ScoreCache>();
        services.AddHostedService<ScoreCacheRefresher>();
        services.AddServiceMetrics();
        services.AddSingleton(new AnalystReads(store, graph));
        return builder;
    }

    /// <summary>
    /// The middleware pipeline: metrics, HEAD answered as GET, the log of refused requests, ProblemDetails for
    /// failures, routing, body limits, authentication, rate limits (which need to know whether the key is valid),
    /// authorization, then the dashboard's and the console's cross-site checks.
    /// </summary>
    public static WebApplication UseBehaviorGraph(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<ServiceOptions>();
        app.UseMiddleware<RequestMetricsMiddleware>();
        app.UseMiddleware<HeadAsGetMiddleware>();
        app.UseMiddleware<RejectedRequestMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                OperationCanceledException => StatusCodes.Status499ClientClosedRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.Use((context, next) =>
        {
            // Every body is capped; POST /v1/events raises its own cap to MaxEventsBodyBytes. A declared length over
            // the cap is refused before authentication, so an oversized body is never read.
            var limit = context.Request.Path.StartsWithSegments("/v1/events") ? options.MaxEventsBodyBytes : options.MaxRequestBodyBytes;
            var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                return Problems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body exceeds {limit} bytes.");
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<DashboardCrossSiteGuard>();
        app.UseConsoleRequestGuard();
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }

    /// <summary>
    /// Every section checked now, so one start reports every bad setting (the options pattern would stop at the first
    /// section it binds); <c>ValidateOnStart</c> still guards each section.
    /// </summary>
    private static void CheckSettings(IConfiguration configuration)
    {
        var failures = new List<OptionsValidationException>();
        if (BehaviorGraphSettings.UnknownSections(configuration) is { Count: > 0 } unknown)
        {
            failures.Add(new OptionsValidationException(Options.DefaultName, typeof(BehaviorGraphSettings), unknown));
        }

        Check(() => SettingsRegistration.Read<ServiceOptions>(configuration, ServiceOptions.SectionName, ServiceOptions.Check));
        Check(() => JobsServiceCollectionExtensions.ReadOptions(configuration));
        Check(() => AnalysisSettings.Read(configuration));
        if (failures.Count == 1)
        {
            throw failures[0];
        }

        if (failures.Count > 1)
        {
            throw new AggregateException("Invalid settings.", failures);
        }

        void Check(Func<object> read)
        {
            try
            {
                read();
            }
            catch (OptionsValidationException ex)
            {
                failures.Add(ex);
            }
        }
    }

    private static bool IsKeyed(HttpContext context) => context.User.Identity?.IsAuthenticated == true;

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static AuthorizationPolicy RoleAtLeast(ApiRole role) =>
        new AuthorizationPolicyBuilder(ConsoleSessionHandler.SelectingSchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
                context.User.FindFirst(ApiPolicies.RoleClaim)?.Value is { } value
                && int.TryParse(value, CultureInfo.InvariantCulture, out var granted)
                && granted >= (int)role)
            .Build();
}
