/**
 * The snapshot file, `annotations.json`: plain JSON a person can read, one annotation per line.
 *
 *   {"schemaVersion":2,"generation":3,"checksum":"sha256:…","colorLabels":{…},"annotations":[
 *   {"id":"…","type":"Annotation",…},
 *   …
 *   ]}
 *
 * The checksum covers everything after the first line. When it matches, the file is exactly what a
 * validated write produced, so loading neither re-validates nor even parses the annotations: they are
 * indexed by id and document and parsed on first use (annotation-index.ts). A file edited by hand
 * has a stale checksum and is parsed and validated in full, like a file from an older version
 * (migrated first).
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AnnotationStoreFileSchema, ColorLabelsSchema, DEFAULT_COLOR_LABELS, SCHEMA_VERSION } from '../../shared/annotations/model'
import type { Annotation, ColorLabels } from '../../shared/annotations/model'
import { describeIssues } from '../../shared/api/bind'
import { migrateFile } from './migrations'
import type { StoreOp } from './journal'
import { AnnotationIndex } from './annotation-index'

/** What the store holds: the annotations by id, the colour labels, and the compaction generation. */
export interface StoreState {
  generation: number
  colorLabels: ColorLabels
  readonly annotations: AnnotationIndex
}

export interface SnapshotContent {
  /**
   * Names exactly these annotations: the checksum of a snapshot we wrote (it covers every annotation
   * line), else the sha256 of the whole file. Part of the store's revision (annotation-store.ts).
   */
  readonly revision: string
  readonly generation: number
  readonly colorLabels: ColorLabels
  readonly annotations: AnnotationIndex
}

export type SnapshotParse =
  | { readonly status: 'ok'; readonly content: SnapshotContent; readonly migratedFrom: number | null }
  | { readonly status: 'newer'; readonly version: number }
  | { readonly status: 'corrupt'; readonly reason: string }

const sha256 = (data: string | Uint8Array): string => `sha256:${createHash('sha256').update(data).digest('hex')}`

/** A snapshot's text and its checksum (the `revision` a load of that text finds). */
export function renderSnapshot(generation: number, colorLabels: ColorLabels, annotations: AnnotationIndex | Iterable<Annotation>): { text: string; checksum: string } {
  const lines: string[] = []
  if (annotations instanceof AnnotationIndex) for (const json of annotations.json()) lines.push(json)
  else for (const a of annotations) lines.push(JSON.stringify(a))
  const body = `${lines.join(',\n')}${lines.length ? '\n' : ''}]}\n`
  const checksum = sha256(body)
  const head = `{"schemaVersion":${SCHEMA_VERSION},"generation":${generation},"checksum":"${checksum}","colorLabels":${JSON.stringify(colorLabels)},"annotations":[`
  return { text: `${head}\n${body}`, checksum }
}

export function serializeSnapshot(generation: number, colorLabels: ColorLabels, annotations: AnnotationIndex | Iterable<Annotation>): string {
  return renderSnapshot(generation, colorLabels, annotations).text
}

const TrustedHead = z
  .object({ schemaVersion: z.literal(SCHEMA_VERSION), generation: z.number().int().min(0), checksum: z.string(), colorLabels: ColorLabelsSchema, annotations: z.array(z.never()) })
  .strict()

/**
 * A snapshot we wrote ourselves (its first line parses and the checksum of the rest matches) is only
 * indexed, not parsed (annotation-index.ts): loading 10,000 annotations costs byte searches.
 */
function trusted(buf: Buffer): SnapshotContent | null {
  const nl = buf.indexOf(0x0a)
  if (nl < 0) return null
  let head: unknown = null
  try {
    head = JSON.parse(`${buf.toString('utf8', 0, nl)}]}`)
  } catch {
    return null
  }
  const h = TrustedHead.safeParse(head)
  if (!h.success || h.data.checksum !== sha256(buf.subarray(nl + 1))) return null
  const annotations = AnnotationIndex.fromTrustedLines(buf.subarray(nl + 1))
  return annotations ? { revision: h.data.checksum, generation: h.data.generation, colorLabels: h.data.colorLabels, annotations } : null
}

export function parseSnapshot(bytes: Uint8Array): SnapshotParse {
  if (bytes.length === 0) return { status: 'corrupt', reason: 'empty file' }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const fast = trusted(buf)
  if (fast) return { status: 'ok', content: fast, migratedFrom: null }
  let raw: unknown
  try {
    raw = JSON.parse(buf.toString('utf8'))
  } catch (e) {
    return { status: 'corrupt', reason: `not JSON (${(e as Error).message})` }
  }
  const migrated = migrateFile(raw)
  if (migrated.status === 'newer') return migrated
  if (migrated.status === 'invalid') return { status: 'corrupt', reason: `not an annotation store (${migrated.reason})` }
  const parsed = AnnotationStoreFileSchema.safeParse(migrated.raw)
  if (!parsed.success) return { status: 'corrupt', reason: `invalid content (${describeIssues(parsed.error)})` }
  const { generation, colorLabels, annotations } = parsed.data
  return { status: 'ok', content: { revision: sha256(buf), generation, colorLabels, annotations: AnnotationIndex.of(annotations) }, migratedFrom: migrated.status === 'migrated' ? migrated.from : null }
}

export function stateFrom(content: SnapshotContent): StoreState {
  return { generation: content.generation, colorLabels: { ...content.colorLabels }, annotations: content.annotations }
}

export const emptyState = (): StoreState => ({ generation: 0, colorLabels: { ...DEFAULT_COLOR_LABELS }, annotations: new AnnotationIndex() })

/** Applies journal operations in order, collecting the ids they touch. */
export function applyOps(state: StoreState, ops: readonly StoreOp[], changed: Set<string>): void {
  for (const op of ops) {
    if (op.op === 'put') {
      state.annotations.set(op.annotation)
      changed.add(op.annotation.id)
    } else if (op.op === 'delete') {
      state.annotations.delete(op.id)
      changed.add(op.id)
    } else state.colorLabels = { ...op.colorLabels }
  }
}
