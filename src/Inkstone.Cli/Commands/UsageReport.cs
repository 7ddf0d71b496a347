using Inkstone.Llm.Middleware;
using Inkstone.Llm.Usage;
using Spectre.Console;

namespace Inkstone.Cli.Commands;

/// <summary>The usage table every LLM verb prints at its end: calls, cache hits, requests sent, tokens, failures per model.</summary>
public static class UsageReport
{
    public static void Write(UsageLedger ledger)
    {
        var rows = ledger.Snapshot();
        if (rows.Count == 0) return;
        var table = new Table().AddColumns("model", "calls", "cache hits", "sent", "input tokens", "output tokens", "failures");
        foreach (var u in rows.Append(ledger.Total()))
            table.AddRow(Markup.Escape(u.Model), $"{u.Calls:N0}", $"{u.CacheHits:N0}", $"{u.Sent:N0}", $"{u.InputTokens:N0}", $"{u.OutputTokens:N0}", $"{u.Failures:N0}");
        AnsiConsole.Write(table);
    }
}
