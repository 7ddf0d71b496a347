using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inkstone.IntegrationTests.Infrastructure;

namespace Inkstone.IntegrationTests.Segmentation;

/// <summary>
/// The parity corpus: a deterministic sample of classical poetry and prose from the npm package
/// <c>chinese-poetry</c> converted to simplified Chinese by OpenCC (<c>t2s.json</c>), the modern prose in
/// <c>prose.txt</c> (one document per line), hand-picked edge cases, and seeded random mixtures of Han, rare CJK,
/// characters outside the BMP, Latin letters, digits, punctuation and whitespace.
/// </summary>
internal static class ParityCorpus
{
    public sealed record Document(string Source, string Text);

    // (file under chinese-poetry/dist, take every n-th document, at most this many)
    private static readonly (string File, int Stride, int Max)[] s_poetry =
    [
        ("quantangshi/poet.tang.0.json", 4, 250), ("quantangshi/poet.tang.10000.json", 4, 250),
        ("quantangshi/poet.tang.20000.json", 4, 250), ("quantangshi/poet.tang.30000.json", 4, 250),
        ("quantangshi/poet.tang.40000.json", 4, 250), ("quantangshi/poet.song.0.json", 4, 250),
        ("quantangshi/poet.song.100000.json", 4, 250), ("quantangshi/poet.song.200000.json", 4, 250),
        ("songci/ci.song.0.json", 4, 250), ("songci/ci.song.10000.json", 4, 250), ("songci/ci.song.20000.json", 4, 250),
        ("yuanqu/yuanqu.json", 10, 200), ("shijing/shijing.json", 3, 100), ("lunyu/lunyu.json", 1, 100),
        ("chuci/chuci.json", 1, 100), ("caocaoshiji/caocao.json", 1, 100), ("youmengying/youmengying.json", 2, 100),
        ("wudaishici/huajianji/huajianji-1-juan.json", 1, 100), ("nalanxingde/纳兰性德诗集.json", 3, 100),
    ];

    public static string PoetryRoot => Path.Combine(RequiredService.RepositoryRoot(), "tests", "tools", "node_modules", "chinese-poetry", "dist");

    public static bool OpenCcAvailable => File.Exists("/usr/bin/opencc");

    public static async Task<List<Document>> BuildAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var documents = new List<Document>();
        documents.AddRange(await PoetryAsync(workDirectory, cancellationToken));
        var prose = await File.ReadAllLinesAsync(Path.Combine(RequiredService.RepositoryRoot(), "tests", "Inkstone.IntegrationTests", "Segmentation", "prose.txt"), cancellationToken);
        documents.AddRange(prose.Select((line, i) => new Document($"prose.txt:{i + 1}", line)));
        documents.Add(new Document("prose.txt (whole)", string.Join("\r\n", prose)));
        documents.AddRange(EdgeCases().Select((text, i) => new Document($"edge #{i}", text)));
        documents.AddRange(Random(documents, 1500));
        return documents;
    }

    private static async Task<List<Document>> PoetryAsync(string workDirectory, CancellationToken cancellationToken)
    {
        var sources = new List<string>();
        var paragraphs = new List<List<string>>();
        foreach (var (file, stride, max) in s_poetry)
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(PoetryRoot, file), cancellationToken));
            var index = 0;
            var taken = 0;
            foreach (var item in json.RootElement.EnumerateArray())
            {
                if (index++ % stride != 0 || taken >= max) continue;
                var lines = Paragraphs(item);
                if (lines.Count == 0) continue;
                sources.Add($"{file}[{index - 1}]");
                paragraphs.Add(lines);
                taken++;
            }
        }

        // OpenCC converts line by line; one paragraph per line keeps the mapping back to documents.
        var traditional = Path.Combine(workDirectory, "poetry.t.txt");
        var simplified = Path.Combine(workDirectory, "poetry.s.txt");
        var all = paragraphs.SelectMany(p => p).ToList();
        await File.WriteAllLinesAsync(traditional, all, new UTF8Encoding(false), cancellationToken);
        using (var process = Process.Start(new ProcessStartInfo("opencc", ["-c", "t2s.json", "-i", traditional, "-o", simplified]) { RedirectStandardError = true })!)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0) throw new InvalidOperationException("opencc failed: " + await error);
        }
        var converted = await File.ReadAllLinesAsync(simplified, cancellationToken);
        if (converted.Length != all.Count) throw new InvalidOperationException($"opencc returned {converted.Length} lines for {all.Count}");

        var documents = new List<Document>();
        var next = 0;
        for (var d = 0; d < paragraphs.Count; d++)
        {
            var count = paragraphs[d].Count;
            documents.Add(new Document(sources[d], string.Join("\n", converted, next, count)));
            next += count;
        }
        return documents;
    }

    private static List<string> Paragraphs(JsonElement item)
    {
        foreach (var name in new[] { "paragraphs", "content", "para" })
        {
            if (!item.TryGetProperty(name, out var value)) continue;
            if (value.ValueKind == JsonValueKind.String) return [value.GetString()!];
            if (value.ValueKind == JsonValueKind.Array)
                return value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!.Replace("\n", "", StringComparison.Ordinal)).ToList();
        }
        return [];
    }

    private static IEnumerable<string> EdgeCases() =>
    [
        "", " ", "\r\n", "\r\r\n\n", "\n", "a", "3.14%", "1.2.3", "...", "---", "+#&._%-", "a.b", "v1.0.2版", "50%的人", "100%%",
        "𠀀", "𠀀𠀁", "中𠀀文", "㐀", "鿕鿖鿿", "\u4E00\u9FD5\u9FD6", "\u3000", "\u00a0\u2028\u2029\u001c\u001f\u0085\u200b\ufeff",
        "ｈｅｌｌｏ", "hello world", "HelloWorld中文", "中文English混合text", "A股和B股", "AT&T公司", "c++和C#",
        "😀", "👨‍👩‍👧‍👦家庭", "🇨🇳中国", "é̃组合字符", "Ω≈ç√∫", "①②③", "Ⅰ、Ⅱ、Ⅲ", "〇一二三", "零点五",
        "的的的的的的的的的的", "啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊啊", "abcdefghijklmnopqrstuvwxyz0123456789",
        "\t\t\t", "  \r\n  ", "句子。\r\n\r\n下一段。",
    ];

    /// <summary>Seeded random mixtures, half from pieces of every class and random code points, half poetry and prose spliced with noise.</summary>
    private static IEnumerable<Document> Random(List<Document> real, int count)
    {
        var random = new Random(3_141_592);
        string[] pieces =
        [
            "中", "国", "人", "的", "了", "是", "在", "大学", "研究", "生命", "北京", "清华", "天下", "春风", "明月",
            "杭研", "鿕", "㐀", "䶵", "𠀀", "𪚥", "𫝀", "😀", "🎉", "a", "Z", "x", "9", "0", "12", ".", "%", "-", "+", "#", "&", "_",
            " ", "  ", "\t", "\r\n", "\r", "\n", "\u3000", "\u00a0", "\u001c", "，", "。", "！", "“", "”", "（", "）", "ａ", "１", "、", "—",
        ];
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            if (i % 2 == 0)
            {
                var n = random.Next(0, 60);
                for (var k = 0; k < n; k++)
                {
                    if (random.Next(6) == 0) sb.Append(char.ConvertFromUtf32(RandomScalar(random)));
                    else sb.Append(pieces[random.Next(pieces.Length)]);
                }
            }
            else
            {
                var text = real[random.Next(real.Count)].Text;
                var pos = 0;
                while (pos < text.Length && sb.Length < 200)
                {
                    var take = Math.Min(random.Next(1, 12), text.Length - pos);
                    if (char.IsHighSurrogate(text[pos + take - 1]) && pos + take < text.Length) take++;
                    sb.Append(text, pos, take);
                    pos += take;
                    if (random.Next(3) == 0) sb.Append(pieces[random.Next(pieces.Length)]);
                }
            }
            yield return new Document($"random #{i}", sb.ToString());
        }
    }

    /// <summary>Any Unicode scalar value: the basic Han block, the rest of the BMP, or the supplementary planes.</summary>
    private static int RandomScalar(Random random) => random.Next(3) switch
    {
        0 => random.Next(0x4E00, 0x9FD6),
        1 => random.Next(2) == 0 ? random.Next(0x20, 0xD800) : random.Next(0xE000, 0xFFFE),
        _ => random.Next(0x10000, 0x110000),
    };
}
