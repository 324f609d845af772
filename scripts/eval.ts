// npm run eval [-- --split tune|test] [--json out.json] [--limit N]
// Runs the configured analysis provider over the labelled datasets in ../shared/datasets and prints the figures.
import { writeFileSync } from "node:fs";
import { env } from "../lib/env";
import { providerEvalAnalyzer } from "./eval/provider-analyzer";
import { runEval, TARGETS, type EvalSplit } from "./eval/run";
import type { Classification } from "./eval/metrics";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const f3 = (n: number) => n.toFixed(3);
const perClass = (c: Classification) => c.perClass.map((p) => `${p.label} ${f3(p.f1)}`).join(" · ");
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

async function main() {
  const split = (arg("split") ?? "test") as EvalSplit;
  if (split !== "test" && split !== "tune") throw new Error("--split must be test or tune");
  const limit = arg("limit") ? Number(arg("limit")) : undefined;
  const { analyze, label } = providerEvalAnalyzer(env().aiProvider);
  console.log(
    `EvoSense evaluation — provider: ${label} — split: ${split}${limit ? ` (first ${limit} rows per dataset)` : ""}`,
  );
  const r = await runEval(analyze, { split, limit });
  const neutral = r.tweets.perClass.find((c) => c.label === "neutral")!.f1;
  console.log(`
UMSAB pt tweets (n=${r.tweets.n})          accuracy ${f3(r.tweets.accuracy)}  macro-F1 ${f3(r.tweets.macroF1)}  Spearman ${f3(r.tweets.spearman)}
  per class: ${perClass(r.tweets)}
GoEmotions sentiment groups (n=${r.goemotionsSentiment.n})  accuracy ${f3(r.goemotionsSentiment.accuracy)}  macro-F1 ${f3(r.goemotionsSentiment.macroF1)}
  per class: ${perClass(r.goemotionsSentiment)}
GoEmotions Ekman emotion (n=${r.ekman.n})     accuracy ${f3(r.ekman.accuracy)}  macro-F1 ${f3(r.ekman.macroF1)}
  per class: ${perClass(r.ekman)}
Throughput: ${Math.round(r.messagesPerSecond)} messages/s (${r.messages} messages in ${r.seconds.toFixed(2)} s of analysis)

Targets (${split === "test" ? "held-out test split" : "tune split: for information; targets apply to test"}):
  ${verdict(r.tweets.macroF1 >= TARGETS.tweetsMacroF1)} pt tweets macro-F1 ≥ ${TARGETS.tweetsMacroF1}: ${f3(r.tweets.macroF1)}
  ${verdict(neutral >= TARGETS.tweetsNeutralF1)} pt tweets neutral F1 ≥ ${TARGETS.tweetsNeutralF1}: ${f3(neutral)}
  ${verdict(r.goemotionsSentiment.macroF1 >= TARGETS.goSentimentMacroF1)} GoEmotions sentiment macro-F1 ≥ ${TARGETS.goSentimentMacroF1}: ${f3(r.goemotionsSentiment.macroF1)}
  ${verdict(r.ekman.macroF1 >= TARGETS.ekmanMacroF1)} Ekman emotion macro-F1 ≥ ${TARGETS.ekmanMacroF1}: ${f3(r.ekman.macroF1)}
  ${verdict(r.messagesPerSecond >= TARGETS.messagesPerSecond)} throughput ≥ ${TARGETS.messagesPerSecond} messages/s: ${Math.round(r.messagesPerSecond)}`);
  const json = arg("json");
  if (json) writeFileSync(json, JSON.stringify({ provider: label, ...r }, null, 2));
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
