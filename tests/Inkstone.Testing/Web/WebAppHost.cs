using Inkstone.Curation;
using Inkstone.Team;
using Inkstone.Web;
using Inkstone.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Inkstone.Testing.Web;

/// <summary>
/// The real web app on a free loopback port over a workspace of its own (SQLite in a temporary folder, or a given
/// folder): Kestrel, cookies, antiforgery and all. People are added with passwords directly.
/// </summary>
public sealed class WebAppHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedDirectory;

    private WebAppHost(WebApplication app, string directory, string? ownedDirectory)
    {
        _app = app;
        Directory = directory;
        _ownedDirectory = ownedDirectory;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    public Uri BaseAddress { get; }
    public string Directory { get; }
    public IServiceProvider Services => _app.Services;
    public Workspace Workspace => _app.Services.GetRequiredService<Workspace>();

    /// <summary>Starts the app on a new SQLite workspace (configured by <paramref name="configure"/>) or on <paramref name="workspaceDirectory"/>.</summary>
    public static async Task<WebAppHost> StartAsync(string? workspaceDirectory = null, Func<WorkspaceConfig, WorkspaceConfig>? configure = null,
        Func<WebAppOptions, WebAppOptions>? options = null, CancellationToken cancellationToken = default)
    {
        string? owned = null;
        if (workspaceDirectory is null)
        {
            owned = System.IO.Directory.CreateTempSubdirectory("inkstone-web-").FullName;
            workspaceDirectory = Path.Combine(owned, "ws");
            var config = new WorkspaceConfig();
            if (configure is not null) config = configure(config);
            await using (await Workspace.InitAsync(workspaceDirectory, config, cancellationToken).ConfigureAwait(false)) { }
        }

        var webOptions = new WebAppOptions { WorkspaceDirectory = workspaceDirectory, Urls = ["http://127.0.0.1:0"] };
        if (options is not null) webOptions = options(webOptions);
        var app = await InkstoneWebApp.CreateAsync(webOptions, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new WebAppHost(app, workspaceDirectory, owned);
    }

    /// <summary>Adds a person with a password (what an accepted invitation does).</summary>
    public async Task<Person> AddPersonAsync(string id, string password, params TeamRole[] roles)
    {
        var accounts = _app.Services.GetRequiredService<AccountService>();
        var person = await accounts.AddPersonAsync(id, null, new SortedSet<TeamRole>(roles), "test").ConfigureAwait(false);
        await accounts.SetPasswordAsync(person.Id, password, "test").ConfigureAwait(false);
        return person;
    }

    /// <summary>A client signed in as a new person with the given roles (password: the id repeated to 12 characters).</summary>
    public async Task<TeamClient> SignInNewAsync(string id, params TeamRole[] roles)
    {
        var password = PasswordFor(id);
        await AddPersonAsync(id, password, roles).ConfigureAwait(false);
        var client = new TeamClient(BaseAddress);
        await client.SignInAsync(id, password).ConfigureAwait(false);
        return client;
    }

    public static string PasswordFor(string id) => string.Concat(Enumerable.Repeat(id + "#", 12)).Substring(0, 12);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDirectory is not null)
        {
            try { System.IO.Directory.Delete(_ownedDirectory, recursive: true); }
            catch (IOException) { }
        }
    }
}
