using System.CommandLine;
using System.CommandLine.Parsing;

namespace Inkstone.Cli.Conventions;

/// <summary>
/// Checks of path options and arguments at parse time, so that a missing file, a folder given for a file or an output
/// folder that does not exist is one usage error naming the path (exit code <see cref="ExitCodes.InputError"/>).
/// </summary>
public static class PathValidation
{
    /// <summary>Every path given must be an existing file.</summary>
    public static T ExistingFiles<T>(this T option) where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(r => Check(r, FileProblem));
        return option;
    }

    /// <inheritdoc cref="ExistingFiles{T}(T)"/>
    public static Argument<T> ExistingFiles<T>(this Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(r => Check(r, FileProblem));
        return argument;
    }

    /// <summary>Every path given must be an existing file or folder.</summary>
    public static Argument<T> ExistingPaths<T>(this Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(r => Check(r, PathProblem));
        return argument;
    }

    /// <inheritdoc cref="ExistingPaths{T}(Argument{T})"/>
    public static T ExistingPaths<T>(this T option) where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(r => Check(r, PathProblem));
        return option;
    }

    public static string? PathProblem(string path) => File.Exists(path) || Directory.Exists(path) ? null : $"{path}: no such file or folder";

    /// <summary>Every path given must be an existing GGUF model file (it starts with the magic bytes <c>GGUF</c>).</summary>
    public static T GgufFiles<T>(this T option) where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(r => Check(r, p => FileProblem(p) ?? GgufProblem(p)));
        return option;
    }

    public static string? GgufProblem(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        return read == 4 && magic.SequenceEqual("GGUF"u8) ? null : $"{path}: not a GGUF model file (it does not start with 'GGUF')";
    }

    /// <summary>Every path given must be an existing folder.</summary>
    public static T ExistingFolders<T>(this T option) where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(r => Check(r, FolderProblem));
        return option;
    }

    /// <summary>An output file: not a folder, and its folder must exist.</summary>
    public static T OutputFile<T>(this T option) where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(r => Check(r, OutputFileProblem));
        return option;
    }

    /// <summary>An output folder: not a file, and its parent folder must exist (the folder itself is created).</summary>
    public static T OutputFolder<T>(this T option) where T : Option
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(r => Check(r, OutputFolderProblem));
        return option;
    }

    public static string? FileProblem(string path) =>
        File.Exists(path) ? null : Directory.Exists(path) ? $"{path}: is a folder, not a file" : $"{path}: no such file";

    public static string? FolderProblem(string path) =>
        Directory.Exists(path) ? null : File.Exists(path) ? $"{path}: is a file, not a folder" : $"{path}: no such folder";

    public static string? OutputFileProblem(string path)
    {
        if (Directory.Exists(path)) return $"{path}: is a folder; give a file name";
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        return parent is null || Directory.Exists(parent) ? null : $"{path}: folder {parent} does not exist";
    }

    public static string? OutputFolderProblem(string path)
    {
        if (File.Exists(path)) return $"{path}: is a file, not a folder";
        var parent = Path.GetDirectoryName(Path.GetFullPath(path.TrimEnd('/', '\\')));
        return parent is null || Directory.Exists(parent) ? null : $"{path}: folder {parent} does not exist";
    }

    private static void Check(SymbolResult result, Func<string, string?> problem)
    {
        foreach (var token in result.Tokens)
            if (problem(token.Value) is { } message) result.AddError(message);
    }
}
