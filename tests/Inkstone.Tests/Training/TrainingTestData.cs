using System.Globalization;
using System.Text;
using System.Text.Json;
using Inkstone.Model;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

/// <summary>Small generated inputs for the training tests: triplets over a few genres and a general pool in all three formats.</summary>
internal sealed class TrainingTestData : IDisposable
{
    public TrainingTestData()
    {
        Directory = Path.Combine(Path.GetTempPath(), "inkstone-train-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Triplets t000…; genre of triplet i is genres[i % genres.Length]; texts vary in length and carry the id.</summary>
    public static List<Triplet> Triplets(int count, params string[] genres) =>
        Enumerable.Range(0, count).Select(i => new Triplet
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"t{i:000}"),
            Query = $"请写一篇作品，编号 {i}。",
            // Some thoughts end, and some answers start, with whitespace: rendering must keep it exactly.
            Thought = $"构思 {i}：先定基调，\n再写结构。" + new string('想', i % 7) + (i % 5 == 0 ? "\n" : ""),
            Answer = (i % 4 == 0 ? "\n  " : "") + $"正文 {i}\n" + new string('文', 10 + (i * 13 % 50)),
            GenreId = genres.Length == 0 ? null : genres[i % genres.Length],
        }).ToList();

    /// <summary>Writes a general pool of <paramref name="count"/> valid lines cycling Alpaca, ShareGPT and OpenAI messages.</summary>
    public string WriteGeneralPool(string name, int count, IEnumerable<(int AfterLine, string Text)>? badLines = null)
    {
        var bad = (badLines ?? []).ToLookup(b => b.AfterLine, b => b.Text);
        var text = new StringBuilder();
        foreach (var line in bad[0]) text.Append(line).Append('\n');
        for (var i = 1; i <= count; i++)
        {
            text.Append(GeneralLine(i)).Append('\n');
            foreach (var line in bad[i]) text.Append(line).Append('\n');
        }

        File.WriteAllText(PathOf(name), text.ToString(), new UTF8Encoding(false));
        return name;
    }

    public static string GeneralLine(int i) => (i % 3) switch
    {
        0 => JsonSerializer.Serialize(new { instruction = $"指令 {i}", input = i % 2 == 0 ? "" : $"输入 {i}", output = $"回答 {i} " + new string('答', i % 40) }),
        1 => JsonSerializer.Serialize(new { conversations = new[] { new { from = "human", value = $"问 {i}" }, new { from = "gpt", value = $"答 {i}" }, new { from = "human", value = $"再问 {i}" }, new { from = "gpt", value = $"再答 {i}" } } }),
        _ => JsonSerializer.Serialize(new { messages = new[] { new { role = "system", content = "You are helpful." }, new { role = "user", content = $"Question {i}?" }, new { role = "assistant", content = $"Answer {i}." } } }),
    };

    public MixPlan Plan(IReadOnlyList<MixConfiguration> configurations, long seed = 42, params string[] general) => new()
    {
        ProcessPath = "process.jsonl",
        GeneralPaths = general,
        Seed = seed,
        Configurations = configurations,
        BaseDirectory = Directory,
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }
}
