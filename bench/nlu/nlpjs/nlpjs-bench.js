#!/usr/bin/env node
/*
 * NLP.js side of Parley's NLU comparison. Driven by dev.parley.bench.CompareNlu (bench/nlu/java), which
 * writes the job and the data files, runs this script and scores the predictions with Parley's own metric
 * code. Run by hand: node nlpjs-bench.js <job.json>
 *
 * job.json:
 *   {
 *     "train": "train.tsv",                 // language \t intent \t text, one utterance a line
 *     "tests": [{"name": "heldout", "file": "heldout.tsv", "out": "heldout.nlpjs.tsv"}, ...],
 *     "latency": "heldout",                 // the test whose utterances the latency loop cycles through
 *     "warmup": 2000, "calls": 5000,        // latency loop: untimed calls, then timed calls
 *     "threshold": 0.5,                     // NLP.js's own: a top score below it becomes intent None
 *     "summary": "nlpjs-summary.json"
 *   }
 * Relative paths are resolved against the job file's folder. Languages: en stays en; zh, zh-TW and zh-CN all
 * go to NLP.js's zh (its Chinese support: @nlpjs/lang-zh, dictionary segmentation, Traditional folding).
 *
 * Output per test: one line per input row, in order: intent \t score \t topIntent \t topScore, where intent
 * and score are what NlpManager.process returns (None when the top score is below the threshold) and
 * topIntent/topScore are the best classification before the threshold.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { NlpManager } = require('node-nlp');

function locale(language) {
  const l = language.toLowerCase();
  if (l === 'en' || l.startsWith('en-')) {
    return 'en';
  }
  if (l === 'zh' || l.startsWith('zh-')) {
    return 'zh';
  }
  throw new Error(`Unsupported language ${language}`);
}

function readTsv(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [language, intent, ...rest] = line.split('\t');
      return { locale: locale(language), intent, text: rest.join(' ') };
    });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function main() {
  const jobFile = path.resolve(process.argv[2] || 'job.json');
  const dir = path.dirname(jobFile);
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8'));
  const at = (f) => path.resolve(dir, f);
  const threshold = job.threshold === undefined ? 0.5 : job.threshold;

  // Fairness: only the intent classifier. No NER (forceNER false, no entities or slots are defined), no
  // sentiment, no answers, no saving or loading of a model file.
  const manager = new NlpManager({
    languages: ['en', 'zh'],
    forceNER: false,
    calculateSentiment: false,
    autoSave: false,
    autoLoad: false,
    threshold,
    modelFileName: at('nlpjs-model.nlp'),
  });

  // The neural classifier logs every epoch to stdout by default; that is all this turns off.
  manager.nlp.nluManager.settings.log = false;

  const training = readTsv(at(job.train));
  for (const row of training) {
    manager.addDocument(row.locale, row.text, row.intent);
  }
  const started = process.hrtime.bigint();
  await manager.train();
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(`nlpjs: trained on ${training.length} utterances in ${trainSeconds.toFixed(1)} s\n`);

  const tests = {};
  for (const test of job.tests) {
    const rows = readTsv(at(test.file));
    tests[test.name] = rows;
    const lines = [];
    for (const row of rows) {
      const r = await manager.process(row.locale, row.text);
      const top = r.classifications && r.classifications.length > 0 ? r.classifications[0] : { intent: r.intent, score: r.score };
      lines.push(`${r.intent}\t${r.score}\t${top.intent}\t${top.score}`);
    }
    fs.writeFileSync(at(test.out), `${lines.join('\n')}\n`);
    process.stderr.write(`nlpjs: ${test.name}: ${rows.length} predictions\n`);
  }

  let latency = null;
  const rows = tests[job.latency || job.tests[0].name];
  if (rows && rows.length > 0) {
    const warmup = job.warmup === undefined ? 2000 : job.warmup;
    const calls = job.calls === undefined ? 5000 : job.calls;
    for (let i = 0; i < warmup; i += 1) {
      const row = rows[i % rows.length];
      await manager.process(row.locale, row.text);
    }
    const nanos = new Array(calls);
    for (let i = 0; i < calls; i += 1) {
      const row = rows[i % rows.length];
      const t = process.hrtime.bigint();
      await manager.process(row.locale, row.text);
      nanos[i] = Number(process.hrtime.bigint() - t);
    }
    nanos.sort((a, b) => a - b);
    latency = { calls, warmup, p50Millis: percentile(nanos, 50) / 1e6, p99Millis: percentile(nanos, 99) / 1e6 };
  }

  const summary = {
    node: process.version,
    nodeNlp: require('node-nlp/package.json').version,
    threshold,
    trainingUtterances: training.length,
    trainSeconds,
    latency,
  };
  fs.writeFileSync(at(job.summary || 'nlpjs-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(1);
});
