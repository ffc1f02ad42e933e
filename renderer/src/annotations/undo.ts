/**
 * Undo/redo of annotation changes, for as long as the app is open. Each entry knows how to undo and
 * redo itself through the service: create ↔ delete/restore, edit/recolour ↔ restore of the previous
 * record, delete ↔ restore/delete. Records are restored exactly (same id), so undo then redo gives
 * back the same annotation.
 */
import type { Annotation } from '../../../electron/shared/annotations/model'
import { api, unwrap } from '../lib/api'

export interface UndoEntry {
  readonly undo: () => Promise<unknown>
  readonly redo: () => Promise<unknown>
}

const done: UndoEntry[] = []
const undone: UndoEntry[] = []
const LIMIT = 200

export function record(entry: UndoEntry): void {
  done.push(entry)
  if (done.length > LIMIT) done.shift()
  undone.length = 0
}

export async function undo(): Promise<boolean> {
  const e = done.pop()
  if (!e) return false
  await e.undo()
  undone.push(e)
  return true
}

export async function redo(): Promise<boolean> {
  const e = undone.pop()
  if (!e) return false
  await e.redo()
  done.push(e)
  return true
}

/** Creates an annotation (undoable). */
export async function createAnnotation(input: Parameters<typeof api.annotations.create>[0]): Promise<Annotation> {
  const view = await unwrap(api.annotations.create(input))
  const created = view.annotation
  record({ undo: () => unwrap(api.annotations.delete({ id: created.id })), redo: () => unwrap(api.annotations.restore({ annotation: created })) })
  return created
}

/** Changes note, tags and/or colour (undoable: the previous record is restored). */
export async function updateAnnotation(before: Annotation, change: { note?: string; tags?: string[]; color?: Annotation['body']['color'] }): Promise<Annotation> {
  const after = (await unwrap(api.annotations.update({ id: before.id, ...change }))).annotation
  record({ undo: () => unwrap(api.annotations.restore({ annotation: before })), redo: () => unwrap(api.annotations.restore({ annotation: after })) })
  return after
}

/** Deletes (undoable: the returned record is restored). */
export async function deleteAnnotation(id: string): Promise<Annotation> {
  const gone = await unwrap(api.annotations.delete({ id }))
  record({ undo: () => unwrap(api.annotations.restore({ annotation: gone })), redo: () => unwrap(api.annotations.delete({ id })) })
  return gone
}
