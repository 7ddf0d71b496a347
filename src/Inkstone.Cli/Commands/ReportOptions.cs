using System.CommandLine;
using System.Text.Json;
using Inkstone.Cli.Conventions;
using Inkstone.Reports.Documents;
using Inkstone.Reports.Fonts;
using Inkstone.Reports.Html;
using Inkstone.Reports.Rendering;

namespace Inkstone.Cli.Commands;

/// <summary>The options every report verb shares, and how a built report is written (HTML, figure files, stdout).</summary>
public sealed class ReportOptions
{
    public Option<FileInfo> Output { get; } = CommonOptions.Output("The HTML report to write (one self-contained file).", required: true);

    public Option<DirectoryInfo?> Figures { get; } = new Option<DirectoryInfo?>("--figures")
    {
        Description = "Also write each figure as SVG and PNG and each table as CSV into this folder (created if missing).",
    }.OutputFolder();

    public Option<string?> Font { get; } = new("--font")
    {
        Description = "CJK font for the figures: a font file or a family name (default: WenQuanYi Micro Hei, "
            + "Noto Sans CJK SC or Source Han Sans SC, whichever is installed).",
    };

    public Option<string> Format { get; } = CommonOptions.Format();

    public void AddTo(Command command)
    {
        command.Options.Add(Output);
        command.Options.Add(Figures);
        command.Options.Add(Font);
        command.Options.Add(Format);
    }

    /// <summary>The font, resolved before any work so that a missing one stops the verb at once (exit 2).</summary>
    public ReportFont ResolveFont(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return CjkFontResolver.Resolve(parse.GetValue(Font));
        }
        catch (ReportFontException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    /// <summary>Writes the HTML file and the figure files, then prints a summary (text) or the numbers (json).</summary>
    public async Task WriteAsync(ParseResult parse, ReportDocument document, ReportFont font, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(document);
        var renderer = new FigureRenderer(font);
        try
        {
            // Every label checked before a file is written: a font without a glyph fails the verb, never draws boxes.
            foreach (var figure in document.Figures) font.EnsureGlyphs(figure.Labels());
            var output = parse.GetValue(Output)!;
            await File.WriteAllTextAsync(output.FullName, HtmlReportWriter.Write(document, renderer), cancellationToken).ConfigureAwait(false);
            var files = parse.GetValue(Figures) is { } folder
                ? await ReportFiles.WriteAsync(document, renderer, folder.FullName, cancellationToken).ConfigureAwait(false)
                : [];
            if (parse.GetValue(Format) == "json")
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new ReportJson(document, font.Description, output.FullName, files), CliJson.Indented));
                return;
            }
            Console.Out.WriteLine($"wrote {output.FullName}: {document.Figures.Count} figures, {document.Tables.Count} tables; font {font.Description}");
            if (files.Count > 0) Console.Out.WriteLine($"wrote {files.Count} files to {parse.GetValue(Figures)!.FullName}");
            foreach (var note in document.Notes) Console.Error.WriteLine("note: " + note);
        }
        catch (ReportFontException e)
        {
            throw new CliInputException(e.Message);
        }
    }
}
