using Inkstone.Training;

namespace Inkstone.Tests.Training;

public sealed class MixPlanLoaderTests
{
    private const string FullPlan = """
        {
          // comments are allowed
          "process": "data/coig-writer.jsonl",
          "general": ["general/alpaca.jsonl", "general/sharegpt.jsonl"],
          "seed": 7,
          "configurations": [
            {"name": "cw", "process": "all", "general": 0},
            {"name": "half", "process": 800, "general": 2000}
          ],
          "validation": {"fraction": 0.1, "min_genre_size": 12},
          "thought": "prefix",
          "process_system_prompt": "你是作家。",
          "tokens_per_message": 4,
          "cutoff": {"percentile": 95, "multiple": 512, "cap": 16384},
          "training": {"model": "/models/base", "template": "qwen", "gpus": 2, "per_device_batch": 4, "effective_batch": 32,
                       "epochs": 2, "learning_rate": 1e-5, "scheduler": "linear", "warmup_ratio": 0.05, "bf16": false,
                       "output_root": "runs", "cutoff_len": 4096}
        }
        """;

    [Fact]
    public void Parse_FullPlan_ReadsEverySetting()
    {
        var plan = MixPlanLoader.Parse(FullPlan, "plan.json", "/base");
        Assert.Equal("data/coig-writer.jsonl", plan.ProcessPath);
        Assert.Equal(["general/alpaca.jsonl", "general/sharegpt.jsonl"], plan.GeneralPaths);
        Assert.Equal(Path.GetFullPath("/base/general/alpaca.jsonl"), plan.Resolve(plan.GeneralPaths[0]));
        Assert.Equal(7, plan.Seed);
        Assert.Equal([new MixConfiguration("cw", null, 0), new MixConfiguration("half", 800, 2000)], plan.Configurations);
        Assert.Equal(0.1m, plan.Validation.Fraction);
        Assert.Equal(12, plan.Validation.MinGenreSize);
        Assert.Equal(ThoughtRendering.PlainPrefix, plan.Thought);
        Assert.Equal("你是作家。", plan.ProcessSystemPrompt);
        Assert.Equal(4, plan.TokensPerMessage);
        Assert.Equal(new CutoffLengthRule { Percentile = 95, Multiple = 512, Cap = 16384 }, plan.Cutoff);
        Assert.Equal("/models/base", plan.Training.Model);
        Assert.Equal(4, plan.Training.GradientAccumulationSteps);
        Assert.Equal(1e-5, plan.Training.LearningRate);
        Assert.False(plan.Training.Bf16);
        Assert.Equal(4096, plan.Training.CutoffLength);
    }

    [Fact]
    public void Parse_MinimalPlan_UsesThePapersFiveConfigurations()
    {
        var plan = MixPlanLoader.Parse("""{"process": "cw.jsonl", "general": "g.jsonl"}""", "p.json", "/");
        Assert.Equal(["cw", "cw_1k", "cw_5k", "cw_10k", "g"], plan.Configurations.Select(c => c.Name));
        Assert.Equal([0, 1000, 5000, 10000, 10000], plan.Configurations.Select(c => c.GeneralCount));
        Assert.Equal([null, null, null, null, 0], plan.Configurations.Select(c => c.ProcessCount));
        Assert.Equal(3, plan.Training.Epochs);
        Assert.Equal(2e-5, plan.Training.LearningRate);
        Assert.Equal(32, plan.Training.EffectiveBatch);
        Assert.Equal(ThoughtRendering.ThinkBlock, plan.Thought);
    }

    [Theory]
    [InlineData("""{"process": "a", "seeed": 1}""", "plan.json: seeed: unknown setting")]
    [InlineData("""{"process": "a", "training": {"lr": 1}}""", "plan.json: training.lr: unknown setting")]
    [InlineData("""{"process": "a", "configurations": [{"name": "x", "process": "some"}]}""", "plan.json: configurations[0].process: expected \"all\" or a whole number")]
    [InlineData("""{"process": "a", "thought": "inline"}""", "plan.json: thought: 'inline' is not one of think, drop, prefix")]
    [InlineData("""{"process": "a", "seed": "42"}""", "plan.json: seed: expected a whole number")]
    [InlineData("""{"process": "a", "general": "g", "training": {"gpus": 3}}""", "plan.json: effective batch 32 is not a whole multiple of per-device batch 1 × 3 GPU(s) = 3")]
    [InlineData("""{"process": "a", "configurations": [{"name": "x/y", "general": 1}], "general": "g"}""", "plan.json: plan: configuration name 'x/y'")]
    [InlineData("""{"process": "a", "configurations": [{"name": "x", "general": 5}]}""", "plan.json: plan: some configurations draw general samples but no 'general' files are given")]
    [InlineData("""{"process": "a",""", "plan.json: line 1: invalid JSON")]
    public void Parse_BadPlan_NamesFileAndField(string json, string expectedStart)
    {
        var ex = Assert.Throws<TrainingDataException>(() => MixPlanLoader.Parse(json, "plan.json", "/"));
        Assert.True(ex.Message.StartsWith(expectedStart, StringComparison.Ordinal), ex.Message);
    }
}
