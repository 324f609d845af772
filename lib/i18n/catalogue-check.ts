// Checks of the string catalogue that the type system cannot make: values present and non-empty in every
// locale, the same placeholders in each, keys used by literal calls present, and no user-visible literal left in
// the markup. Pure functions over dictionaries and source text, so the test can also feed them broken input.
import ts from "typescript";
import { LOCALES, type Dictionary } from "./locale";

export type AnyDictionary = Dictionary<string>;
export type Problem = string;

/** `{name}` as `translator` fills it. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** Every key in every locale with a non-empty value, and the same placeholders in each locale. */
export function checkDictionary(name: string, dictionary: AnyDictionary): Problem[] {
  const problems: Problem[] = [];
  const keys = new Set(LOCALES.flatMap((l) => Object.keys(dictionary[l] ?? {})));
  for (const key of keys) {
    for (const locale of LOCALES) {
      const value = (dictionary[locale] as Record<string, unknown> | undefined)?.[key];
      if (typeof value !== "string" || value.trim() === "")
        problems.push(`${name}.${key}: missing or empty in ${locale}`);
    }
    const [first, ...rest] = LOCALES.map((l) =>
      placeholders(String((dictionary[l] as Record<string, unknown>)?.[key] ?? "")),
    );
    for (const [i, other] of rest.entries()) {
      if (first!.join(",") !== other.join(",")) {
        problems.push(
          `${name}.${key}: placeholders {${first!.join("},{")}} in ${LOCALES[0]} but {${other.join("},{")}} in ${LOCALES[i + 1]}`,
        );
      }
    }
  }
  return problems;
}

const line = (file: ts.SourceFile, node: ts.Node) =>
  `${file.fileName}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;

function parse(fileName: string, text: string) {
  return ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
}

/** The dictionary an expression names: `getT(x)` or `translator(x, locale)`, with `x` an exported dictionary. */
function dictionaryArgument(expr: ts.Expression | undefined): string | null {
  let e = expr;
  while (e && (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
  if (!e || !ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return null;
  if (!["getT", "translator", "useT"].includes(e.expression.text)) return null;
  const arg = e.arguments[0];
  return arg && ts.isIdentifier(arg) ? arg.text : null;
}

/**
 * Calls like `t("key")`, `tc("key")` whose translator was bound in an enclosing scope from a named dictionary
 * (`const { t: tc } = await getT(common)`, `const t = translator(common, locale)`), checked against it. A template
 * key (`t(\`import_${s}\`)`) must at least start like some key.
 */
export function checkKeyReferences(
  fileName: string,
  text: string,
  dictionaries: Record<string, AnyDictionary>,
): Problem[] {
  const file = parse(fileName, text);
  const problems: Problem[] = [];
  const scopes: Map<string, string>[] = [new Map()];
  const lookup = (name: string) => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const d = scopes[i]!.get(name);
      if (d) return d;
    }
    return null;
  };
  const bind = (node: ts.VariableDeclaration) => {
    const dict = dictionaryArgument(node.initializer);
    if (!dict || !(dict in dictionaries)) return;
    const scope = scopes[scopes.length - 1]!;
    if (ts.isIdentifier(node.name)) scope.set(node.name.text, dict);
    else if (ts.isObjectBindingPattern(node.name)) {
      for (const el of node.name.elements) {
        const prop =
          el.propertyName && ts.isIdentifier(el.propertyName)
            ? el.propertyName.text
            : ts.isIdentifier(el.name)
              ? el.name.text
              : "";
        if (prop === "t" && ts.isIdentifier(el.name)) scope.set(el.name.text, dict);
      }
    }
  };
  const visit = (node: ts.Node) => {
    const opens = ts.isFunctionLike(node) || ts.isBlock(node);
    if (opens) scopes.push(new Map());
    if (ts.isVariableDeclaration(node)) bind(node);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.arguments.length > 0) {
      const dictName = lookup(node.expression.text);
      const arg = node.arguments[0]!;
      if (dictName) {
        const keys = new Set(LOCALES.flatMap((l) => Object.keys(dictionaries[dictName]![l])));
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
          if (!keys.has(arg.text))
            problems.push(
              `${line(file, arg)}: ${node.expression.text}("${arg.text}") — no key "${arg.text}" in ${dictName}`,
            );
        } else if (ts.isTemplateExpression(arg) && arg.head.text) {
          if (![...keys].some((k) => k.startsWith(arg.head.text)))
            problems.push(`${line(file, arg)}: no key in ${dictName} starts with "${arg.head.text}"`);
        }
      }
    }
    ts.forEachChild(node, visit);
    if (opens) scopes.pop();
  };
  visit(file);
  return problems;
}

/** Attributes a person reads or hears (screen readers read aria-label and alt). */
const VISIBLE_ATTRIBUTES = new Set(["placeholder", "title", "aria-label", "alt", "label", "aria-description"]);
const HAS_WORD = /\p{L}{2,}/u;

/**
 * Text in the markup that no dictionary supplies: JSX text, string children and user-visible attributes.
 * `allowed` holds literals that are the same in every language (the product name, example URLs).
 */
export function checkHardCodedText(fileName: string, text: string, allowed: ReadonlySet<string>): Problem[] {
  const file = parse(fileName, text);
  const problems: Problem[] = [];
  const report = (node: ts.Node, literal: string) => {
    const value = literal.trim();
    if (HAS_WORD.test(value) && !allowed.has(value)) problems.push(`${line(file, node)}: hard-coded "${value}"`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (
        ts.isJsxExpression(init) &&
        init.expression &&
        (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))
      ) {
        report(init.expression, init.expression.text);
      }
    } else if (
      ts.isJsxExpression(node) &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) || ts.isNoSubstitutionTemplateLiteral(node.expression))
    ) {
      report(node.expression, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return problems;
}

/** Every exported dictionary of a dictionaries module, by export name. */
export function dictionariesOf(module: Record<string, unknown>): Record<string, AnyDictionary> {
  const out: Record<string, AnyDictionary> = {};
  for (const [name, value] of Object.entries(module)) {
    if (value && typeof value === "object" && LOCALES.every((l) => l in value)) out[name] = value as AnyDictionary;
  }
  return out;
}
