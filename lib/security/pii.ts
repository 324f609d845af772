/**
 * Redacts personal data from message text before analysis and logs see it: e-mail, CPF, CNPJ, card numbers
 * (only Luhn-valid ones, so order numbers survive) and phone numbers. Order matters: longer, more specific
 * patterns go first so a CNPJ is not half-eaten by the phone pattern.
 */
export type PiiKind = "email" | "cpf" | "cnpj" | "card" | "phone";

const LABEL: Record<PiiKind, string> = {
  email: "[email]",
  cpf: "[cpf]",
  cnpj: "[cnpj]",
  card: "[cartao]",
  phone: "[telefone]",
};

const CNPJ = /\b\d{2}\.?\d{3}\.?\d{3}\/?\d{4}-?\d{2}\b/g;
const CPF = /\b\d{3}\.?\d{3}\.?\d{3}-?\d{2}\b/g;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
const PHONE = /(?:\+?55[\s.-]?)?\(?\b\d{2}\)?[\s.-]?9?\d{4}[\s.-]?\d{4}\b/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 13 && sum % 10 === 0;
}

export function cpfValid(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const check = (len: number) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(digits[i]) * (len + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

const isLocalChar = (c: number) => isDomainChar(c) || c === 0x5f /* _ */ || c === 0x25 /* % */ || c === 0x2b; /* + */
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDomainChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e /* . */ || c === 0x2d; /* - */

/**
 * Where the domain of an address starting at `from` ends, as `[A-Za-z0-9.-]+\.[A-Za-z]{2,}` would greedily match
 * it, or -1. Found in one pass: the domain ends after the letters that follow the last dot with at least two
 * letters after it and at least one character before it.
 */
function domainEnd(text: string, from: number, runEnd: number): number {
  for (let dot = runEnd - 3; dot > from; dot--) {
    if (text.charCodeAt(dot) !== 0x2e || !isLetter(text.charCodeAt(dot + 1)) || !isLetter(text.charCodeAt(dot + 2)))
      continue;
    let end = dot + 3;
    while (end < runEnd && isLetter(text.charCodeAt(end))) end++;
    return end;
  }
  return -1;
}

/**
 * E-mail addresses as `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}` finds them, without the regular
 * expression: it retries every start of a long run of letters or digits and scans the run again each time, which is
 * quadratic (a 64 KB message took seconds). Here each character is read a bounded number of times: neither part of
 * an address contains "@", so the scans left and right of one "@" stop at its neighbours.
 */
function redactEmails(text: string, found: Set<PiiKind>): string {
  let out = "";
  let copied = 0;
  let at = text.indexOf("@");
  while (at !== -1) {
    let start = at;
    while (start > copied && isLocalChar(text.charCodeAt(start - 1))) start--;
    let runEnd = at + 1;
    while (runEnd < text.length && isDomainChar(text.charCodeAt(runEnd))) runEnd++;
    const end = start < at ? domainEnd(text, at + 1, runEnd) : -1;
    if (end !== -1) {
      out += text.slice(copied, start) + LABEL.email;
      copied = end;
      found.add("email");
    }
    at = text.indexOf("@", Math.max(at + 1, copied));
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * Redacts in time linear in the text's length: e-mail by a scanner, the digit patterns by regular expressions whose
 * every repetition is bounded, so each start position costs a bounded amount of work.
 */
export function redactPii(text: string): { text: string; found: PiiKind[] } {
  const found = new Set<PiiKind>();
  const replace = (input: string, pattern: RegExp, kind: PiiKind, accept: (match: string) => boolean = () => true) =>
    input.replace(pattern, (match) => {
      if (!accept(match)) return match;
      found.add(kind);
      return LABEL[kind];
    });
  let out = redactEmails(text, found);
  out = replace(out, CNPJ, "cnpj", (m) => m.replace(/\D/g, "").length === 14);
  out = replace(out, CARD, "card", (m) => luhnValid(m.replace(/\D/g, "")));
  // A formatted CPF (000.000.000-00) is redacted as such; bare 11 digits only when the check digits match.
  out = replace(out, CPF, "cpf", (m) => /[.-]/.test(m) || cpfValid(m));
  out = replace(out, PHONE, "phone", (m) => m.replace(/\D/g, "").length >= 10);
  return { text: out, found: [...found] };
}
