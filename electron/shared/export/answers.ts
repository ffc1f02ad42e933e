/**
 * The workshops' answers in a notes export (option `answers`, issue #18): what the « Cahier de
 * l’atelier » keeps (shared/room/answers.ts: visible answers, a merged group as one), written the
 * way the exporters write notes — in Markdown a `> ` block of the participant's words (escaped:
 * they are plain text and create no structure) and a meta line ending with a link back to the
 * section the session presented (deep-link.ts); in CSV one row each, under the notes' columns
 * plus four (type, question, pseudonym, support); in JSON a `workshopAnswers` list beside the W3C
 * collection's items. They are not annotations: the Markdown's re-import data and the W3C items
 * never carry them, so importing an export back restores the notes alone.
 */
import type { WorkshopAnswer } from '../room/answers'
import type { Json } from '../annotations/w3c/write'
import { documentLink, sectionLink } from '../links/deep-link'
import { escapeInline, plainParagraphs } from './escape'
import type { ExportLanguage, ExportScope } from './types'

const words = {
  fr: {
    heading: 'Réponses d’atelier',
    answer: 'Réponse d’atelier',
    openSection: 'Ouvrir la section dans Passerelles',
    support: (n: number) => `${n} soutien${n > 1 ? 's' : ''}`,
    merged: 'Réponses fusionnées',
    type: { note: 'note', answer: 'réponse d’atelier' },
    csvHeaders: ['type', 'question', 'pseudonyme', 'soutiens'],
  },
  en: {
    heading: 'Workshop answers',
    answer: 'Workshop answer',
    openSection: 'Open the section in Passerelles',
    support: (n: number) => `${n} supporter${n === 1 ? '' : 's'}`,
    merged: 'Merged answers',
    type: { note: 'note', answer: 'workshop answer' },
    csvHeaders: ['type', 'question', 'pseudonym', 'support'],
  },
} as const

export const answerStrings = (l: ExportLanguage) => words[l]

/**
 * The answers an export covers: those of the scope's document, all of them, or — for the
 * « current filter » — those of the filter's documents and days (the answer's day); a filter on
 * colours or tags keeps none (answers have neither), and its words must all be in the answer,
 * its merged answers or its question (case and accents ignored).
 */
export function answersInScope(answers: readonly WorkshopAnswer[], scope: ExportScope, fold: (s: string) => string): WorkshopAnswer[] {
  if (scope.kind === 'all') return [...answers]
  if (scope.kind === 'document') return answers.filter((a) => a.section.docId === scope.documentId)
  const f = scope.filter
  if ((f.colors?.length ?? 0) > 0 || (f.tags?.length ?? 0) > 0) return []
  const wanted = (f.text ?? '').split(/\s+/).filter(Boolean).map(fold)
  return answers.filter((a) => {
    const day = a.at.slice(0, 10)
    if (f.documents && f.documents.length > 0 && !f.documents.includes(a.section.docId)) return false
    if ((f.from && day < f.from) || (f.to && day > f.to)) return false
    const hay = fold([a.text, ...a.merged.map((m) => m.text), a.question].join('\n'))
    return wanted.every((w) => hay.includes(w))
  })
}

/** Where an answer links back to: its session's section, or its document when the whole document was presented. */
export function answerLink(a: WorkshopAnswer): string | null {
  return a.section.sectionId === null ? documentLink(a.section.docId) : sectionLink(a.section.docId, a.section.sectionId)
}

/** The answers' part of a Markdown export: sessions' sections, questions, then each answer like a note. */
export function answersMarkdown(answers: readonly WorkshopAnswer[], language: ExportLanguage, links: boolean): string {
  if (answers.length === 0) return ''
  const w = answerStrings(language)
  const out: string[] = [`# ${escapeInline(w.heading, false)}`, '']
  let session = ''
  let question = ''
  for (const a of answers) {
    if (a.sessionId !== session) {
      session = a.sessionId
      question = ''
      const where = a.section.sectionTitle && a.section.sectionTitle !== a.section.docTitle ? `${a.section.docTitle} — ${a.section.sectionTitle}` : a.section.docTitle
      out.push(`## ${escapeInline(`${where} (${[a.openedAt.slice(0, 10), a.place].filter(Boolean).join(', ')})`, false)}`, '')
      const link = links ? answerLink(a) : null
      if (link) out.push(`[${escapeInline(w.openSection, false)}](${link})`, '')
    }
    if (a.question !== question) {
      question = a.question
      out.push(`### ${escapeInline(a.question, false)}`, '')
    }
    const lines = plainParagraphs(a.text)
    out.push(lines.map((l) => (l === '' ? '>' : `> ${l}`)).join('\n'), '')
    if (a.merged.length > 0) {
      out.push(`> *${escapeInline(w.merged, false)}*`, '>')
      out.push(a.merged.map((m) => `> - ${escapeInline(m.text.split('\n').join(' / '), false)}${m.pseudonym ? ` — ${escapeInline(m.pseudonym, false)}` : ''}`).join('\n'), '')
    }
    const meta = [
      `**${escapeInline(w.answer, false)}**`,
      ...(a.pseudonym ? [escapeInline(a.pseudonym, false)] : []),
      w.support(a.support),
      ...(a.group ? [escapeInline(a.group, false)] : []),
      a.at.slice(0, 10),
    ]
    const link = links ? answerLink(a) : null
    if (link) meta.push(`[${escapeInline(w.openSection, false)}](${link})`)
    out.push(meta.join(' · '), '')
  }
  return out.join('\n')
}

/** The answers' CSV cells, in the notes' columns then the four of answers (see csv.ts). */
export function answerCells(a: WorkshopAnswer, language: ExportLanguage, guard: (s: string) => string): string[] {
  const w = answerStrings(language)
  return [
    `${a.sessionId}/${a.answerId}`,
    a.section.docId,
    guard(a.section.docTitle),
    guard(a.section.sectionTitle),
    '',
    guard([a.text, ...a.merged.map((m) => m.text)].join('\n')),
    a.group === null ? '' : guard(a.group),
    '',
    '',
    '',
    a.at,
    a.at,
    '',
    '',
    answerLink(a) ?? '',
    w.type.answer,
    guard(a.question),
    guard([a.pseudonym, ...a.merged.map((m) => m.pseudonym)].filter(Boolean).join(', ')),
    String(a.support),
  ]
}

/** The answers as plain JSON, beside the W3C items (`workshopAnswers`): what the cahier keeps, and the link back. */
export function answersJson(answers: readonly WorkshopAnswer[]): Json[] {
  return answers.map((a) => ({
    session: a.sessionId, id: a.answerId, document: a.section.docId, section: a.section.sectionId, sectionTitle: a.section.sectionTitle,
    openedAt: a.openedAt, place: a.place, question: a.question, text: a.text, pseudonym: a.pseudonym, created: a.at,
    group: a.group, support: a.support, merged: a.merged.map((m) => ({ text: m.text, pseudonym: m.pseudonym })), link: answerLink(a),
  }))
}
