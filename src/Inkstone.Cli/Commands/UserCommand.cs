using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Cli.Rendering;
using Inkstone.Reports;
using Inkstone.Team;
using Inkstone.Web;
using Inkstone.Web.Security;

namespace Inkstone.Cli.Commands;

/// <summary><c>inkstone user add|invite|list|disable|enable</c>: the people of the web app (docs/web.md).</summary>
public static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "The people who work in the web app ('inkstone serve'): add them with roles, send one-time invitation links, list, disable.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(Invite());
        command.Subcommands.Add(List());
        command.Subcommands.Add(SetDisabled("disable", disabled: true));
        command.Subcommands.Add(SetDisabled("enable", disabled: false));
        return command;
    }

    private static Argument<string> IdArgument() => new("id") { Description = "Sign-in name: 2–40 lower-case letters, digits, '.', '-' or '_'." };

    private static Option<string> Url() => new("--url")
    {
        Description = "The address people open the web app at, for the invitation link (default http://localhost:5000).",
        DefaultValueFactory = _ => "http://localhost:5000",
    };

    private static Option<string> By() => new("--by")
    {
        Description = "Who does this (recorded in the team events); default: the system user name.",
        DefaultValueFactory = _ => Environment.UserName,
    };

    private static Command Add()
    {
        var command = new Command("add", "Add a person with roles; prints a one-time invitation link where they set their password (or read it from stdin with --password-stdin).");
        var workspaceOption = WorkspaceOption.Create();
        var id = IdArgument();
        var roles = new Option<string>("--roles")
        {
            Description = $"Comma-separated roles: {string.Join(", ", TeamRoles.Names)}.",
            Required = true,
        };
        roles.Validators.Add(result =>
        {
            try { TeamRoles.ParseList(result.GetValueOrDefault<string>() ?? ""); }
            catch (FormatException e) { result.AddError("--roles: " + e.Message); }
        });
        var name = new Option<string?>("--name") { Description = "Display name (default: the id)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of stdin instead of printing an invitation link (scripted set-ups)." };
        var url = Url();
        var by = By();
        var format = CommonOptions.Format();
        foreach (var option in (Option[])[workspaceOption, roles, name, passwordStdin, url, by, format]) command.Options.Add(option);
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var accounts = Accounts(workspace);
            Person person;
            try
            {
                person = await accounts.AddPersonAsync(parse.GetValue(id)!, parse.GetValue(name), TeamRoles.ParseList(parse.GetValue(roles)!), parse.GetValue(by)!, ct);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException)
            {
                throw new CliInputException($"{parse.GetValue(id)}: {e.Message}");
            }

            string? link = null;
            if (parse.GetValue(passwordStdin))
            {
                var password = Console.In.ReadLine() ?? "";
                try { await accounts.SetPasswordAsync(person.Id, password, parse.GetValue(by)!, ct); }
                catch (FormatException e) { throw new CliInputException($"password from stdin: {e.Message}; the account '{person.Id}' was added without a password: use 'inkstone user invite {person.Id}'"); }
            }
            else link = InvitationLink(parse.GetValue(url)!, await accounts.InviteAsync(person.Id, parse.GetValue(by)!, ct));
            Write(parse.GetValue(format)!, person, link);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Invite()
    {
        var command = new Command("invite", "A new one-time invitation link for a person (to set or reset their password); links work once and expire after 7 days.");
        var workspaceOption = WorkspaceOption.Create();
        var id = IdArgument();
        var url = Url();
        var by = By();
        var format = CommonOptions.Format();
        foreach (var option in (Option[])[workspaceOption, url, by, format]) command.Options.Add(option);
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var person = await workspace.Team.GetPersonAsync(parse.GetValue(id)!.Trim().ToLowerInvariant(), ct)
                ?? throw new CliInputException($"{parse.GetValue(id)}: no such person in this workspace ('inkstone user list')");
            string token;
            try { token = await Accounts(workspace).InviteAsync(person.Id, parse.GetValue(by)!, ct); }
            catch (InvalidOperationException e) { throw new CliInputException($"{person.Id}: {e.Message}"); }
            Write(parse.GetValue(format)!, person, InvitationLink(parse.GetValue(url)!, token));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "The people of the workspace: id, name, roles, whether they have set a password, disabled.");
        var workspaceOption = WorkspaceOption.Create();
        var format = CommonOptions.Format(tables: true);
        command.Options.Add(workspaceOption);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var people = await workspace.Team.ListPeopleAsync(ct);
            if (parse.GetValue(format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(people.Select(Json), CliJson.Indented));
                return ExitCodes.Success;
            }

            ReportTableOutput.Write(Console.Out,
                [new ReportTable("people", ["id", "name", "roles", "password set", "disabled"],
                    [.. people.Select(p => (IReadOnlyList<string>)[p.Id, p.DisplayName, TeamRoles.Format(p.Roles), p.PasswordHash is null ? "no" : "yes", p.Disabled ? "yes" : "no"])])],
                parse.GetValue(format)!, people.Count == 0 ? ["no people yet: 'inkstone user add NAME --roles admin'"] : null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command SetDisabled(string verb, bool disabled)
    {
        var command = new Command(verb, disabled
            ? "Disable an account: its sessions end at once and it cannot sign in; its work and audit trail stay."
            : "Enable a disabled account again.");
        var workspaceOption = WorkspaceOption.Create();
        var id = IdArgument();
        var by = By();
        var format = CommonOptions.Format();
        foreach (var option in (Option[])[workspaceOption, by, format]) command.Options.Add(option);
        command.Arguments.Add(id);
        command.SetAction(async (parse, ct) =>
        {
            await using var workspace = await WorkspaceOption.OpenAsync(parse.GetValue(workspaceOption)!, ct);
            var personId = parse.GetValue(id)!.Trim().ToLowerInvariant();
            if (!await workspace.Team.SetDisabledAsync(personId, disabled, parse.GetValue(by)!, ct))
                throw new CliInputException($"{parse.GetValue(id)}: no such person in this workspace ('inkstone user list')");
            var person = (await workspace.Team.GetPersonAsync(personId, ct))!;
            Write(parse.GetValue(format)!, person, null);
            return ExitCodes.Success;
        });
        return command;
    }

    private static AccountService Accounts(Curation.Workspace workspace) =>
        new(workspace.Team, new WebAppOptions { WorkspaceDirectory = workspace.Directory }, TimeProvider.System);

    private static string InvitationLink(string baseUrl, string token) => baseUrl.TrimEnd('/') + "/invite/" + token;

    private static object Json(Person p) => new
    {
        id = p.Id, name = p.DisplayName, roles = p.Roles.Select(r => r.ToName()), password_set = p.PasswordHash is not null, disabled = p.Disabled,
    };

    private static void Write(string format, Person person, string? link)
    {
        if (format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { person = Json(person), invitation = link }, CliJson.Indented));
            return;
        }

        Console.Out.WriteLine($"{person.Id} ({person.DisplayName}): {TeamRoles.Format(person.Roles)}{(person.Disabled ? ", disabled" : "")}");
        if (link is not null) Console.Out.WriteLine($"invitation (works once, expires in 7 days): {link}");
    }
}
