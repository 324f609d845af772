// npm run bench:redact — PII redaction on 1 MB of each input shape that makes a backtracking pattern slow, and on
// ordinary chat text. Prints milliseconds per shape (median of 5) and the throughput on ordinary text.
import { redactPii } from "../lib/security/pii";
import { ADVERSARIAL_SHAPES, ORDINARY_CHAT } from "../test/pii-shapes";

const SHAPES: Record<string, string> = { ...ADVERSARIAL_SHAPES, "ordinary chat": ORDINARY_CHAT };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
let worst = 0;
console.log("shape (1 MiB)                 ms");
for (const [name, text] of Object.entries(SHAPES)) {
  const times = Array.from({ length: 5 }, () => {
    const started = performance.now();
    redactPii(text);
    return performance.now() - started;
  });
  const ms = median(times);
  if (name !== "ordinary chat") worst = Math.max(worst, ms);
  console.log(`${name.padEnd(30)}${ms.toFixed(1).padStart(6)}`);
}
console.log(`worst adversarial shape: ${worst.toFixed(1)} ms per MiB`);
