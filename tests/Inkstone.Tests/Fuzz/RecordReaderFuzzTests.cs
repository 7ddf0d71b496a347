using System.Text;
using CsCheck;

namespace Inkstone.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every record reader: files of random valid records, one of them mutated (truncated, a
/// byte flipped, invalid UTF-8 or a lone surrogate inserted, a huge field, deep nesting, a duplicate key). Whatever
/// the mutation, reading never throws and every record is counted exactly once as accepted or rejected; a record
/// against the input policy is always rejected and the others are accepted. Generation is seeded (one PCG stream per
/// reader), so a failure names a case that the same seed reproduces.
/// </summary>
public sealed class RecordReaderFuzzTests : IDisposable
{
    private const ulong Seed = 20_260_711;
    private const int Iterations = 60;

    private static readonly Gen<char> s_jsonChar = Gen.Char[' ', '\u9FFF'];
    private static readonly Gen<char> s_csvChar = Gen.Char[' ', '\u9FFF'].Where(c => c is not (',' or '"'));

    private readonly string _folder = Directory.CreateTempSubdirectory("inkstone-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> Readers => [.. RecordReaders.All.Select(r => r.Name)];

    private static Gen<FuzzCase> Cases(RecordLayout layout) =>
        from n in Gen.Int[1, 6]
        from texts in Gen.String[layout == RecordLayout.Csv ? s_csvChar : s_jsonChar, 0, 24].Array[n]
        from target in Gen.Int[0, n - 1]
        from mutation in Gen.Int[0, 7]
        from position in Gen.Double[0, 0.999]
        from flip in Gen.Byte
        from depth in Gen.Int[2, 2000]
        from kind in Gen.Int[0, 5]
        select new FuzzCase(texts, target, (RecordMutation)mutation, position, flip, depth, kind);

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task Read_MutatedRecord_NeverThrowsAndCountsEveryRecordOnce(string name)
    {
        var reader = RecordReaders.All.Single(r => r.Name == name);
        var pcg = new PCG(1, Seed);
        var gen = Cases(reader.Layout);
        var path = Path.Combine(_folder, "records" + reader.Extension);
        for (var i = 0; i < Iterations; i++)
        {
            var c = gen.Generate(pcg, null, out Size _);
            if (reader.Layout == RecordLayout.JsonArray && !RecordMutator.KeepsStructure(c.Mutation)) c = c with { Mutation = RecordMutation.None };
            await File.WriteAllBytesAsync(path, Compose(reader, c), TestContext.Current.CancellationToken);

            (int Accepted, int Rejected) counts;
            try
            {
                counts = await reader.ReadAsync(path, TestContext.Current.CancellationToken);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{reader.Name}, case {i} ({c}): {ex}");
                throw;
            }

            Assert.True(counts.Accepted + counts.Rejected == c.Texts.Length,
                $"{reader.Name}, case {i} ({c}): {counts.Accepted} accepted + {counts.Rejected} rejected, {c.Texts.Length} records");
            if (c.Mutation == RecordMutation.None)
                Assert.True(counts.Rejected == 0, $"{reader.Name}, case {i} ({c}): a valid record was rejected");
            if (RecordMutator.MustReject(c.Mutation, reader.Layout))
                Assert.True(counts.Accepted == c.Texts.Length - 1, $"{reader.Name}, case {i} ({c}): the record against the input policy was accepted");
        }
    }

    private static byte[] Compose(ReaderUnderTest reader, FuzzCase c)
    {
        var records = c.Texts.Select((text, i) =>
        {
            var record = reader.ValidRecord(i, text);
            return i == c.Target ? RecordMutator.Apply(record, c, reader.Layout) : Encoding.UTF8.GetBytes(record);
        }).ToList();
        var file = new List<byte>();
        switch (reader.Layout)
        {
            case RecordLayout.JsonArray:
                file.AddRange("[\n"u8.ToArray());
                for (var i = 0; i < records.Count; i++)
                {
                    if (i > 0) file.AddRange(",\n"u8.ToArray());
                    file.AddRange(records[i]);
                }
                file.AddRange("\n]\n"u8.ToArray());
                break;
            default:
                if (reader.CsvHeader is { } header) file.AddRange(Encoding.UTF8.GetBytes(header + "\n"));
                foreach (var record in records)
                {
                    file.AddRange(record);
                    file.Add((byte)'\n');
                }
                break;
        }
        return [.. file];
    }
}
