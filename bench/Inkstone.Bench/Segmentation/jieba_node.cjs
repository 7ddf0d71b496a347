// Peer timing for `Inkstone.Bench segment`: @node-rs/jieba (jieba-rs), precise mode with HMM.
// usage: node jieba_node.cjs NODE_MODULES CORPUS REPEAT TOKENS_OUT   (prints one JSON object: load_s, cut_s, code_points)
'use strict';
const fs = require('fs');
const path = require('path');
const [modules, corpus, repeat, tokensOut] = process.argv.slice(2);

let t0 = process.hrtime.bigint();
const { Jieba } = require(path.join(modules, '@node-rs', 'jieba'));
const { dict } = require(path.join(modules, '@node-rs', 'jieba', 'dict'));
const jieba = Jieba.withDict(dict);
const loadS = Number(process.hrtime.bigint() - t0) / 1e9;

let text = fs.readFileSync(corpus, 'utf8');
if (text.endsWith('\n')) text = text.slice(0, -1);
const docs = text.split('\n');
let best = Infinity;
let tokens = null;
for (let r = 0; r < Number(repeat); r++) {
  t0 = process.hrtime.bigint();
  tokens = docs.map((d) => jieba.cut(d, true));
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
fs.writeFileSync(tokensOut, tokens.map((t) => JSON.stringify(t)).join('\n') + '\n');
let codePoints = 0;
for (const d of docs) for (const _ of d) codePoints++;
console.log(JSON.stringify({ load_s: loadS, cut_s: best, code_points: codePoints }));
