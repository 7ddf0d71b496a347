using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class LlamaFactoryYamlWriterTests
{
    [Theory]
    [InlineData(2e-5, "2.0e-05")]
    [InlineData(1.5e-6, "1.5e-06")]
    [InlineData(3, "3.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(0, "0.0")]
    [InlineData(1e-4, "0.0001")]
    public void Float_Value_HasDotAndSignedExponent(double value, string expected)
    {
        Assert.Equal(expected, LlamaFactoryYamlWriter.Float(value));
    }

    [Theory]
    [InlineData("Qwen/Qwen3-8B-Base", "Qwen/Qwen3-8B-Base")]
    [InlineData("saves/cw_10k", "saves/cw_10k")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("/abs path/m", "\"/abs path/m\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("", "\"\"")]
    public void Scalar_Value_IsPlainOnlyWhenUnambiguous(string value, string expected)
    {
        Assert.Equal(expected, LlamaFactoryYamlWriter.Scalar(value));
    }
}
