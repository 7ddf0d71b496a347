#!/usr/bin/env python3
"""Independent reference for `inkstone stats` on a JSON Lines file whose genres are genre ids or Chinese genre names.

Counts lines that parse as JSON objects with the four text fields and a known genre (name_zh in the taxonomy
file), and prints per field min / mean / max of Python len() overall, and the count per genre id, as JSON.
usage: dataset_stats_reference.py DATA.jsonl genres.json
"""
import json
import sys

taxonomy = json.load(open(sys.argv[2], encoding="utf-8"))
by_name = {g["name_zh"]: g["id"] for c in taxonomy["categories"] for g in c["genres"]}
by_name.update({g["id"]: g["id"] for c in taxonomy["categories"] for g in c["genres"]})
fields = {"article": "answer", "prompt": "query", "reasoning": "thought"}
lengths = {k: [] for k in fields}
genres = {}
read = accepted = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        read += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        genre = by_name.get(record.get("metadata", {}).get("genre"))
        if genre is None or not all(isinstance(record.get(v), str) and record[v].strip() for v in fields.values()):
            continue
        accepted += 1
        genres[genre] = genres.get(genre, 0) + 1
        for k, v in fields.items():
            lengths[k].append(len(record[v]))
summary = {k: {"min": min(v), "mean": sum(v) / len(v), "max": max(v)} for k, v in lengths.items()}
print(json.dumps({"read": read, "accepted": accepted, "overall": summary, "genres": genres}))
