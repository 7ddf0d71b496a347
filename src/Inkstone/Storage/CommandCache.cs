using System.Data.Common;

namespace Inkstone.Storage;

/// <summary>
/// Reuses commands by SQL text within one transaction: a batch of a thousand inserts prepares each statement once
/// instead of a thousand times (the main cost of small writes in SQLite).
/// </summary>
internal sealed class CommandCache(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public DbCommand Get(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, value) in parameters) WorkspaceStore.AddParameter(command, name, value);
            _commands[sql] = command;
            return command;
        }

        foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
