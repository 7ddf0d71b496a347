"""Peer timing for `Inkstone.Bench segment`: Python jieba, precise mode with HMM.

usage: jieba_python.py CORPUS REPEAT TOKENS_OUT   (prints one JSON object: load_s, cut_s, code_points)
Dictionary loading is timed apart from cutting; the best of REPEAT passes is reported.
"""
import json
import logging
import sys
import time

t0 = time.perf_counter()
import jieba

jieba.setLogLevel(logging.WARNING)
jieba.initialize()
load_s = time.perf_counter() - t0

with open(sys.argv[1], encoding="utf-8", newline="\n") as f:
    docs = [line[:-1] if line.endswith("\n") else line for line in f]
best = None
tokens = None
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    tokens = [jieba.lcut(d) for d in docs]
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for t in tokens:
        f.write(json.dumps(t, ensure_ascii=False) + "\n")
print(json.dumps({"load_s": load_s, "cut_s": best, "code_points": sum(len(d) for d in docs)}))
