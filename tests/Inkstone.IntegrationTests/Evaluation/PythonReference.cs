using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Evaluation;

/// <summary>Runs a Python script with scipy/statsmodels as an independent reference: JSON in on stdin, JSON out on stdout.</summary>
internal static class PythonReference
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<bool> s_available = new(() =>
    {
        if (!File.Exists(Python)) return false;
        try { return RunRaw("import scipy, statsmodels, numpy\nprint('{}')", "{}").Trim() == "{}"; }
        catch (InvalidOperationException) { return false; }
        catch (System.ComponentModel.Win32Exception) { return false; }
    });

    public static void EnsureAvailable() => RequiredService.Ensure(s_available.Value, "/usr/bin/python3 with scipy, statsmodels and numpy");

    public static JsonNode Run(string script, object input)
    {
        EnsureAvailable();
        return JsonNode.Parse(RunRaw(script, JsonSerializer.Serialize(input)))!;
    }

    private static string RunRaw(string script, string stdin)
    {
        var path = Path.Combine(Path.GetTempPath(), $"inkstone-ref-{Guid.NewGuid():N}.py");
        File.WriteAllText(path, script);
        try
        {
            var info = new ProcessStartInfo(Python, [path]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(info)!;
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
            var stderrTask = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"python reference failed ({process.ExitCode}): {stderrTask.Result}");
            return stdout;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
