/**
 * A static audit of the app's TypeScript (electron/ and renderer/src; tests and test helpers in
 * `testing/` folders excluded: they are not shipped, and hold hostile inputs on purpose), parsed with
 * the TypeScript compiler so comments and look-alike strings cannot fool it. It records the facts
 * the Electron checklist and the privacy promise depend on: how windows are created, which
 * dangerous APIs are called where, which HTML sinks exist, what reaches the network.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import ts from 'typescript'

export interface Site {
  readonly file: string
  readonly line: number
  readonly text: string
}

export interface WindowSite extends Site {
  /** webPreferences as literal values (`true`, `false`, a string), or null when not a literal. */
  readonly preferences: Readonly<Record<string, boolean | string | null>> | null
}

export interface AuditFacts {
  readonly files: number
  readonly windows: readonly WindowSite[]
  /** Every call, by callee text (`shell.openExternal`, `ipcMain.handle`…). */
  readonly calls: readonly Site[]
  /** Assignments to innerHTML / outerHTML, and dangerouslySetInnerHTML. */
  readonly htmlSinks: readonly Site[]
  /** String literals that mention file: URLs or <webview>. */
  readonly suspiciousStrings: readonly Site[]
  /** Module specifiers imported (`node:https`, `electron`…), with the names taken from `electron`. */
  readonly imports: readonly (Site & { readonly module: string; readonly names: readonly string[] })[]
}

export function sourceFiles(root: string, dirs: readonly string[]): string[] {
  return dirs.flatMap((d) =>
    (readdirSync(join(root, d), { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f) && !/\.(test|spec)\.tsx?$/.test(f) && !f.endsWith('.d.ts') && !f.split(sep).includes('testing'))
      .map((f) => join(root, d, f)),
  )
}

function literal(node: ts.Expression): boolean | string | null {
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false
  if (ts.isStringLiteralLike(node)) return node.text
  return null
}

/**
 * Functions that return a single object literal (e.g. `secureWebPreferences()` in
 * electron/main/window.ts): a window may take its preferences from such a call, and the audit reads
 * the literal the function returns, so the values stay reviewable in one place.
 */
function literalReturningFunctions(sources: readonly ts.SourceFile[]): Map<string, ts.ObjectLiteralExpression> {
  const out = new Map<string, ts.ObjectLiteralExpression>()
  for (const source of sources) {
    source.forEachChild((node) => {
      if (!ts.isFunctionDeclaration(node) || !node.name || !node.body) return
      const statements = node.body.statements
      const last = statements[statements.length - 1]
      if (statements.length === 1 && last && ts.isReturnStatement(last) && last.expression && ts.isObjectLiteralExpression(last.expression)) {
        out.set(node.name.text, last.expression)
      }
    })
  }
  return out
}

function preferencesOf(arg: ts.Expression | undefined, helpers: ReadonlyMap<string, ts.ObjectLiteralExpression>): Record<string, boolean | string | null> | null {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return null
  const prop = arg.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === 'webPreferences')
  if (!prop) return null
  let init: ts.Expression = prop.initializer
  if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.arguments.length === 0) {
    const literal = helpers.get(init.expression.text)
    if (literal) init = literal
  }
  if (!ts.isObjectLiteralExpression(init)) return null
  const out: Record<string, boolean | string | null> = {}
  for (const p of init.properties) {
    if (ts.isSpreadAssignment(p)) return null // a spread hides values from review
    if (ts.isPropertyAssignment(p)) out[p.name.getText()] = literal(p.initializer)
  }
  return out
}

export function audit(root: string, dirs: readonly string[]): AuditFacts {
  const files = sourceFiles(root, dirs)
  const windows: WindowSite[] = []
  const calls: Site[] = []
  const htmlSinks: Site[] = []
  const suspiciousStrings: Site[] = []
  const imports: (Site & { module: string; names: string[] })[] = []
  const sources = files.map((path) =>
    ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS),
  )
  const helpers = literalReturningFunctions(sources)
  for (const source of sources) {
    const path = source.fileName
    const file = relative(root, path).split(sep).join('/')
    const site = (node: ts.Node, text = node.getText(source)): Site => ({ file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: text.slice(0, 160) })
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.expression.getText(source).endsWith('BrowserWindow')) {
        windows.push({ ...site(node), preferences: preferencesOf(node.arguments?.[0], helpers) })
      }
      if (ts.isCallExpression(node)) calls.push(site(node, node.expression.getText(source)))
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(innerHTML|outerHTML)$/.test(node.left.getText(source))) {
        htmlSinks.push(site(node))
      }
      if (ts.isJsxAttribute(node) && node.name.getText(source) === 'dangerouslySetInnerHTML') htmlSinks.push(site(node))
      if (ts.isStringLiteralLike(node) && /file:\/\/|<webview/i.test(node.text)) suspiciousStrings.push(site(node))
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const bindings = node.importClause?.namedBindings
        const names = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).getText(source)) : []
        imports.push({ ...site(node), module: node.moduleSpecifier.text, names })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return { files: files.length, windows, calls, htmlSinks, suspiciousStrings, imports }
}
