import { POLARITY_THRESHOLD } from "../../lib/analysis/polarity";
import { analyzeLocal, type LocalParams } from "../../lib/analysis/model";
import { loadGoEmotions, loadUmsab, type Polarity } from "./datasets";
import { classification, spearman, type Classification } from "./metrics";

export type EvalPrediction = { sentiment: number; emotion: string };
export type EvalAnalyzer = (text: string) => Promise<EvalPrediction> | EvalPrediction;
/** "tune": UMSAB train+val and GoEmotions dev, the only rows parameters may be fitted on; "test": the held-out rows. */
export type EvalSplit = "tune" | "test";

export type EvalResult = {
  split: EvalSplit;
  tweets: Classification & { spearman: number };
  goemotionsSentiment: Classification;
  ekman: Classification;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
};

const POLARITIES: Polarity[] = ["negative", "neutral", "positive"];
const EKMAN = ["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"];
const TO_EKMAN: Record<string, string> = { gratitude: "joy", frustration: "anger" };

/** The platform's polarity rule, the same the dashboards use. */
export function polarity(sentiment: number): Polarity {
  return sentiment >= POLARITY_THRESHOLD ? "positive" : sentiment <= -POLARITY_THRESHOLD ? "negative" : "neutral";
}

export function localEvalAnalyzer(params: Partial<LocalParams> = {}): EvalAnalyzer {
  return (text) => analyzeLocal(text, params);
}

/** Runs the analyzer over one split of both datasets; the time counts only the analyzer's calls. */
export async function runEval(analyze: EvalAnalyzer, opts: { split: EvalSplit; limit?: number }): Promise<EvalResult> {
  const inSplit = (s: string) => (opts.split === "test" ? s === "test" : s !== "test");
  const tweets = loadUmsab()
    .filter((r) => inSplit(r.split))
    .slice(0, opts.limit);
  // Only rows with one unambiguous sentiment group / one Ekman label have a single right answer.
  const go = loadGoEmotions()
    .filter((r) => inSplit(r.split))
    .slice(0, opts.limit);
  let seconds = 0;
  const timed = async (text: string) => {
    const started = performance.now();
    const p = await analyze(text);
    seconds += (performance.now() - started) / 1000;
    return p;
  };
  const tweetPredictions: EvalPrediction[] = [];
  for (const r of tweets) tweetPredictions.push(await timed(r.text));
  const goPredictions: EvalPrediction[] = [];
  for (const r of go) goPredictions.push(await timed(r.text));

  const tweetsReport = classification(
    tweets.map((r) => r.label),
    tweetPredictions.map((p) => polarity(p.sentiment)),
    POLARITIES,
  );
  const ordinal = { negative: 0, neutral: 1, positive: 2 };
  const rho = spearman(
    tweetPredictions.map((p) => p.sentiment),
    tweets.map((r) => ordinal[r.label]),
  );

  const sentimentRows = go
    .map((r, i) => ({ r, p: goPredictions[i]! }))
    .filter(({ r }) => r.sentiment.length === 1 && r.sentiment[0] !== "ambiguous");
  const goSentiment = classification(
    sentimentRows.map(({ r }) => r.sentiment[0]!),
    sentimentRows.map(({ p }) => polarity(p.sentiment)),
    POLARITIES,
  );

  const ekmanRows = go.map((r, i) => ({ r, p: goPredictions[i]! })).filter(({ r }) => r.ekman.length === 1);
  const ekman = classification(
    ekmanRows.map(({ r }) => r.ekman[0]!),
    ekmanRows.map(({ p }) => TO_EKMAN[p.emotion] ?? p.emotion),
    EKMAN,
  );

  const messages = tweets.length + go.length;
  return {
    split: opts.split,
    tweets: { ...tweetsReport, spearman: rho },
    goemotionsSentiment: goSentiment,
    ekman,
    messages,
    seconds,
    messagesPerSecond: seconds ? messages / seconds : 0,
  };
}

export const TARGETS = {
  tweetsMacroF1: 0.55,
  tweetsNeutralF1: 0.4,
  goSentimentMacroF1: 0.62,
  ekmanMacroF1: 0.38,
  messagesPerSecond: 5000,
};
