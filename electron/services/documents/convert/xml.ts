/**
 * XML of ODT, EPUB and DOCX metadata, parsed by jsdom's XML parser (saxes). It loads no external
 * DTD or entity (an undefined entity is an error), and an entity declared inside the document is
 * replaced by its literal text, never expanded again (no « billion laughs »: xml.test.ts).
 */
import { JSDOM } from 'jsdom'
import { ImportRefusal } from './converted'

export function parseXml(xml: string, what: string): Document {
  try {
    return new JSDOM(xml, { contentType: 'application/xml' }).window.document
  } catch (e) {
    throw new ImportRefusal('corrupt', `The ${what} is not well-formed XML (${(e as Error).message.split('\n')[0]}).`)
  }
}

/** Elements with this local name in any namespace (prefixes differ between producers). */
export function byLocalName(root: Document | Element, localName: string): Element[] {
  return [...root.getElementsByTagNameNS('*', localName)]
}

export function firstText(root: Document | Element, localName: string): string | null {
  return byLocalName(root, localName)[0]?.textContent ?? null
}
