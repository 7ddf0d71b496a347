#!/usr/bin/env python3
"""Writes a large COIG-Writer-style JSON Lines file for streaming and memory checks of `inkstone stats`.

Lengths are drawn log-uniformly around the paper's ranges (article 12-31,071, prompt 30-2,643, reasoning
252-4,094 code points); genres cycle through Chinese names of the built-in taxonomy. Two characters outside the BMP
(an emoji and a CJK extension B ideograph) check that lengths are code points, not UTF-16 units. Every 10,000th line is
malformed on purpose so that the problem path is exercised too.

usage: make_large_jsonl.py OUT.jsonl SIZE_MB [SEED]
"""
import json
import math
import random
import sys

GENRES = ["社交媒体文案", "广告文案", "博客文章", "小说故事", "武侠小说", "现代诗", "散文", "游记", "标语口号", "相声小品"]
HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞😀𠀀"


def text(rng, lo, hi):
    n = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    start = rng.randrange(len(HAN))
    reps = n // len(HAN) + 2
    return (HAN * reps)[start:start + n]


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    limit = int(size_mb * 1024 * 1024)
    written = 0
    i = 0
    with open(out, "w", encoding="utf-8") as f:
        while written < limit:
            i += 1
            if i % 10000 == 0:
                line = '{"id": "broken-%d", "query": }\n' % i
            else:
                record = {
                    "id": "rec-%d" % i,
                    "query": text(rng, 30, 2643),
                    "thought": text(rng, 252, 4094),
                    "answer": text(rng, 12, 31071),
                    "metadata": {"genre": GENRES[i % len(GENRES)], "quality_score": 8 + i % 3},
                }
                line = json.dumps(record, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
    print(f"{out}: {i} lines, {written / 1024 / 1024:.1f} MiB", file=sys.stderr)


if __name__ == "__main__":
    main()
