using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Inkstone.Web.Hosting;

/// <summary>
/// JSON endpoints (autosave, LLM scores on request) take the antiforgery token in the <c>X-Inkstone-Antiforgery</c>
/// header; a request without a valid one is refused with 400 before the endpoint runs.
/// </summary>
public sealed class ApiAntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public const string HeaderName = "X-Inkstone-Antiforgery";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) && !await antiforgery.IsRequestValidAsync(context.HttpContext))
            return Results.Problem(title: "antiforgery token missing or invalid", statusCode: StatusCodes.Status400BadRequest);
        return await next(context);
    }
}
