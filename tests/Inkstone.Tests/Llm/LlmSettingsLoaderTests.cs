using Inkstone.Llm.Configuration;

namespace Inkstone.Tests.Llm;

public sealed class LlmSettingsLoaderTests
{
    private const string Json = """
        { "llm": {
            "models": {
              "local": { "backend": "embedded", "model_path": "m.gguf" },
              "judge-api": { "backend": "openai", "base_url": "http://127.0.0.1:9/v1", "model": "deepseek-chat", "api_key_env": "K",
                             "structured_output": "json_object", "max_tokens_parameter": "max_tokens", "attempt_timeout_s": 30 }
            },
            "roles": { "judge": "judge-api" },
            "default_model": "local"
        } }
        """;

    [Fact]
    public void Parse_NamedModelsAndRoles_ResolveByRole()
    {
        var s = LlmSettingsLoader.Parse(Json, "inkstone.json");
        var judge = s.Resolve(ModelRoles.Judge);
        Assert.Equal(("judge-api", StructuredOutputMode.JsonObject, MaxTokensParameter.MaxTokens, TimeSpan.FromSeconds(30)),
            (judge.Name, judge.StructuredOutput, judge.MaxTokensParameter, judge.AttemptTimeout));
        Assert.Equal("local", s.Resolve(ModelRoles.Screening).Name);
    }

    [Fact]
    public void Parse_GenerationSamplingAndSystemPrompt_AreRead()
    {
        var s = LlmSettingsLoader.Parse("""{ "llm": { "models": { "M_G": { "base_url": "http://127.0.0.1:9/v1", "model": "g", "top_p": 0.95, "system_prompt": "你是作家。" } } } }""", "inkstone.json");
        var m = s.Resolve("M_G");
        Assert.Equal((0.95f, "你是作家。"), (m.TopP, m.SystemPrompt));
        Assert.Null(LlmSettingsLoader.Parse(Json, "inkstone.json").Resolve("local").TopP);
    }

    [Theory]
    [InlineData("""{ "llm": { "models": { "a": { "backend": "openai", "model": "x" } } } }""", "inkstone.json: llm.models.a.base_url: required")]
    [InlineData("""{ "llm": { "models": { "a": { "backend": "embedded", "model_path": "m", "system_prompt": 3 } } } }""", "llm.models.a.system_prompt: expected string")]
    [InlineData("""{ "llm": { "models": { "a": { "backend": "embedded", "model_path": "m", "colour": 1 } } } }""", "llm.models.a.colour: unknown setting")]
    [InlineData("""{ "llm": { "models": { "a": { "backend": "embedded", "model_path": "m", "max_concurency": 1 } } } }""", "llm.models.a.max_concurency: unknown setting (did you mean 'max_concurrency'?)")]
    [InlineData("""{ "llm": { "default_modle": "a" } }""", "llm.default_modle: unknown setting (did you mean 'default_model'?)")]
    [InlineData("""{ "llm": { "models": { "a": { "backend": "embedded", "model_path": "m" } }, "roles": { "judge": "b" } } }""", "llm.roles.judge: no model named 'b'")]
    [InlineData("""{ "llm": { "models": { "a": { "backend": "embedded", "model_path": "m", "structured_output": "xml" } } } }""", "structured_output: 'xml' is not one of json_schema, json_object")]
    public void Parse_BadSetting_ErrorNamesField(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<LlmConfigurationException>(() => LlmSettingsLoader.Parse(json, "inkstone.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void Apply_EnvironmentThenFlags_FlagsWin()
    {
        var env = LlmOverrides.FromEnvironment(n => n switch { "INKSTONE_LLM_BASE_URL" => "http://env:1/v1", "INKSTONE_LLM_MODEL" => "env-model", _ => null });
        var s = LlmSettingsLoader.Apply(new LlmSettings(), env.Then(new LlmOverrides { Model = "flag-model" }));
        var m = s.Resolve(ModelRoles.Scoring);
        Assert.Equal((ModelBackend.OpenAICompatible, "http://env:1/v1", "flag-model"), (m.Backend, m.BaseUrl!.ToString(), m.Model));
    }

    [Fact]
    public void Apply_NothingConfigured_DefaultIsEmbeddedCatalogModel()
    {
        var m = LlmSettingsLoader.Apply(new LlmSettings { ModelDirectory = "/models" }, new LlmOverrides()).Resolve(ModelRoles.Judge);
        Assert.Equal((ModelBackend.Embedded, "/models/qwen2.5-1.5b-instruct-q4_k_m.gguf"), (m.Backend, m.ModelPath));
    }
}
