using System.Globalization;
using System.Resources;

namespace Inkstone.Tests.Web;

/// <summary>Every UI text exists in Chinese and in English: the two resource files of each text class have the same keys, none empty in one only.</summary>
public sealed class WebResourceTests
{
    public static TheoryData<string> TextClasses
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var type in typeof(Inkstone.Web.InkstoneWebApp).Assembly.GetTypes().Where(t => t.Namespace == "Inkstone.Web.Text" && t.IsPublic))
                data.Add(type.FullName!);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TextClasses))]
    public void TextClass_ChineseAndEnglish_SameKeys(string className)
    {
        var manager = new ResourceManager(className, typeof(Inkstone.Web.InkstoneWebApp).Assembly);
        var chinese = Keys(manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var english = Keys(manager.GetResourceSet(new CultureInfo("en"), createIfNotExists: true, tryParents: false));
        Assert.NotEmpty(chinese);
        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese, kv => Assert.Equal(string.IsNullOrEmpty(kv.Value), string.IsNullOrEmpty(english[kv.Key])));
    }

    private static Dictionary<string, string?> Keys(ResourceSet? set)
    {
        Assert.NotNull(set);
        var keys = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in set) keys[(string)entry.Key] = entry.Value as string;
        return keys;
    }
}
