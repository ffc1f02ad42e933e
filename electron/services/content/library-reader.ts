/**
 * What readers of the library need (the reader, presentation, export, annotations, notes search):
 * the documents in library order and one rendered document. The content pack's library
 * (content-library.ts) is one; the pack plus the reader's imported documents
 * (documents/reader-library.ts) is the one the app and the CLI hand out.
 */
import type { DocumentSummary, RenderedDocument } from '../../shared/content/document'

export interface LibraryReader {
  list(): readonly DocumentSummary[]
  /** Throws AppFailure('not-found') for an unknown id. */
  get(id: string): RenderedDocument
}
