"""Reference side of the segmentation parity suite: runs Python jieba over a JSON list of documents.

usage: jieba_reference.py cut DOCS.json OUT.json     -> {"precise": [[tok...]...], "precise_no_hmm": ..., "search": ..., "full": ...}
       jieba_reference.py cut DOCS.json OUT.json USERDICT  -> precise modes only, after jieba.load_userdict(USERDICT)
       jieba_reference.py tables OUT.json            -> jieba's HMM tables, total, log(freq) values and the \\s class
"""
import json
import logging
import math
import re
import sys

import jieba
from jieba import finalseg

jieba.setLogLevel(logging.WARNING)


def cut(docs_path, out_path, user_dict=None):
    with open(docs_path, encoding="utf-8") as f:
        docs = json.load(f)
    jieba.initialize()
    if user_dict:
        jieba.load_userdict(user_dict)
        out = {
            "version": jieba.__version__,
            "total": jieba.dt.total,
            "precise": [jieba.lcut(d) for d in docs],
            "precise_no_hmm": [jieba.lcut(d, HMM=False) for d in docs],
        }
        with open(out_path, "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False)
        return
    out = {
        "version": jieba.__version__,
        "precise": [jieba.lcut(d) for d in docs],
        "precise_no_hmm": [jieba.lcut(d, HMM=False) for d in docs],
        "search": [jieba.lcut_for_search(d) for d in docs],
        "search_no_hmm": [jieba.lcut_for_search(d, HMM=False) for d in docs],
        "full": [jieba.lcut(d, cut_all=True) for d in docs],
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


def tables(out_path):
    jieba.initialize()
    freq = jieba.dt.FREQ
    out = {
        "version": jieba.__version__,
        "start": finalseg.start_P,
        "trans": finalseg.trans_P,
        "emit": finalseg.emit_P,
        "total": jieba.dt.total,
        "entries": len(freq),
        "log_total": math.log(jieba.dt.total),
        "log_freq": {str(v): math.log(v) for v in set(freq.values()) if v},
        "whitespace": [c for c in range(0x110000) if re.match(r"\s", chr(c))],
    }
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "cut":
        cut(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else None)
    else:
        tables(sys.argv[2])
