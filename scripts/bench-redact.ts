// npm run bench:redact — PII redaction on 1 MB of each input shape that makes a backtracking pattern slow, and on
// ordinary chat text. Prints milliseconds per shape (median of 5) and the throughput on ordinary text.
import { redactPii } from "../lib/security/pii";

const MB = 1 << 20;
const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
const SHAPES: Record<string, string> = {
  "letter run": repeat("k"),
  "digit run": repeat("1"),
  "dot run": repeat("."),
  "@ storm": repeat("@"),
  "a@ storm": repeat("a@"),
  "dotted letters": repeat("a."),
  "dotted local parts": repeat("a.a.a.a.a.a.a.a@"),
  "domains without a TLD": repeat("a@b."),
  "one @ in the middle": "x".repeat(MB / 2) + "@" + "y".repeat(MB / 2 - 1),
  "dashed digits": repeat("1-"),
  "spaced digits": repeat("1 "),
  "dotted digits": repeat("1."),
  "phone prefixes": repeat("+55 (11) "),
  "ordinary chat": repeat("Oi, meu pedido 48213 não chegou; meu e-mail é ana.souza@loja.com.br e o telefone (11) 98765-4321. "),
};

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
