using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Inkstone.Testing;

/// <summary>
/// A private PostgreSQL cluster: initdb into a temporary folder, listening on 127.0.0.1 at a free port and on a socket
/// in that folder, trust authentication, fsync off; stopped and deleted on dispose. PostgreSQL refuses to run as root,
/// so under root the server runs as the <c>postgres</c> user (runuser). Binaries: <c>INKSTONE_PG_BIN</c> or
/// /usr/lib/postgresql/15/bin. Used by the integration tests and the benchmarks.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private string? _directory;
    private string? _dataDirectory;
    private int _databaseCounter;

    public static string BinDirectory { get; } = Environment.GetEnvironmentVariable("INKSTONE_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    public int Port { get; private set; }

    /// <summary>Starts a cluster; throws <see cref="InvalidOperationException"/> saying why when PostgreSQL cannot run here.</summary>
    public static async Task<PrivatePostgres> StartAsync(int maxConnections = 200)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "initdb")) || !File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
            throw new InvalidOperationException($"initdb/pg_ctl not found in {BinDirectory}");
        var server = new PrivatePostgres();
        try
        {
            server._directory = Directory.CreateTempSubdirectory("inkstone-pg-").FullName;
            server._dataDirectory = Path.Combine(server._directory, "data");
            if (IsRoot()) await RunAsync("chown", ["-R", "postgres", server._directory], asPostgres: false).ConfigureAwait(false);
            await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", server._dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true).ConfigureAwait(false);
            server.Port = FreePort();
            var options = $"-c listen_addresses=127.0.0.1 -p {server.Port} -k {server._directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections={maxConnections}";
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", server._dataDirectory, "-l", Path.Combine(server._directory, "server.log"), "-o", options, "-w", "-t", "60", "start"], asPostgres: true).ConfigureAwait(false);
            return server;
        }
        catch (Exception ex) when (ex is IOException or System.ComponentModel.Win32Exception)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(ex.Message, ex);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates a new, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return ConnectionString(name);
    }

    public string ConnectionString(string database, int maxPoolSize = 50) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, MaxPoolSize = maxPoolSize }.ToString();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is not null && Port != 0)
        {
            try { await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true).ConfigureAwait(false); }
            catch (InvalidOperationException) { } // already gone; the folder is removed either way
        }

        if (_directory is not null)
        {
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { }
        }
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && IsRoot())
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program]) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
    }
}
