using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using BehaviorGraph.Api.Metrics;
using BehaviorGraph.Api.Relational;
using BehaviorGraph.Api.Scoring;
using BehaviorGraph.Api.Security;
using BehaviorGraph.Core.Security;
using BehaviorGraph.Core.Storage;
using BehaviorGraph.Jobs;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace BehaviorGraph.Api.Hosting;

public static class BehaviorGraphApiExtensions
{
    private const string ApiKeySchemeName = "ApiKey";

    /// <summary>
    /// Registers the opened store, the jobs (Hangfire storage following the store; an invalid schedule file throws
    /// here), API-key authentication with role policies, per-key rate limits, body limits, ProblemDetails, the score
    /// cache, metrics and the OpenAPI document.
    /// </summary>
    public static WebApplicationBuilder AddBehaviorGraph(this WebApplicationBuilder builder, ServiceOptions options, IBehaviorStore store)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Hangfire", LogLevel.Warning);
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.AddSingleton(TimeProvider.System);
        services.AddBehaviorGraphJobs(new JobsOptions(options.Store)
        {
            SchedulesPath = options.SchedulesPath,
            InboxPath = options.InboxPath,
            RunServer = options.RunJobServer,
            WorkerCount = options.JobWorkers,
            PollInterval = options.JobPollInterval,
        });

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxEventsBodyBytes, options.MaxRequestBodyBytes);
            kestrel.AddServerHeader = false;
        });

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
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
            .AddOperationTransformer((operation, context, _) =>
            {
                // Open endpoints (health) override the document-wide key requirement with none.
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security = [];
                }

                return Task.CompletedTask;
            }));

        services.AddSingleton<ApiKeyValidator>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Enforcement, RoleAtLeast(ApiRole.Enforcement))
            .AddPolicy(ApiPolicies.Analyst, RoleAtLeast(ApiRole.Analyst))
            .AddPolicy(ApiPolicies.Admin, RoleAtLeast(ApiRole.Admin))
            .SetFallbackPolicy(RoleAtLeast(ApiRole.Enforcement));

        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var hash = RequestKey.HashOf(context);
                var partition = hash is not null ? "key:" + hash : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RateLimitBurst,
                    TokensPerPeriod = options.RateLimitPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ServiceMetrics>().RateLimited();
                return new ValueTask(Problems.WriteAsync(
                    context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", $"This API key's rate limit is reached; retry in {seconds} s."));
            };
        });

        services.AddSingleton<ScoreCache>();
        services.AddHostedService<ScoreCacheRefresher>();
        services.AddServiceMetrics();
        services.AddSingleton(_ => new ReadOnlyDatabase(options.Store));
        services.AddSingleton<GraphQueries>();
        return builder;
    }

    /// <summary>The middleware pipeline: metrics, ProblemDetails for failures, routing, per-key rate limit, authentication, authorization.</summary>
    public static WebApplication UseBehaviorGraph(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<ServiceOptions>();
        app.UseMiddleware<RequestMetricsMiddleware>();
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
            // Every body is capped; POST /v1/events raises its own cap to MaxEventsBodyBytes.
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
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }

    private static AuthorizationPolicy RoleAtLeast(ApiRole role) =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
                context.User.FindFirst(ApiPolicies.RoleClaim)?.Value is { } value
                && int.TryParse(value, CultureInfo.InvariantCulture, out var granted)
                && granted >= (int)role)
            .Build();
}
