using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Inkstone.Curation.Ingest;

/// <summary>
/// The main text of an HTML page and its metadata. Main text: the first <c>article</c>, else <c>main</c>, else the element
/// whose direct <c>p</c> children hold the most text, else <c>body</c>; scripts, styles, navigation, headers, footers,
/// asides and forms are dropped; each leaf block (paragraph, heading, list item, …) becomes one line.
/// Metadata: <c>og:title</c>/<c>title</c>, <c>author</c>/<c>article:author</c>, <c>article:published_time</c>/<c>pubdate</c>/<c>time[datetime]</c>,
/// canonical link/<c>og:url</c>, <c>og:site_name</c>.
/// </summary>
public static class HtmlMainTextExtractor
{
    private static readonly string[] s_noise = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template"];
    private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "section", "article", "main", "td", "th", "dd", "dt", "figcaption",
    };

    public sealed record Result(string Text, string? Title, string? Author, string? PublishedAt, string? Url, string? Platform);

    public static Result Extract(string html)
    {
        var parser = new HtmlParser();
        using var document = parser.ParseDocument(html);
        string? Meta(params string[] keys)
        {
            foreach (var key in keys)
            {
                var element = document.QuerySelector($"meta[property='{key}'], meta[name='{key}'], meta[itemprop='{key}']");
                if (element?.GetAttribute("content") is { Length: > 0 } content) return content.Trim();
            }

            return null;
        }

        var title = Meta("og:title") ?? NullIfEmpty(document.Title);
        var author = Meta("author", "article:author");
        var published = Meta("article:published_time", "pubdate", "publishdate", "datePublished", "date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        var url = document.QuerySelector("link[rel='canonical']")?.GetAttribute("href") ?? Meta("og:url");
        var platform = Meta("og:site_name");

        foreach (var element in document.QuerySelectorAll(string.Join(",", s_noise)).ToList()) element.Remove();
        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? DensestBlock(document) ?? document.Body;
        var text = root is null ? "" : BlockText(root);
        return new Result(text, title, author, published, url, platform);
    }

    private static IElement? DensestBlock(IDocument document) =>
        document.QuerySelectorAll("div, section, td")
            .Select(e => (Element: e, Score: e.Children.Where(c => c is IHtmlParagraphElement).Sum(c => c.TextContent.Trim().Length)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Select(x => x.Element)
            .FirstOrDefault();

    private static string BlockText(IElement root)
    {
        var builder = new StringBuilder();
        Append(root, builder);
        return builder.ToString();
    }

    // Inline content accumulates on the current line; every block element starts and ends a line.
    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data.Replace('\n', ' '));
                    break;
                case IHtmlBreakRowElement:
                    builder.Append('\n');
                    break;
                case IElement element when s_blocks.Contains(element.LocalName):
                    builder.Append('\n');
                    Append(element, builder);
                    builder.Append('\n');
                    break;
                case IElement element:
                    Append(element, builder);
                    break;
            }
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
