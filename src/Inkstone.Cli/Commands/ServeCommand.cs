using System.CommandLine;
using Inkstone.Cli.Conventions;
using Inkstone.Team;
using Inkstone.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone serve</c>: the web app for annotators, scorers, reviewers and admins on a workspace (docs/web.md).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the web app on a workspace: annotators, scorers, reviewers and admins sign in and work together (SQLite for one person, PostgreSQL for a team). Ctrl-C stops it.");
        var workspaceOption = WorkspaceOption.Create();
        var urls = new Option<string[]>("--urls")
        {
            Description = "Addresses to listen on (default http://localhost:5000). Use http://0.0.0.0:PORT to serve a team, behind a TLS proxy.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["http://localhost:5000"],
        };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request (default: warnings and errors only)." };
        command.Options.Add(workspaceOption);
        command.Options.Add(urls);
        command.Options.Add(verbose);
        command.SetAction(async (parse, ct) =>
        {
            var directory = parse.GetValue(workspaceOption)!;
            foreach (var url in parse.GetValue(urls)!)
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                    throw new CliInputException($"--urls: '{url}' is not an http or https address");
            await using var app = await InkstoneWebApp.CreateAsync(new WebAppOptions
            {
                WorkspaceDirectory = directory.FullName, Urls = parse.GetValue(urls)!, Verbose = parse.GetValue(verbose),
            }, ct);
            await app.StartAsync(ct);
            var team = (ITeamStore)app.Services.GetService(typeof(ITeamStore))!;
            var people = await team.ListPeopleAsync(ct);
            Console.Error.WriteLine($"inkstone serve: workspace {directory.FullName}, listening on {string.Join(", ", app.Urls)}; Ctrl-C stops");
            if (!people.Any(p => p.Has(TeamRole.Admin) && !p.Disabled))
                Console.Error.WriteLine($"note: no admin yet: 'inkstone user add NAME --roles admin -w {directory.FullName}' prints an invitation link");
            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C is how a server is stopped: not a failure.
            }

            await app.StopAsync(CancellationToken.None);
            Console.Error.WriteLine("inkstone serve: stopped");
            return ExitCodes.Success;
        });
        return command;
    }
}
