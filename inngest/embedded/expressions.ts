/**
 * The small subset of Inngest's CEL expressions our functions use: dotted paths (`event.data.tenantId`),
 * string/number literals, `==`, `!=` and `&&`. Anything else is refused when the runner starts.
 */
type Scope = Record<string, unknown>;

const CLAUSE = /^\s*(.+?)\s*(==|!=)\s*(.+?)\s*$/;

function operand(token: string, scope: Scope): unknown {
  const t = token.trim();
  if (/^'.*'$|^".*"$/.test(t)) return t.slice(1, -1);
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === "true" || t === "false") return t === "true";
  if (t === "null") return null;
  return resolvePath(t, scope);
}

export function resolvePath(path: string, scope: Scope): unknown {
  return path
    .split(".")
    .reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Scope)[key] : undefined), scope);
}

export function isSupportedExpression(expression: string): boolean {
  return expression.split("&&").every((clause) => CLAUSE.test(clause) || /^\s*[\w.]+\s*$/.test(clause));
}

export function evaluate(expression: string, scope: Scope): boolean {
  return expression.split("&&").every((clause) => {
    const m = CLAUSE.exec(clause);
    if (!m) return Boolean(operand(clause, scope));
    const [, left, op, right] = m;
    const equal = operand(left!, scope) === operand(right!, scope);
    return op === "==" ? equal : !equal;
  });
}
