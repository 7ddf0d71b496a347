using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inkstone.Web;

/// <summary>The app's features (workbench, scoring, review, admin): each registers its services and maps its JSON endpoints here.</summary>
internal static class WebFeatures
{
    public static void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }

    /// <param name="app">The app, for endpoints outside <c>/api</c>.</param>
    /// <param name="api">The <c>/api</c> group: signed-in people only, antiforgery header required on every post.</param>
    public static void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(api);
    }
}
