using Inkstone.Testing;

[assembly: AssemblyFixture(typeof(Inkstone.IntegrationTests.Infrastructure.PostgresCluster))]

namespace Inkstone.IntegrationTests.Infrastructure;

/// <summary>
/// The test run's private PostgreSQL cluster (<see cref="PrivatePostgres"/>). Tests call <see cref="EnsureAvailable"/>
/// (skip locally, fail under CI when PostgreSQL 15 is missing).
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private PrivatePostgres? _server;

    public bool Available => _server is not null;

    public string? Problem { get; private set; }

    public int Port => _server?.Port ?? 0;

    public void EnsureAvailable() => RequiredService.Ensure(Available, $"PostgreSQL 15 private cluster ({Problem})");

    public async ValueTask InitializeAsync()
    {
        try
        {
            _server = await PrivatePostgres.StartAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            Problem = ex.Message;
        }
    }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        EnsureAvailable();
        return _server!.CreateDatabaseAsync(cancellationToken);
    }

    public string ConnectionString(string database) => _server!.ConnectionString(database);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
    }
}
