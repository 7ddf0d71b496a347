using System.Text;
using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class TokenizerTokenCounterTests
{
    [Fact]
    public async Task LoadAsync_VocabAndMergesFolder_CountsHandMergedTokens()
    {
        using var data = new TrainingTestData();
        // GPT-2 byte-to-unicode: space → "Ġ"; UTF-8 of 好 (E5 A5 BD) → "å", "¥", "½".
        var vocab = """{"h":0,"e":1,"l":2,"o":3,"Ġ":4,"w":5,"r":6,"d":7,"he":8,"ll":9,"hell":10,"hello":11,"Ġw":12,"å":13,"¥":14,"½":15,"å¥":16}""";
        var merges = "#version: 0.2\nh e\nl l\nhe ll\nhell o\nĠ w\nå ¥\n";
        File.WriteAllText(data.PathOf("vocab.json"), vocab, new UTF8Encoding(false));
        File.WriteAllText(data.PathOf("merges.txt"), merges, new UTF8Encoding(false));

        var counter = await TokenizerTokenCounter.LoadAsync(data.Directory, TestContext.Current.CancellationToken);

        // "hello" merges fully into one token; " world" → "Ġw" o r l d (5); 好 → "å¥" "½" (2).
        Assert.Equal(1, counter.CountTokens("hello"));
        Assert.Equal(6, counter.CountTokens("hello world"));
        Assert.Equal(2, counter.CountTokens("好"));
        Assert.False(counter.IsEstimate);
    }

    [Fact]
    public async Task LoadAsync_MissingPath_ThrowsTrainingDataException()
    {
        await Assert.ThrowsAsync<TrainingDataException>(() => TokenizerTokenCounter.LoadAsync("/nonexistent/tokenizer", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LoadAsync_FolderWithoutTokenizerFiles_ThrowsTrainingDataException()
    {
        using var data = new TrainingTestData();
        File.WriteAllText(data.PathOf("vocab.json"), "{}", new UTF8Encoding(false));

        var ex = await Assert.ThrowsAsync<TrainingDataException>(() => TokenizerTokenCounter.LoadAsync(data.Directory, TestContext.Current.CancellationToken));
        Assert.Contains("merges.txt", ex.Message, StringComparison.Ordinal);
    }
}
