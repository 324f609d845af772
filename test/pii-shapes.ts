const MB = 1 << 20;
const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

/**
 * One MiB of each shape that makes a backtracking e-mail or number pattern retry every start of a long run: the
 * linear-time test asserts on them and bench:redact times them.
 */
export const ADVERSARIAL_SHAPES: Record<string, string> = {
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
};

/** One MiB of ordinary customer text, with an e-mail and a phone number in every sentence. */
export const ORDINARY_CHAT = repeat(
  "Oi, meu pedido 48213 não chegou; meu e-mail é ana.souza@loja.com.br e o telefone (11) 98765-4321. ",
);
