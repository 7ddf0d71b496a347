using System.CommandLine;
using Inkstone.Cli.Conventions;

namespace Inkstone.Tests.Cli.Conventions;

public sealed class PathValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("inkstone-paths-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<string> Errors(Option option, params string[] args)
    {
        var root = new RootCommand { option };
        return root.Parse(args).Errors.Select(e => e.Message).ToList();
    }

    [Fact]
    public void ExistingFiles_MissingFolderAndFile_OneErrorNamingEachPath()
    {
        var file = Path.Combine(_directory, "a.jsonl");
        File.WriteAllText(file, "{}");
        var missing = Path.Combine(_directory, "nope.jsonl");
        var option = new Option<FileInfo[]>("--in") { AllowMultipleArgumentsPerToken = true }.ExistingFiles();

        Assert.Empty(Errors(option, "--in", file));
        Assert.Equal([$"{missing}: no such file"], Errors(option, "--in", file, missing));
        Assert.Equal([$"{_directory}: is a folder, not a file"], Errors(option, "--in", _directory));
    }

    [Fact]
    public void OutputFile_MissingParentOrFolder_Error()
    {
        var option = new Option<FileInfo>("--output", "-o").OutputFile();
        Assert.Empty(Errors(option, "-o", Path.Combine(_directory, "new.jsonl")));
        var deep = Path.Combine(_directory, "no", "such", "x.jsonl");
        Assert.Equal([$"{deep}: folder {Path.Combine(_directory, "no", "such")} does not exist"], Errors(option, "-o", deep));
        Assert.Equal([$"{_directory}: is a folder; give a file name"], Errors(option, "-o", _directory));
    }

    [Fact]
    public void ExistingFolders_FileGiven_Error()
    {
        var file = Path.Combine(_directory, "f.txt");
        File.WriteAllText(file, "");
        var option = new Option<DirectoryInfo>("--dir").ExistingFolders();
        Assert.Empty(Errors(option, "--dir", _directory));
        Assert.Equal([$"{file}: is a file, not a folder"], Errors(option, "--dir", file));
    }
}
