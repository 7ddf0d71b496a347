using System.CommandLine;
using System.Text.Json;
using Inkstone.Llm;
using Inkstone.Llm.Configuration;
using Inkstone.Llm.Download;
using Inkstone.Llm.Prompts;
using Inkstone.Llm.Structured;
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
        var command = new Command("list", "List configured models, role mappings, and the models 'pull' knows by name.");
        var options = new LlmCliOptions(command);
        var format = CommonOptions.Format();
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            if (!options.TryLoad(parse, out var settings)) return 2;
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    default_model = settings.DefaultModel,
                    models = settings.Models.Values.Select(m => new { name = m.Name, backend = m.Backend.ToString(), model = m.Model, base_url = m.BaseUrl?.ToString(), model_path = m.ModelPath }),
                    roles = ModelRoles.All.ToDictionary(r => r, r => settings.Resolve(r).Name),
                    catalog = ModelCatalog.Models.Select(c => new { name = c.Name, repository = c.Repository, file = c.FileName, description = c.Description }),
                }, CliJson.Indented));
                return 0;
            }
            var models = new Table().AddColumns("name", "backend", "model", "endpoint / file", "roles");
            foreach (var m in settings.Models.Values)
            {
                var roles = ModelRoles.All.Where(r => settings.Resolve(r).Name == m.Name);
                models.AddRow(Markup.Escape(m.Name + (m.Name == settings.DefaultModel ? " (default)" : "")), m.Backend.ToString(), Markup.Escape(m.Model),
                    Markup.Escape(m.BaseUrl?.ToString() ?? m.ModelPath ?? ""), Markup.Escape(string.Join(", ", roles)));
            }
            AnsiConsole.Write(models);
            var catalog = new Table().AddColumns("pull NAME", "repository / file", "description");
            foreach (var c in ModelCatalog.Models) catalog.AddRow(Markup.Escape(c.Name), Markup.Escape($"{c.Repository}/{c.FileName}"), Markup.Escape(c.Description));
            AnsiConsole.Write(catalog);
            return 0;
        });
        return command;
    }

    private static Command CreatePull()
    {
        var command = new Command("pull", "Download a known GGUF model from Hugging Face (HF_ENDPOINT selects a mirror, HF_TOKEN authorises), resuming a partial download and checking its SHA-256.");
        var name = new Argument<string>("NAME") { Description = "A model name from 'inkstone model list'." };
        var directory = new Option<DirectoryInfo?>("--dir") { Description = "Download folder (default: the configured model directory, ~/.cache/inkstone/models)." };
        var sha = new Option<string?>("--sha256") { Description = "Expected SHA-256, when the hub cannot be asked for it." };
        var options = new LlmCliOptions(command);
        command.Arguments.Add(name);
        command.Options.Add(directory);
        command.Options.Add(sha);
        command.SetAction(async (parse, ct) =>
        {
            var entry = ModelCatalog.Find(parse.GetValue(name)!);
            if (entry is null)
            {
                Console.Error.WriteLine($"unknown model '{parse.GetValue(name)}'; known: {string.Join(", ", ModelCatalog.Models.Select(m => m.Name))}");
                return 2;
            }
            if (parse.GetValue(sha) is { } given) entry = entry with { Sha256 = given };
            string target;
            if (parse.GetValue(directory) is { } chosen) target = chosen.FullName;
            else if (options.TryLoad(parse, out var settings)) target = settings.ModelDirectory;
            else return 2;
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var downloader = new ModelDownloader(http, ModelDownloader.EndpointFromEnvironment(), Environment.GetEnvironmentVariable("HF_TOKEN"));
            try
            {
                var result = await DownloadWithProgressAsync(downloader, entry, target, ct);
                Console.Out.WriteLine(result.AlreadyPresent ? $"{result.Path}: already present, SHA-256 verified" : $"{result.Path}: {result.Bytes:N0} bytes, SHA-256 {result.Sha256}{(result.Resumed ? " (resumed)" : "")}");
                return 0;
            }
            catch (Exception e) when (e is ModelDownloadException or HttpRequestException or IOException)
            {
                Console.Error.WriteLine($"pull failed: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<DownloadResult> DownloadWithProgressAsync(ModelDownloader downloader, CatalogModel entry, string target, CancellationToken ct)
    {
        if (Console.IsOutputRedirected)
        {
            var lastPercent = -10L;
            var plain = new Progress<DownloadProgress>(p =>
            {
                if (p.TotalBytes is not > 0) return;
                var percent = p.BytesDone * 100 / p.TotalBytes.Value;
                if (percent < lastPercent + 10 && percent != 100) return;
                lastPercent = percent;
                Console.Out.WriteLine($"{entry.FileName}: {percent}% ({p.BytesDone:N0} / {p.TotalBytes:N0} bytes)");
            });
            return await downloader.DownloadAsync(entry, target, plain, ct);
        }
        DownloadResult? result = null;
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
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
            if (!options.TryLoad(parse, out var settings)) return 2;
            LlmOutcome<ScoreResult> outcome;
            ModelConfiguration model;
            LlmSession session;
            try
            {
                model = options.ModelFor(parse, settings, parse.GetValue(role)!);
                // No workspace: a test call must reach the model, not the cache.
                session = new LlmSession(settings, store: null);
            }
            catch (Exception e) when (e is LlmConfigurationException or PromptFormatException)
            {
                Console.Error.WriteLine("configuration error: " + e.Message);
                return 2;
            }
            using var _ = session;
            var ledger = session.Ledger;
            var template = session.Prompt(PromptIds.ScreenArticle);
            try
            {
                outcome = await session.Runner.RunAsync<ScoreResult>(template, new Dictionary<string, string> { ["article"] = parse.GetValue(text)! }, model, ct);
            }
            catch (LlmConfigurationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
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
            return outcome.IsSuccess ? 0 : 1;
        });
        return command;
    }
}
