/**
 * Phase 3 support: find where a property of the declaration is written in the user's source. A path
 * such as `["target", "numHeads"]` is walked from the default export through object literals, array
 * literals, builder calls (`qwen3({...})` → its object), identifiers (to their `const` initializers,
 * across relative imports), shorthand properties and spreads. When a step cannot be followed, the
 * nearest enclosing node that exists is reported (e.g. the object that lacks a missing property).
 *
 * The locator parses its own snapshot of the files into a private in-memory project, so it stays
 * valid however the type-checking project changes later.
 */
import { Node, Project, ts, type ObjectLiteralExpression, type SourceFile, type TypeChecker } from "ts-morph";
import type { Diagnostic } from "../../contract/diagnostics.js";
import type { ConfigFiles } from "./collect-files.js";
import { errorAt, positionAt, type Position } from "./location.js";
import type { PropertyPath } from "./plain-data.js";

export type { PropertyPath } from "./plain-data.js";

export interface SourceLocation extends Position {
  readonly file: string;
}

export interface Locator {
  /** The config file (absolute path). */
  readonly entry: string;
  /** Where the value at `path` is written, or the nearest enclosing node that exists. */
  locate(path: PropertyPath): SourceLocation;
  /** An error diagnostic located at `path`. */
  error(path: PropertyPath, code: string, message: string): Diagnostic;
}

const MAX_STEPS = 64;

export function createLocator(files: ConfigFiles): Locator {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      noLib: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowImportingTsExtensions: true,
      noEmit: true,
    },
  });
  for (const [path, text] of files.texts) project.createSourceFile(path, text, { overwrite: true });
  const entry = project.getSourceFileOrThrow(files.entry);
  const checker = project.getTypeChecker();

  const locate = (path: PropertyPath): SourceLocation => {
    const node = walk(entry, checker, path);
    const sf = node.getSourceFile();
    const at = node === sf ? { line: 1, column: 1 } : positionAt(sf.getFullText(), node.getStart());
    return { file: sf.getFilePath(), ...at };
  };
  return {
    entry: files.entry,
    locate,
    error: (path, code, message) => {
      const { file, line, column } = locate(path);
      return errorAt(file, { line, column }, code, message);
    },
  };
}

/** The expression after `export default` (or the file itself when there is none). */
function defaultExport(sf: SourceFile): Node {
  for (const decl of sf.getDefaultExportSymbol()?.getDeclarations() ?? []) {
    if (Node.isExportAssignment(decl)) return decl.getExpression();
    if (Node.isExportSpecifier(decl)) return decl.getNameNode();
  }
  return sf;
}

function walk(sf: SourceFile, checker: TypeChecker, path: PropertyPath): Node {
  let node = defaultExport(sf);
  for (const key of path) {
    const container = resolveValue(node, checker);
    const next = typeof key === "number" ? arrayElement(container, key, checker) : objectProperty(container, key, checker);
    if (next === undefined) return container;
    node = next;
  }
  return Node.isShorthandPropertyAssignment(node) ? node.getNameNode() : node;
}

/** Follow wrappers, identifiers, builder calls and property accesses to the literal that holds the value. */
function resolveValue(start: Node, checker: TypeChecker): Node {
  let node = start;
  for (let i = 0; i < MAX_STEPS; i++) {
    const next = step(node, checker);
    if (next === undefined) return node;
    node = next;
  }
  return node;
}

function step(node: Node, checker: TypeChecker): Node | undefined {
  if (
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isNonNullExpression(node) ||
    Node.isTypeAssertion(node)
  ) {
    return node.getExpression();
  }
  if (Node.isIdentifier(node) || Node.isShorthandPropertyAssignment(node)) return initializerOf(node, checker);
  if (Node.isCallExpression(node)) {
    // A builder (`qwen3({...})`) returns its object argument plus a discriminant.
    const arg = node.getArguments()[0];
    if (arg === undefined) return undefined;
    const inner = resolveValue(arg, checker);
    return Node.isObjectLiteralExpression(inner) ? inner : undefined;
  }
  if (Node.isPropertyAccessExpression(node)) {
    return objectProperty(resolveValue(node.getExpression(), checker), node.getName(), checker);
  }
  return undefined;
}

function initializerOf(node: Node, checker: TypeChecker): Node | undefined {
  let symbol = Node.isShorthandPropertyAssignment(node) ? checker.getShorthandAssignmentValueSymbol(node) : node.getSymbol();
  if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
  for (const decl of symbol?.getDeclarations() ?? []) {
    if (Node.isVariableDeclaration(decl)) return decl.getInitializer();
  }
  return undefined;
}

function propertyName(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  if (Node.isComputedPropertyName(name)) {
    const e = name.getExpression();
    if (Node.isStringLiteral(e) || Node.isNoSubstitutionTemplateLiteral(e)) return e.getLiteralValue();
    if (Node.isNumericLiteral(e)) return String(e.getLiteralValue());
  }
  return undefined;
}

/** The node that gives `key` its value; later properties and spreads win, as in JavaScript. */
function objectProperty(container: Node, key: string, checker: TypeChecker, depth = 0): Node | undefined {
  if (!Node.isObjectLiteralExpression(container) || depth > MAX_STEPS) return undefined;
  const props = (container as ObjectLiteralExpression).getProperties();
  for (let i = props.length - 1; i >= 0; i--) {
    const p = props[i];
    if (Node.isPropertyAssignment(p)) {
      if (propertyName(p.getNameNode()) === key) return p.getInitializer() ?? p;
    } else if (Node.isShorthandPropertyAssignment(p)) {
      if (p.getName() === key) return p;
    } else if (Node.isSpreadAssignment(p)) {
      const found = objectProperty(resolveValue(p.getExpression(), checker), key, checker, depth + 1);
      if (found !== undefined) return found;
    } else if (propertyName(p.getNameNode()) === key) {
      return p; // a method or accessor
    }
  }
  return undefined;
}

/** Elements of an array literal with resolvable spreads expanded; undefined when a spread is opaque. */
function arrayElements(container: Node, checker: TypeChecker, depth = 0): Node[] | undefined {
  if (!Node.isArrayLiteralExpression(container) || depth > MAX_STEPS) return undefined;
  const out: Node[] = [];
  for (const e of container.getElements()) {
    if (Node.isSpreadElement(e)) {
      const inner = arrayElements(resolveValue(e.getExpression(), checker), checker, depth + 1);
      if (inner === undefined) return out.length > 0 ? out : undefined;
      out.push(...inner);
    } else {
      out.push(e);
    }
  }
  return out;
}

function arrayElement(container: Node, index: number, checker: TypeChecker): Node | undefined {
  return arrayElements(container, checker)?.[index];
}
