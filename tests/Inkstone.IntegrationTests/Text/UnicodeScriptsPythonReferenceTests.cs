using System.Text;
using System.Text.Json;
using Inkstone.Text.Scripts;

namespace Inkstone.IntegrationTests.Text;

/// <summary>
/// Han and Latin ranges against the character names of Python's Unicode database, for every code point assigned there:
/// CJK unified/compatibility ideographs and radicals must be Han, and every other assigned Han code point must be one
/// of the few Han-script characters outside those blocks; every letter whose name has the word LATIN must be a Latin letter.
/// </summary>
public sealed class UnicodeScriptsReferenceScriptTests
{
    private const string Script = """
        import json, sys, unicodedata
        han, latin = [], []
        for cp in range(0x110000):
            name = unicodedata.name(chr(cp), "")
            if not name:
                continue
            if name.startswith(("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "KANGXI RADICAL ", "CJK RADICAL ")):
                han.append(cp)
            if unicodedata.category(chr(cp)).startswith("L") and "LATIN" in name.split():
                latin.append(cp)
        assigned = [cp for cp in range(0x110000) if unicodedata.name(chr(cp), "")]
        print(json.dumps({"han": han, "latin": latin, "assigned": assigned}))
        """;

    // Script=Han code points whose names are not ideograph or radical names.
    private static readonly HashSet<int> HanOutsideIdeographNames = [0x3005, 0x3007, .. Enumerable.Range(0x3021, 9), .. Enumerable.Range(0x3038, 4), 0x16FE2, 0x16FE3, 0x16FF0, 0x16FF1];

    [Fact]
    public void IsHan_And_IsLatinLetter_AgreeWithUnicodeNames()
    {
        ReferenceScript.RequirePython("unicodedata");
        using var document = JsonDocument.Parse(ReferenceScript.Evaluate(Script, ""));
        var han = document.RootElement.GetProperty("han").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        var latin = document.RootElement.GetProperty("latin").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var assigned = document.RootElement.GetProperty("assigned").EnumerateArray().Select(e => e.GetInt32()).ToList();
        Assert.True(han.Count > 90_000);

        foreach (var cp in han) Assert.True(UnicodeScripts.IsHan(new Rune(cp)), $"U+{cp:X4} is an ideograph or radical but not Han");
        foreach (var cp in assigned.Where(cp => cp is < 0xD800 or > 0xDFFF))
            if (UnicodeScripts.IsHan(new Rune(cp)) && !han.Contains(cp))
                Assert.True(HanOutsideIdeographNames.Contains(cp), $"U+{cp:X4} is counted as Han but is neither an ideograph, a radical nor a known Han-script character");
        foreach (var cp in latin) Assert.True(UnicodeScripts.IsLatinLetter(new Rune(cp)), $"U+{cp:X4} is a LATIN letter but not counted as Latin");
    }
}
