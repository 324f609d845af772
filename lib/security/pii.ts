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

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
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

export function redactPii(text: string): { text: string; found: PiiKind[] } {
  const found = new Set<PiiKind>();
  const replace = (input: string, pattern: RegExp, kind: PiiKind, accept: (match: string) => boolean = () => true) =>
    input.replace(pattern, (match) => {
      if (!accept(match)) return match;
      found.add(kind);
      return LABEL[kind];
    });
  let out = replace(text, EMAIL, "email");
  out = replace(out, CNPJ, "cnpj", (m) => m.replace(/\D/g, "").length === 14);
  out = replace(out, CARD, "card", (m) => luhnValid(m.replace(/\D/g, "")));
  // A formatted CPF (000.000.000-00) is redacted as such; bare 11 digits only when the check digits match.
  out = replace(out, CPF, "cpf", (m) => /[.-]/.test(m) || cpfValid(m));
  out = replace(out, PHONE, "phone", (m) => m.replace(/\D/g, "").length >= 10);
  return { text: out, found: [...found] };
}
