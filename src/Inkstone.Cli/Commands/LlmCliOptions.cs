using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Llm.Configuration;

namespace Inkstone.Cli.Commands;

/// <summary>The model-selection flags every LLM verb takes; they override inkstone.json and INKSTONE_LLM_* variables.</summary>
public sealed class LlmCliOptions
{
    private readonly Option<FileInfo?> _config = new Option<FileInfo?>("--config")
    {
        Description = "Configuration file with the models (an inkstone.json; default: the workspace's, else ./inkstone.json when present).",
    }.ExistingFiles();
    private readonly Option<string?> _model = new("--model") { Description = "Named model configuration to use (and to amend with the flags below)." };
    private readonly Option<string?> _baseUrl = new("--base-url") { Description = "OpenAI-compatible server URL, e.g. http://localhost:8000/v1." };
    private readonly Option<string?> _apiModel = new("--api-model") { Description = "Model id sent to the server." };
    private readonly Option<string?> _apiKeyEnv = new("--api-key-env") { Description = "Environment variable holding the API key." };
    private readonly Option<FileInfo?> _modelPath = new Option<FileInfo?>("--model-path") { Description = "A local GGUF file to run embedded on the CPU." }.GgufFiles();
    private readonly Option<bool> _noJsonSchema = new("--no-json-schema") { Description = "Server lacks response_format json_schema: use json_object with the schema in the prompt." };
    private readonly Option<bool> _maxTokens = new("--max-tokens-field") { Description = "Server reads max_tokens instead of max_completion_tokens." };
    private readonly Option<int?> _concurrency = new("--concurrency") { Description = "Requests in flight at once for the model." };
    private readonly Option<DirectoryInfo?> _prompts = new Option<DirectoryInfo?>("--prompts") { Description = "Folder of .prompt files replacing built-in prompts by id." }.ExistingFolders();

    /// <param name="workspaceVerb">
    /// For verbs on a workspace (<c>run</c>): no <c>--config</c> (the workspace's inkstone.json is the configuration) and no
    /// <c>--concurrency</c> (the verb has its own).
    /// </param>
    public LlmCliOptions(Command command, bool workspaceVerb = false)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = workspaceVerb
            ? new Option[] { _model, _baseUrl, _apiModel, _apiKeyEnv, _modelPath, _noJsonSchema, _maxTokens, _prompts }
            : new Option[] { _config, _model, _baseUrl, _apiModel, _apiKeyEnv, _modelPath, _noJsonSchema, _maxTokens, _concurrency, _prompts };
        foreach (var option in options) command.Options.Add(option);
    }

    /// <summary>
    /// The model a verb uses for <paramref name="role"/>: the one named or amended on the command line when the flags
    /// name or define one (they become the default model), otherwise the role's configured model.
    /// </summary>
    public ModelConfiguration ModelFor(ParseResult parse, LlmSettings settings, string role)
    {
        var flagged = parse.GetValue(_model) is not null || parse.GetValue(_baseUrl) is not null || parse.GetValue(_modelPath) is not null || parse.GetValue(_apiModel) is not null;
        return flagged ? settings.Resolve(settings.DefaultModel) : settings.Resolve(role);
    }

    /// <summary>The <c>--config</c> file given, or null.</summary>
    public FileInfo? ConfigFile(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(_config);
    }

    /// <summary><see cref="Load"/>, printing a configuration error (which names its file and field) instead of throwing.</summary>
    public bool TryLoad(ParseResult parse, out LlmSettings settings)
    {
        try
        {
            settings = Load(parse);
            return true;
        }
        catch (LlmConfigurationException e)
        {
            Console.Error.WriteLine("configuration error: " + e.Message);
            settings = null!;
            return false;
        }
    }

    /// <summary>File, then environment, then these flags.</summary>
    public LlmSettings Load(ParseResult parse) =>
        LlmSettingsLoader.Load(parse.GetValue(_config)?.FullName, LlmOverrides.FromEnvironment(Environment.GetEnvironmentVariable), Overrides(parse));

    /// <summary>What the flags set, to apply after the file and the environment.</summary>
    public LlmOverrides Overrides(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new LlmOverrides
        {
            ModelName = parse.GetValue(_model),
            BaseUrl = parse.GetValue(_baseUrl) is { } url ? LlmSettingsLoader.ParseUrl(url, "--base-url") : null,
            Model = parse.GetValue(_apiModel),
            ApiKeyEnvironmentVariable = parse.GetValue(_apiKeyEnv),
            ModelPath = parse.GetValue(_modelPath)?.FullName,
            StructuredOutput = parse.GetValue(_noJsonSchema) ? StructuredOutputMode.JsonObject : null,
            MaxTokensParameter = parse.GetValue(_maxTokens) ? MaxTokensParameter.MaxTokens : null,
            MaxConcurrency = parse.GetValue(_concurrency),
            PromptDirectory = parse.GetValue(_prompts)?.FullName,
        };
    }
}
