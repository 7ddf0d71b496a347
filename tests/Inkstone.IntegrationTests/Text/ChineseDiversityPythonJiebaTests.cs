using System.Text.Json;
using Inkstone.Cli;
using Inkstone.Text.Diversity;
using Inkstone.Text.Segmentation;

namespace Inkstone.IntegrationTests.Text;

/// <summary>
/// End to end for Chinese, as the paper computes it: Python jieba (precise mode, HMM on) tokens, the same
/// punctuation/whitespace filter and lower-casing, TTR/MATTR/MTLD in Python — against the analyzer with the CLI's
/// default segmenter. Skipped while no segmenter is wired into the CLI.
/// </summary>
public sealed class ChineseDiversityPythonJiebaTests
{
    private const string Script = """
        import json, sys, unicodedata, logging
        import jieba
        jieba.setLogLevel(logging.WARNING)

        def counted(tok):
            return not all(ch.isspace() or unicodedata.category(ch)[0] in "PS" or unicodedata.category(ch) in ("Cc", "Cf") for ch in tok)

        def ttr(t):
            return len(set(t)) / len(t) if t else None

        def mattr(t, w=50):
            if not t: return None
            if len(t) < w: return ttr(t)
            return sum(len(set(t[i:i + w])) / w for i in range(len(t) - w + 1)) / (len(t) - w + 1)

        def mtld_pass(t, thr=0.72):
            f, start = 0.0, 0
            for end in range(1, len(t) + 1):
                seg = t[start:end]
                if len(set(seg)) / len(seg) <= thr:
                    f += 1; start = end
            rest = t[start:]
            if rest: f += (1 - len(set(rest)) / len(rest)) / (1 - thr)
            return f

        def mtld(t):
            if not t: return None
            f, b = mtld_pass(t), mtld_pass(t[::-1])
            return None if f == 0 or b == 0 else (len(t) / f + len(t) / b) / 2

        out = []
        for text in json.load(sys.stdin):
            toks = [w.lower() for w in jieba.lcut(text) if counted(w)]
            out.append({"tokens": len(toks), "ttr": ttr(toks), "mattr": mattr(toks), "mtld": mtld(toks)})
        print(json.dumps(out))
        """;

    private static readonly string[] Texts =
    [
        "清晨的雾气还没有散去，小镇的石板路上已经有了行人。卖豆花的老人推着木车慢慢走过，车轮在湿漉漉的石头上发出吱呀的声音。我站在桥头，看着河面上漂浮的落叶，想起了很多年前离开家乡的那个早上。",
        "人工智能正在改变写作的方式。有人担心机器会取代作家，也有人认为它只是一种新的工具。真正重要的问题是：我们希望从文字中得到什么？是信息，是情感，还是一种只有人类才能给予的理解？",
        "秋风起，雁南飞。窗外的梧桐叶一片一片地落下来，像是在和这个季节告别。母亲在厨房里煮着红豆汤，香味飘满了整个屋子。我放下手中的书，忽然觉得，所谓幸福，大概就是这样平常的一个下午。",
        "他说：“明天我们一起去爬山吧！”我笑着点点头。第二天早上六点，我们背着包出发了。山路很陡，走到半山腰的时候，我已经气喘吁吁。他回头看了我一眼，说：“加油，山顶的风景一定值得。”",
        "本次会议的主要议题包括：一、总结上半年的工作成果；二、讨论下半年的发展计划；三、研究人员招聘与培训方案。请各部门负责人于周五前提交书面材料，会议时间定于下周一上午九点，地点在三楼会议室。",
        "AI写作工具ChatGPT在2023年迅速流行，很多学生用它来完成作业。老师们开始思考：如何判断一篇文章是不是学生自己写的？如何设计更好的作业，让学生真正学会思考和表达？",
        "月光洒在湖面上，波光粼粼。远处传来几声蛙鸣，打破了夜的寂静。她坐在岸边，把脚伸进凉凉的湖水里，轻声哼着一首小时候外婆教她的歌。歌词她已经记不清了，可是那旋律，却一直留在心里。",
        "城市的夜晚从来不会真正安静。出租车的灯光、便利店的招牌、写字楼里还亮着的窗户，都在提醒着人们：这里的生活永远在继续。加班到深夜的年轻人走出地铁站，抬头看了看天空，却找不到一颗星星。",
    ];

    [Fact]
    public void Analyze_ChineseTexts_MatchesPythonJieba()
    {
        IWordSegmenter segmenter;
        try
        {
            segmenter = TextSegmenters.CreateDefault();
        }
        catch (NotSupportedException e)
        {
            Assert.Skip("no Chinese segmenter wired into the CLI yet: " + e.Message);
            return;
        }
        ReferenceScript.RequirePython("jieba");

        var analyzer = new LexicalDiversityAnalyzer(segmenter, new LexicalDiversityOptions { Language = TextLanguage.Chinese });
        var texts = Texts.Append(string.Concat(Texts)).ToArray(); // one long text, so that MATTR slides
        var expected = JsonSerializer.Deserialize<List<JsonElement>>(ReferenceScript.Evaluate(Script, JsonSerializer.Serialize(texts)))!;
        for (var i = 0; i < texts.Length; i++)
        {
            var actual = analyzer.Analyze(texts[i]);
            Assert.Equal(expected[i].GetProperty("tokens").GetInt32(), actual.Tokens);
            Assert.Equal(expected[i].GetProperty("ttr").GetDouble(), actual.Ttr!.Value, 12);
            Assert.Equal(expected[i].GetProperty("mattr").GetDouble(), actual.Mattr!.Value, 12);
            Assert.Equal(expected[i].GetProperty("mtld").GetDouble(), actual.Mtld!.Value, 9);
        }
    }
}
