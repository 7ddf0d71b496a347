using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Download;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
using Inkstone.Reports;
using Spectre.Console;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone model list|pull|test</c>: the configured and downloadable models, downloading one, and a one-prompt check.</summary>
public static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Configured models, downloadable GGUF models, and a one-prompt test (see docs/configuration.md).");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreatePull());
        command.Subcommands.Add(CreateTest());
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List configured models (inkstone.json, then INKSTONE_LLM_* variables), role mappings, and the models 'pull' knows by name.");
        // What is configured, not what one call's model flags would make of it: those flags belong to the verbs that call a model.
        var config = ConfigOption();
        var format = CommonOptions.Format(tables: true);
        command.Options.Add(config);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var settings = LlmSettingsLoader.Load(parse.GetValue(config)?.FullName, LlmOverrides.FromEnvironment(Environment.GetEnvironmentVariable));
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    default_model = settings.DefaultModel,
                    models = settings.Models.Values.Select(m => new { name = m.Name, backend = m.Backend.ToString(), model = m.Model, base_url = m.BaseUrl?.ToString(), model_path = m.ModelPath }),
                    roles = ModelRoles.All.ToDictionary(r => r, r => settings.Resolve(r).Name),
                    catalog = ModelCatalog.Models.Select(c => new { name = c.Name, repository = c.Repository, file = c.FileName, description = c.Description }),
                }, CliJson.Indented));
                return ExitCodes.Success;
            }
            var models = settings.Models.Values.Select(m => (IReadOnlyList<string>)[
                m.Name + (m.Name == settings.DefaultModel ? " (default)" : ""), m.Backend.ToString(), m.Model, m.BaseUrl?.ToString() ?? m.ModelPath ?? "",
                string.Join(", ", ModelRoles.All.Where(r => settings.Resolve(r).Name == m.Name))]).ToList();
            var catalog = ModelCatalog.Models.Select(c => (IReadOnlyList<string>)[c.Name, $"{c.Repository}/{c.FileName}", c.Description]).ToList();
            ReportTableOutput.Write(Console.Out, [
                new ReportTable("Configured models", ["name", "backend", "model", "endpoint / file", "roles"], models),
                new ReportTable("Models 'inkstone model pull NAME' downloads", ["pull NAME", "repository / file", "description"], catalog),
            ], parse.GetValue(format)!);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<FileInfo?> ConfigOption() => new Option<FileInfo?>("--config")
    {
        Description = "Configuration file (default: ./inkstone.json when present).",
    }.ExistingFiles();

    private static Command CreatePull()
    {
        var command = new Command("pull", "Download a known GGUF model from Hugging Face (HF_ENDPOINT selects a mirror, HF_TOKEN authorises), resuming a partial download and checking its SHA-256.");
        var name = new Argument<string>("NAME") { Description = "A model name from 'inkstone model list'." };
        var output = CommonOptions.OutputFolder("Download folder (default: the configured model directory, ~/.cache/inkstone/models).", required: false);
        var sha = new Option<string?>("--sha256") { Description = "Expected SHA-256, when the hub cannot be asked for it." };
        // Only the configuration file matters here (its model directory); the model-selection flags of other verbs do not.
        var config = ConfigOption();
        var format = CommonOptions.Format();
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.Options.Add(sha);
        command.Options.Add(config);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            var entry = ModelCatalog.Find(parse.GetValue(name)!)
                ?? throw new CliInputException($"unknown model '{parse.GetValue(name)}'; known: {string.Join(", ", ModelCatalog.Models.Select(m => m.Name))}");
            if (parse.GetValue(sha) is { } given) entry = entry with { Sha256 = given };
            var target = parse.GetValue(output)?.FullName
                ?? LlmSettingsLoader.Load(parse.GetValue(config)?.FullName, LlmOverrides.FromEnvironment(Environment.GetEnvironmentVariable)).ModelDirectory;
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var downloader = new ModelDownloader(http, ModelDownloader.EndpointFromEnvironment(), Environment.GetEnvironmentVariable("HF_TOKEN"));
            DownloadResult result;
            try
            {
                result = await DownloadWithProgressAsync(downloader, entry, target, ct);
            }
            catch (Exception e) when (e is ModelDownloadException or HttpRequestException)
            {
                // The download failed (network, hub, checksum): a failed call, not a usage error.
                throw new CliInputException($"{entry.Name}: pull failed: {e.Message}", ExitCodes.Rejected);
            }
            if (parse.GetValue(format) == "json")
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    model = entry.Name, path = result.Path, bytes = result.Bytes, sha256 = result.Sha256,
                    already_present = result.AlreadyPresent, resumed = result.Resumed,
                }, CliJson.Indented));
            else
                Console.Out.WriteLine(result.AlreadyPresent ? $"{result.Path}: already present, SHA-256 verified" : $"{result.Path}: {result.Bytes:N0} bytes, SHA-256 {result.Sha256}{(result.Resumed ? " (resumed)" : "")}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<DownloadResult> DownloadWithProgressAsync(ModelDownloader downloader, CatalogModel entry, string target, CancellationToken ct)
    {
        // Progress goes to standard error (docs/cli.md): standard output carries only the result.
        if (Console.IsErrorRedirected)
        {
            var lastPercent = -10L;
            var plain = new Progress<DownloadProgress>(p =>
            {
                if (p.TotalBytes is not > 0) return;
                var percent = p.BytesDone * 100 / p.TotalBytes.Value;
                if (percent < lastPercent + 10 && percent != 100) return;
                lastPercent = percent;
                Console.Error.WriteLine($"{entry.FileName}: {percent}% ({p.BytesDone:N0} / {p.TotalBytes:N0} bytes)");
            });
            return await downloader.DownloadAsync(entry, target, plain, ct);
        }
        DownloadResult? result = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(entry.FileName), maxValue: 1);
                var progress = new Progress<DownloadProgress>(p =>
                {
                    if (p.TotalBytes is > 0) task.MaxValue = p.TotalBytes.Value;
                    task.Value = p.BytesDone;
                });
                result = await downloader.DownloadAsync(entry, target, progress, ct);
                task.Value = task.MaxValue;
            });
        return result!;
    }

    private static Command CreateTest()
    {
        var command = new Command("test", "Send one scoring prompt to a model and print the typed result and the usage.");
        var role = new Option<string>("--role") { Description = "Role or model name to test when no model flag is given.", DefaultValueFactory = _ => ModelRoles.Scoring };
        var text = new Option<string>("--text") { Description = "Article text to screen.", DefaultValueFactory = _ => "秋风起，落叶满阶。我在窗前煮一壶茶，想起远方的故人。" };
        var options = new LlmCliOptions(command);
        var format = CommonOptions.Format();
        command.Options.Add(role);
        command.Options.Add(text);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            // Configuration and prompt errors are input errors: the verb guard prints them (exit code 2).
            var settings = options.Load(parse);
            var model = options.ModelFor(parse, settings, parse.GetValue(role)!);
            // No workspace: a test call must reach the model, not the cache.
            using var session = new LlmSession(settings, store: null);
            var ledger = session.Ledger;
            var template = session.Prompt(PromptIds.ScreenArticle);
            var outcome = await session.Runner.RunAsync<ScoreResult>(template, new Dictionary<string, string> { ["article"] = parse.GetValue(text)! }, model, ct);
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    model = model.Name, prompt = template.Key, ok = outcome.IsSuccess,
                    quality = outcome.Value?.Quality, creativity = outcome.Value?.Creativity,
                    failure = outcome.Failure?.Kind.ToString(), message = outcome.Failure?.Message, raw_answer = outcome.Failure?.RawAnswer,
                    usage = ledger.Total(),
                }, CliJson.Indented));
            }
            else
            {
                Console.Out.WriteLine(outcome.IsSuccess
                    ? $"{model.Name} · {template.Key}: quality {outcome.Value.Quality}, creativity {outcome.Value.Creativity} ({outcome.Call.Duration.TotalSeconds:F1} s)"
                    : $"{model.Name} · {template.Key}: FAILED {outcome.Failure}\nraw answer: {outcome.Failure.RawAnswer}");
                UsageReport.Write(ledger);
            }
            return outcome.IsSuccess ? ExitCodes.Success : ExitCodes.Rejected;
        });
        return command;
    }
}
