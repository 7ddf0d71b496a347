using System.Diagnostics;
using System.Text;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// Traditional → simplified conversion with the OpenCC command-line tool (Debian package <c>opencc</c>, configuration
/// <c>t2s.json</c>). One process per batch: the texts are joined with a separator line that OpenCC passes through
/// unchanged (ASCII only) and split again.
/// </summary>
public sealed class OpenCcConverter : ITextConverter
{
    private const string Separator = "\n@@INKSTONE-OPENCC-SEPARATOR-4f1c@@\n";

    public OpenCcConverter(string executable = "opencc", string configuration = "t2s.json")
    {
        Executable = executable;
        Configuration = configuration;
    }

    public string Executable { get; }

    public string Configuration { get; }

    /// <summary>Finds <paramref name="executable"/> on PATH (or as a path); a clear error when traditional→simplified is asked for and OpenCC is missing.</summary>
    public static OpenCcConverter Locate(string executable = "opencc")
    {
        if (executable.Contains('/', StringComparison.Ordinal) ? File.Exists(executable) : FindOnPath(executable) is not null)
            return new OpenCcConverter(executable);
        throw new InvalidOperationException(
            "traditional→simplified conversion needs the OpenCC command-line tool ('opencc'), which was not found on PATH; install it (Debian/Ubuntu: apt-get install opencc) or ingest without --to-simplified");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    public async Task<IReadOnlyList<string>> ConvertAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0) return [];
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false), StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Configuration);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Executable}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(string.Join(Separator, texts).AsMemory(), cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Executable} -c {Configuration} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}");
        var parts = (await output.ConfigureAwait(false)).Split(Separator);
        if (parts.Length != texts.Count)
            throw new InvalidOperationException($"{Executable} returned {parts.Length} texts for {texts.Count}; a text may contain the batch separator");
        // OpenCC may add a final newline; the separator itself is untouched.
        if (parts[^1].EndsWith('\n') && !texts[^1].EndsWith('\n')) parts[^1] = parts[^1][..^1];
        return parts;
    }
}
