using System.Globalization;
using System.Text;
using Inkstone.Text.Segmentation;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Segmentation;

/// <summary>
/// Inkstone's segmenter against Python jieba 0.42.1 (Debian <c>python3-jieba</c>), run at test time over the same
/// corpus: every document must give the same token sequence.
/// </summary>
public sealed class JiebaParityTests
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static (List<ParityCorpus.Document> Documents, Dictionary<string, List<List<string>>> Python)? s_reference;

    [Theory]
    [InlineData("precise", SegmentationMode.Precise)]
    [InlineData("precise_no_hmm", SegmentationMode.PreciseNoHmm)]
    [InlineData("search", SegmentationMode.Search)]
    [InlineData("search_no_hmm", SegmentationMode.SearchNoHmm)]
    [InlineData("full", SegmentationMode.Full)]
    public async Task Cut_ParityCorpus_EveryDocumentIdenticalToPythonJieba(string pythonMode, SegmentationMode mode)
    {
        var (documents, python) = await ReferenceAsync(TestContext.Current.CancellationToken);
        var expected = python[pythonMode];
        Assert.Equal(documents.Count, expected.Count);

        var segmenter = JiebaSegmenter.Default;
        var mismatches = new StringBuilder();
        var identical = 0;
        var characters = 0L;
        for (var i = 0; i < documents.Count; i++)
        {
            var ours = segmenter.Cut(documents[i].Text, mode);
            // Python's full mode also yields empty strings around whitespace; Inkstone leaves them out by design.
            var theirs = mode == SegmentationMode.Full ? expected[i].Where(t => t.Length > 0).ToList() : expected[i];
            characters += documents[i].Text.Length;
            if (ours.SequenceEqual(theirs, StringComparer.Ordinal))
            {
                identical++;
                continue;
            }
            if (mismatches.Length < 4000) mismatches.AppendLine(Describe(documents[i], theirs, ours));
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{pythonMode}: {identical}/{documents.Count} documents identical ({100.0 * identical / documents.Count:F2} %), {characters} UTF-16 units");
        Assert.True(identical == documents.Count,
            $"{documents.Count - identical} of {documents.Count} documents differ from Python jieba ({pythonMode}):\n{mismatches}");
    }

    [Fact]
    public async Task Cut_ParityCorpusAfterUserDictionary_EveryDocumentIdenticalToPythonJieba()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (documents, _) = await ReferenceAsync(cancellationToken);
        var work = Directory.CreateTempSubdirectory("inkstone-jieba-");
        try
        {
            var userDictionary = Path.Combine(work.FullName, "user.txt");
            await File.WriteAllTextAsync(userDictionary, UserDictionary(documents), new UTF8Encoding(true), cancellationToken);
            var python = await PythonJieba.CutAsync(documents.Select(d => d.Text).ToList(), work.FullName, userDictionary, cancellationToken);

            var dictionary = JiebaDictionary.LoadDefault();
            await dictionary.LoadUserDictionaryAsync(userDictionary, cancellationToken);
            var segmenter = new JiebaSegmenter(dictionary, JiebaHmmModel.Default);
            foreach (var (pythonMode, mode) in new[] { ("precise", SegmentationMode.Precise), ("precise_no_hmm", SegmentationMode.PreciseNoHmm) })
            {
                var mismatches = new StringBuilder();
                var identical = 0;
                for (var i = 0; i < documents.Count; i++)
                {
                    var ours = segmenter.Cut(documents[i].Text, mode);
                    if (ours.SequenceEqual(python[pythonMode][i], StringComparer.Ordinal)) identical++;
                    else if (mismatches.Length < 4000) mismatches.AppendLine(Describe(documents[i], python[pythonMode][i], ours));
                }
                Assert.True(identical == documents.Count, $"{documents.Count - identical} of {documents.Count} documents differ ({pythonMode}, user dictionary):\n{mismatches}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A user dictionary exercising every form of line: words from the corpus without frequency (jieba suggests one),
    /// with frequency and tag, with a tag only, deleted (frequency 0, so the HMM may not join them either), common
    /// words deleted, a word with a space; a byte-order mark, blank lines and CRLF line ends.
    /// </summary>
    private static string UserDictionary(List<ParityCorpus.Document> documents)
    {
        var random = new Random(271_828);
        var lines = new List<string> { "", "天下 0", "春风 0", "明月 0", "不知 0", "何处 0", "hello world 3", "人间 5 n", "" };
        var poems = documents.Where(d => d.Source.EndsWith(']')).ToList();
        while (lines.Count < 400)
        {
            var text = poems[random.Next(poems.Count)].Text;
            var length = random.Next(2, 5);
            if (text.Length <= length) continue;
            var start = random.Next(text.Length - length);
            var word = text.Substring(start, length);
            if (!word.All(c => c is >= '\u4E00' and <= '\u9FD5')) continue;
            lines.Add((lines.Count % 5) switch
            {
                0 => word,
                1 => word + " 5 n",
                2 => word + " 1000",
                3 => word + " 0",
                _ => word + " nr",
            });
        }
        return string.Join("\r\n", lines) + "\r\n";
    }

    [Fact]
    public async Task Tables_SameAsPythonJieba()
    {
        Ensure();
        var work = Directory.CreateTempSubdirectory("inkstone-jieba-");
        try
        {
            var tables = await PythonJieba.TablesAsync(work.FullName, TestContext.Current.CancellationToken);
            var dictionary = JiebaDictionary.Default;
            var hmm = JiebaHmmModel.Default;
            Assert.Equal("0.42.1", tables["version"]!.GetValue<string>());
            Assert.Equal(tables["total"]!.GetValue<long>(), dictionary.Total);
            Assert.Equal(tables["entries"]!.GetValue<int>(), dictionary.Count);
            Assert.Equal(tables["log_total"]!.GetValue<double>(), Math.Log(dictionary.Total));
            foreach (var (frequency, log) in tables["log_freq"]!.AsObject())
                Assert.Equal(log!.GetValue<double>(), Math.Log(long.Parse(frequency, CultureInfo.InvariantCulture)));

            foreach (var (state, p) in tables["start"]!.AsObject())
                Assert.Equal(p!.GetValue<double>(), hmm.StartLogProbability(state[0]));
            foreach (var (from, row) in tables["trans"]!.AsObject())
                foreach (var (to, p) in row!.AsObject())
                    Assert.Equal(p!.GetValue<double>(), hmm.TransitionLogProbability(from[0], to[0]));
            var emissions = 0;
            foreach (var (state, row) in tables["emit"]!.AsObject())
                foreach (var (character, p) in row!.AsObject())
                {
                    emissions++;
                    Assert.Equal(p!.GetValue<double>(), hmm.EmissionLogProbability(state[0], character[0]));
                }
            Assert.Equal(emissions, hmm.EmissionCount);

            var whitespace = tables["whitespace"]!.AsArray().Select(c => c!.GetValue<int>()).ToHashSet();
            for (var c = 0; c < 65536; c++)
                Assert.True(whitespace.Contains(c) == JiebaCharacterClasses.IsPythonWhitespace((char)c), $"U+{c:X4}");
            Assert.All(whitespace, c => Assert.True(c < 65536));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string Describe(ParityCorpus.Document document, List<string> python, List<string> ours)
    {
        var k = 0;
        while (k < python.Count && k < ours.Count && python[k] == ours[k]) k++;
        static string At(List<string> tokens, int k) =>
            k < tokens.Count ? System.Text.Json.JsonSerializer.Serialize(tokens.Skip(k).Take(3)) : "(end)";
        var text = document.Text.Length > 60 ? document.Text[..60] + "…" : document.Text;
        return $"  {document.Source}: token {k}: python {At(python, k)} inkstone {At(ours, k)} in {System.Text.Json.JsonSerializer.Serialize(text)}";
    }

    private static void Ensure()
    {
        RequiredService.Ensure(PythonJieba.IsAvailable, "Python jieba (/usr/bin/python3 with python3-jieba)");
    }

    private static async Task<(List<ParityCorpus.Document>, Dictionary<string, List<List<string>>>)> ReferenceAsync(CancellationToken cancellationToken)
    {
        Ensure();
        RequiredService.Ensure(ParityCorpus.OpenCcAvailable, "OpenCC (/usr/bin/opencc)");
        RequiredService.Ensure(Directory.Exists(ParityCorpus.PoetryRoot), "npm package chinese-poetry (tests/tools)");
        await s_gate.WaitAsync(cancellationToken);
        try
        {
            if (s_reference is { } cached) return cached;
            var work = Directory.CreateTempSubdirectory("inkstone-jieba-");
            try
            {
                var documents = await ParityCorpus.BuildAsync(work.FullName, cancellationToken);
                var python = await PythonJieba.CutAsync(documents.Select(d => d.Text).ToList(), work.FullName, null, cancellationToken);
                s_reference = (documents, python);
                return (documents, python);
            }
            finally
            {
                work.Delete(recursive: true);
            }
        }
        finally
        {
            s_gate.Release();
        }
    }
}
