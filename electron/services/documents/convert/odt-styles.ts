/**
 * What an ODT's styles mean for a reading copy. Bold and italic are not in the text: a `text:span`
 * names a text style, automatic (content.xml: LibreOffice's T1, T2… and pandoc's) or named
 * (styles.xml: « Strong Emphasis », « Emphasis »), whose `style:text-properties` carry
 * fo:font-weight / fo:font-style, possibly inherited through style:parent-style-name. Likewise a
 * paragraph is the document's title when its style is, or derives from, « Title » (pandoc also
 * writes « Author » and « Date » paragraphs), and a list is
 * numbered when its list style's first level is a number.
 */
import { byLocalName } from './xml'

const STYLE_NS = 'urn:oasis:names:tc:opendocument:xmlns:style:1.0'
const FO_NS = 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'

export interface Emphasis {
  readonly bold: boolean
  readonly italic: boolean
}

export interface OdtStyles {
  /** Bold and italic of a text style (both false for an unknown name). */
  emphasis(name: string | null): Emphasis
  /** Whether a paragraph style is the named style `named` (« Title », « Author », « Date ») or derives from it. */
  derivesFrom(name: string | null, named: string): boolean
  /** Whether a list style numbers its first level. */
  isNumbered(name: string | null): boolean
}

/** Reads the styles of content.xml and styles.xml (either may be missing). */
export function readOdtStyles(...docs: readonly (Document | null)[]): OdtStyles {
  const styles = new Map<string, Element>()
  const numbered = new Set<string>()
  for (const doc of docs) {
    if (!doc) continue
    for (const s of byLocalName(doc, 'style')) {
      const name = s.getAttributeNS(STYLE_NS, 'name')
      if (name && s.namespaceURI === STYLE_NS) styles.set(`${s.getAttributeNS(STYLE_NS, 'family') ?? ''}:${name}`, s)
    }
    for (const l of byLocalName(doc, 'list-style')) {
      const first = [...l.children].find((c) => c.localName.startsWith('list-level-style-'))
      const name = l.getAttributeNS(STYLE_NS, 'name')
      if (name && first?.localName === 'list-level-style-number') numbered.add(name)
    }
  }
  /** The style and its ancestors, nearest first (a cycle or a long chain is cut at 10). */
  const chain = (family: string, name: string | null): Element[] => {
    const out: Element[] = []
    for (let n = name; n && out.length < 10; ) {
      const s = styles.get(`${family}:${n}`)
      if (!s || out.includes(s)) break
      out.push(s)
      n = s.getAttributeNS(STYLE_NS, 'parent-style-name')
    }
    return out
  }
  const property = (family: string, name: string | null, attr: string): string | null => {
    for (const s of chain(family, name)) {
      const props = [...s.children].find((c) => c.localName === 'text-properties')
      const v = props?.getAttributeNS(FO_NS, attr)
      if (v) return v
    }
    return null
  }
  return {
    emphasis(name) {
      const weight = property('text', name, 'font-weight') ?? 'normal'
      const style = property('text', name, 'font-style') ?? 'normal'
      return { bold: weight === 'bold' || Number(weight) >= 600, italic: style === 'italic' || style === 'oblique' }
    },
    derivesFrom(name, named) {
      return name === named || chain('paragraph', name).some((s) => s.getAttributeNS(STYLE_NS, 'name') === named)
    },
    isNumbered(name) {
      return name !== null && numbered.has(name)
    },
  }
}
