/**
 * The store's annotations by id, parsed lazily. A snapshot whose checksum matches is exactly what a
 * validated write produced, one annotation per line, so at start-up it is only indexed: each line's
 * id and document are found with byte searches (inside a JSON string every `"` is escaped, so
 * `"id":"` and `"document":"` can only be the top-level keys), and the line is parsed the first time
 * the annotation is used. Opening a document parses its annotations only; a compaction copies the
 * untouched lines as they are. Same interface as a Map, plus per-document access.
 */
import type { Annotation } from '../../shared/annotations/model'

interface Entry {
  annotation: Annotation | null
  /** The JSON text of the annotation, while not yet parsed. */
  bytes: Buffer | null
  readonly document: string
}

const ID = Buffer.from('"id":"')
const DOCUMENT = Buffer.from('"document":"')
const QUOTE = 0x22

export class AnnotationIndex implements Iterable<[string, Annotation]> {
  private readonly entries = new Map<string, Entry>()

  static of(annotations: Iterable<Annotation>): AnnotationIndex {
    const index = new AnnotationIndex()
    for (const a of annotations) index.set(a)
    return index
  }

  /**
   * Indexes the annotation lines of a trusted snapshot body (`{…},\n{…}\n]}\n`); null if a line does
   * not have the expected shape (the caller then parses the file in full).
   */
  static fromTrustedLines(body: Buffer): AnnotationIndex | null {
    const index = new AnnotationIndex()
    for (let pos = 0; pos < body.length; ) {
      let nl = body.indexOf(0x0a, pos)
      if (nl < 0) nl = body.length
      let end = nl
      if (body[end - 1] === 0x2c) end-- // the comma between annotations
      if (body[pos] === 0x7b) {
        const i = body.indexOf(ID, pos)
        const d = body.indexOf(DOCUMENT, pos)
        const dEnd = d < 0 ? -1 : body.indexOf(QUOTE, d + DOCUMENT.length)
        if (i < 0 || i >= end || body[i + ID.length + 36] !== QUOTE || d < 0 || dEnd < 0 || dEnd >= end) return null
        const id = body.toString('latin1', i + ID.length, i + ID.length + 36)
        index.entries.set(id, { annotation: null, bytes: body.subarray(pos, end), document: body.toString('utf8', d + DOCUMENT.length, dEnd) })
      } else if (body.toString('latin1', pos, nl).trim() !== ']}' && pos < nl) return null
      pos = nl + 1
    }
    return index
  }

  get size(): number {
    return this.entries.size
  }

  has(id: string): boolean {
    return this.entries.has(id)
  }

  get(id: string): Annotation | undefined {
    const e = this.entries.get(id)
    return e ? this.materialise(e) : undefined
  }

  set(a: Annotation): void {
    this.entries.set(a.id, { annotation: a, bytes: null, document: a.document })
  }

  delete(id: string): boolean {
    return this.entries.delete(id)
  }

  keys(): IterableIterator<string> {
    return this.entries.keys()
  }

  *values(): IterableIterator<Annotation> {
    for (const e of this.entries.values()) yield this.materialise(e)
  }

  *[Symbol.iterator](): IterableIterator<[string, Annotation]> {
    for (const [id, e] of this.entries) yield [id, this.materialise(e)]
  }

  /** The document of an annotation, without parsing it. */
  documentOf(id: string): string | undefined {
    return this.entries.get(id)?.document
  }

  /** One document's annotations (only those are parsed). */
  ofDocument(docId: string): Annotation[] {
    const out: Annotation[] = []
    for (const e of this.entries.values()) if (e.document === docId) out.push(this.materialise(e))
    return out
  }

  /** The JSON text of every annotation, for a snapshot (unparsed ones as they were read). */
  *json(): IterableIterator<string> {
    for (const e of this.entries.values()) yield e.bytes ? e.bytes.toString('utf8') : JSON.stringify(e.annotation)
  }

  private materialise(e: Entry): Annotation {
    if (!e.annotation) {
      e.annotation = JSON.parse(e.bytes!.toString('utf8')) as Annotation
      e.bytes = null
    }
    return e.annotation
  }
}
