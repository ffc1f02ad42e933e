/**
 * The renderer's hash route of a document — `#/doc/<id>[/<anchor>]` — built in one place: by the
 * Markdown renderer for links between documents, and by the renderer's router (app/route.ts, which
 * adds the query: highlighted words, an annotation). The ids are percent-encoded, so a route is
 * always one hash, whatever an id holds.
 */
export function documentRoute(docId: string, anchor: string | null): string {
  return `#/doc/${encodeURIComponent(docId)}${anchor ? `/${encodeURIComponent(anchor)}` : ''}`
}
