using System.Diagnostics;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Text;

/// <summary>Runs a reference computation as a script (system Python by default, or another interpreter such as node) and returns its standard output.</summary>
public static class ReferenceScript
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Skips (locally) or fails (CI) unless /usr/bin/python3 can import every module in <paramref name="modules"/>.</summary>
    public static void RequirePython(params string[] modules)
    {
        var available = File.Exists(Python) && Run($"import {string.Join(", ", modules)}", "", throwOnError: false).ExitCode == 0;
        RequiredService.Ensure(available, $"{Python} with {string.Join(", ", modules)}");
    }

    /// <summary>Runs <paramref name="script"/>, which reads <paramref name="input"/> from standard input.</summary>
    public static string Evaluate(string script, string input) => Evaluate(Python, ".py", script, input);

    /// <summary>Runs <paramref name="script"/> with <paramref name="interpreter"/>; the script reads <paramref name="input"/> from standard input.</summary>
    public static string Evaluate(string interpreter, string extension, string script, string input)
    {
        var (exitCode, output, error) = Run(interpreter, extension, script, input, throwOnError: true);
        return exitCode == 0 ? output : throw new InvalidOperationException($"reference script failed ({exitCode}): {error}");
    }

    private static (int ExitCode, string Output, string Error) Run(string script, string input, bool throwOnError) =>
        Run(Python, ".py", script, input, throwOnError);

    private static (int ExitCode, string Output, string Error) Run(string interpreter, string extension, string script, string input, bool throwOnError)
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), "inkstone-ref-" + Guid.NewGuid().ToString("N") + extension);
        try
        {
            File.WriteAllText(scriptPath, script);
            var start = new ProcessStartInfo(interpreter, [scriptPath])
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("reference script ran longer than 2 minutes");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (Exception e) when (!throwOnError && e is System.ComponentModel.Win32Exception or IOException)
        {
            return (-1, "", e.Message);
        }
        finally
        {
            File.Delete(scriptPath);
        }
    }
}
