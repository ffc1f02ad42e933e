/**
 * Measures a document body in the page (its textContent and its headings' text offsets, computed
 * with DOM Ranges, independently of the app's code) and compares it with the Node rendering.
 */
import { expect } from '@playwright/test'
import type { Section } from '../../electron/shared/content/document'
import type { DocumentPage } from '../pages/document-page'

export interface MeasuredHeading {
  readonly id: string
  readonly level: number
  readonly title: string
  readonly start: number
}

/** Reads the body's text and its headings' offsets in the page. */
export async function measureBody(doc: DocumentPage): Promise<{ text: string; headings: MeasuredHeading[] }> {
  return doc.body.evaluate((body) => {
    const headings = [...body.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .filter((h) => h.id)
      .map((h) => {
        const r = document.createRange()
        r.setStart(body, 0)
        r.setEnd(h, 0)
        return { id: h.id, level: Number(h.tagName.slice(1)), title: (h.textContent ?? '').trim(), start: r.toString().length }
      })
    return { text: body.textContent ?? '', headings }
  })
}

/** Asserts the measured body against the Node rendering of the same document. */
export function expectSameTextAndSections(id: string, measured: { text: string; headings: MeasuredHeading[] }, expected: { text: string; sections: readonly Section[] }): void {
  expect(measured.text.length, `${id}: text length`).toBe(expected.text.length)
  expect(measured.text, `${id}: text`).toBe(expected.text)
  const withIds = expected.sections.filter((s) => s.id)
  expect(measured.headings.map((h) => h.id), `${id}: heading ids`).toEqual(withIds.map((s) => s.id))
  withIds.forEach((s, i) => {
    const h = measured.headings[i]!
    expect({ id: h.id, level: h.level, title: h.title, start: h.start }, `${id}#${s.id}`).toEqual({ id: s.id, level: s.level, title: s.title, start: s.start })
    expect(measured.text.slice(s.start, s.start + s.title.length)).toBe(s.title)
    expect(s.end, `${id}#${s.id}: end`).toBe(withIds[i + 1]?.start ?? expected.text.length)
  })
}

