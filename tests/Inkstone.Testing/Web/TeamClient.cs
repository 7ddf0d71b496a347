using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Inkstone.Testing.Web;

/// <summary>
/// One person's browser session over plain HTTP: a cookie jar, no automatic redirects (tests see them), and forms posted
/// the way the pages post them — with the antiforgery token of the page they came from and the form's handler name.
/// </summary>
public sealed partial class TeamClient : IDisposable
{
    private readonly HttpClient _http;

    public TeamClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    /// <summary>The body of the last page fetched with <see cref="GetAsync"/> (forms are posted with its token).</summary>
    public string LastPage { get; private set; } = "";

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public string AntiforgeryToken => TokenPattern().Match(LastPage) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("the last page has no antiforgery token");

    public async Task<PageResult> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK) LastPage = body;
        return new PageResult(response.StatusCode, body, response.Headers.Location?.ToString(), response.Headers);
    }

    /// <summary>Posts a form of the last page: its antiforgery token and handler name (<paramref name="handler"/>) are added.</summary>
    public async Task<PageResult> PostFormAsync(string path, string? handler, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = new List<KeyValuePair<string, string>>(fields);
        if (handler is not null) all.Add(new("_handler", handler));
        if (withToken) all.Add(new("__RequestVerificationToken", AntiforgeryToken));
        using var content = new FormUrlEncodedContent(all);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK) LastPage = body;
        return new PageResult(response.StatusCode, body, response.Headers.Location?.ToString(), response.Headers);
    }

    public Task<PageResult> PostFormAsync(string path, string? handler, params (string Name, string Value)[] fields) =>
        PostFormAsync(path, handler, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>Posts JSON with the antiforgery header taken from the last page (as the page scripts do).</summary>
    public async Task<PageResult> PostJsonAsync<T>(string path, T body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (withToken) request.Headers.Add("X-Inkstone-Antiforgery", AntiforgeryToken);
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        return new PageResult(response.StatusCode, await response.Content.ReadAsStringAsync().ConfigureAwait(false), response.Headers.Location?.ToString(), response.Headers);
    }

    public async Task SignInAsync(string id, string password)
    {
        await GetAsync("/signin").ConfigureAwait(false);
        var result = await PostFormAsync("/signin", "signin", ("Input.Name", id), ("Input.Password", password)).ConfigureAwait(false);
        if (result.Status != HttpStatusCode.Found) throw new InvalidOperationException($"sign-in of {id} failed: {(int)result.Status}");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A response as a test reads it: status, body, redirect target.</summary>
public sealed record PageResult(HttpStatusCode Status, string Body, string? Location, System.Net.Http.Headers.HttpResponseHeaders Headers)
{
    public bool RedirectsTo(string path) => Status is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther
        && Location is not null && (Location.StartsWith(path, StringComparison.Ordinal) || new Uri(Location, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } u && u.PathAndQuery.StartsWith(path, StringComparison.Ordinal));
}
