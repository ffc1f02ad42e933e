/**
 * What the open document offers to modules built around the reader (annotations, search hits,
 * presentation): the rendered document and its body element. The body is a plain container whose
 * `textContent` is `doc.text`; use lib/text-offsets.ts to go between offsets and DOM ranges, and
 * wrap text only (never add or remove characters).
 */
import { createContext, useContext } from 'react'
import type { RenderedDocument } from '../../../electron/shared/content/document'

export interface ReaderHandle {
  readonly doc: RenderedDocument
  /** The body element once its HTML is in place (null before). */
  readonly body: HTMLElement | null
}

export const ReaderContext = createContext<ReaderHandle | null>(null)

/** The open document, or null outside the document screen. */
export function useReader(): ReaderHandle | null {
  return useContext(ReaderContext)
}
