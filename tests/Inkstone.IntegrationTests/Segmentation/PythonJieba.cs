using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Segmentation;

/// <summary>Runs Debian's Python jieba (<c>/usr/bin/python3</c>) through <c>jieba_reference.py</c>.</summary>
internal static class PythonJieba
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> s_available = new(() =>
    {
        if (!File.Exists(Python)) return false;
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import jieba"]) { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static bool IsAvailable => s_available.Value;

    private static string Script => Path.Combine(RequiredService.RepositoryRoot(), "tests", "Inkstone.IntegrationTests", "Segmentation", "jieba_reference.py");

    /// <summary>Segments <paramref name="documents"/> in every mode; keys are the script's mode names.</summary>
    /// <remarks>With <paramref name="userDictionary"/>, Python loads it first and only the precise modes are run.</remarks>
    public static async Task<Dictionary<string, List<List<string>>>> CutAsync(IReadOnlyList<string> documents, string workDirectory, string? userDictionary, CancellationToken cancellationToken)
    {
        var input = Path.Combine(workDirectory, "documents.json");
        var output = Path.Combine(workDirectory, "python-tokens.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(documents), cancellationToken);
        await RunAsync(userDictionary is null ? ["cut", input, output] : ["cut", input, output, userDictionary], cancellationToken);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(output, cancellationToken))!.AsObject();
        var result = new Dictionary<string, List<List<string>>>();
        foreach (var (mode, value) in json)
        {
            if (value is not JsonArray array) continue;
            result[mode] = array.Select(doc => doc!.AsArray().Select(t => t!.GetValue<string>()).ToList()).ToList();
        }
        return result;
    }

    /// <summary>jieba's HMM tables, totals, <c>log</c> values and whitespace class as Python sees them.</summary>
    public static async Task<JsonObject> TablesAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var output = Path.Combine(workDirectory, "python-tables.json");
        await RunAsync(["tables", output], cancellationToken);
        return JsonNode.Parse(await File.ReadAllTextAsync(output, cancellationToken))!.AsObject();
    }

    private static async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Script);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"jieba_reference.py {arguments[0]} exited with {process.ExitCode}: {await stderr}{await stdout}");
    }
}
