import { readFileSync } from "node:fs";
import path from "node:path";
import { parseCsv } from "./csv";

export const DATASETS_DIR = process.env.EVAL_DATASETS_DIR ?? path.resolve(process.cwd(), "..", "shared", "datasets");

export type Polarity = "negative" | "neutral" | "positive";
export type TweetRow = { id: string; text: string; label: Polarity; split: "train" | "val" | "test" };
export type GoEmotionsRow = { id: string; text: string; ekman: string[]; sentiment: string[]; split: "dev" | "test" };

export function loadUmsab(dir = DATASETS_DIR): TweetRow[] {
  return parseCsv(readFileSync(path.join(dir, "umsab-pt-tweets", "sample.csv"), "utf8")) as TweetRow[];
}

export function loadGoEmotions(dir = DATASETS_DIR): GoEmotionsRow[] {
  return parseCsv(readFileSync(path.join(dir, "goemotions", "sample.csv"), "utf8")).map((r) => ({
    id: r.id!,
    text: r.text!,
    ekman: r.ekman!.split(";").filter(Boolean),
    sentiment: r.sentiment!.split(";").filter(Boolean),
    split: r.split as "dev" | "test",
  }));
}
