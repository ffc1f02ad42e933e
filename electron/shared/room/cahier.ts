/**
 * « Cahier de l’atelier »: what the workshop keeps, as Markdown. For each question asked, the
 * answers the facilitator did not hide, grouped by theme, with their support (the answer, its
 * « +1 », its merged answers); the date and place; the pseudonyms people chose and nothing else
 * about them (no device, no address, no time of day). Participants' words are escaped
 * (`escapeInline`): an answer can create no heading, link, list or HTML in the cahier.
 */
import { escapeInline } from '../export/escape'
import { slugify } from '../markdown/slug'
import type { RoomState } from './state'
import { cardGroups } from './views'
import type { RoomCard } from './views'

/** « 28 novembre 2026 », from an ISO date (UTC: the day the session was opened). */
export function frenchDate(iso: string): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso))
}

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`

/** One answer's text over several lines kept as one Markdown line (line breaks become « / »). */
function oneLine(text: string): string {
  return escapeInline(text.split('\n').map((l) => l.trim()).filter((l) => l !== '').join(' / '), false)
}

function by(pseudonym: string): string {
  return pseudonym === '' ? '' : ` — ${escapeInline(pseudonym, false)}`
}

function cardLines(card: RoomCard): string[] {
  const lines = [`- ${oneLine(card.text)}${by(card.pseudonym)} (${plural(card.weight, 'soutien', 'soutiens')})`]
  for (const m of card.merged) lines.push(`  - ${oneLine(m.text)}${by(m.pseudonym)}`)
  return lines
}

export function cahierMarkdown(s: RoomState): string {
  const section = s.section.sectionTitle && s.section.sectionTitle !== s.section.docTitle ? `${s.section.docTitle} — ${s.section.sectionTitle}` : s.section.docTitle
  const roots = s.answers.filter((a) => !a.hidden && a.mergedInto === null)
  const hidden = s.answers.filter((a) => a.hidden).length
  const out: string[] = [
    '# Cahier de l’atelier',
    '',
    `- Texte : ${escapeInline(section, false)}`,
    `- Date : ${frenchDate(s.openedAt)}`,
    ...(s.place === '' ? [] : [`- Lieu : ${escapeInline(s.place, false)}`]),
    `- Participation : ${plural(s.devices.length, 'appareil', 'appareils')}, ${plural(s.answers.length, 'réponse', 'réponses')}`,
  ]
  if (hidden > 0) out.push(`- ${plural(hidden, 'réponse masquée', 'réponses masquées')} par l’animation, non reprise${hidden > 1 ? 's' : ''} ici`)
  const asked = s.questions.filter((q) => s.answers.some((a) => a.questionId === q.id) || q.id === s.current)
  for (const q of asked) {
    const mine = roots.filter((a) => a.questionId === q.id)
    out.push('', `## ${escapeInline(q.text, false)}`, '')
    if (mine.length === 0) {
      out.push('Aucune réponse retenue.')
      continue
    }
    const groups = cardGroups(s, mine)
    const themed = groups.some((g) => g.name !== null)
    for (const g of groups) {
      if (themed) out.push(`### ${g.name === null ? 'Autres réponses' : escapeInline(g.name, false)} (${plural(g.weight, 'soutien', 'soutiens')})`, '')
      for (const c of g.cards) out.push(...cardLines(c))
      out.push('')
    }
    out.pop()
  }
  out.push('', '---', '', 'Réponses recueillies avec Passerelles, sans compte ni connexion à Internet. Seuls les pseudonymes choisis par les participants figurent ici.', '')
  return out.join('\n')
}

/** The cahier's file name: `cahier-de-l-atelier-2026-11-28-<section>.md`. */
export function cahierFileName(s: RoomState): string {
  const name = slugify(s.section.sectionTitle || s.section.docTitle).slice(0, 60)
  return `cahier-de-l-atelier-${s.openedAt.slice(0, 10)}${name ? `-${name}` : ''}.md`
}
