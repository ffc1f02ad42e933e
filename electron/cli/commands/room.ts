/**
 * `room list [--json]`, `room cahier [ID] [--out FILE]`: the participation sessions kept in the data
 * dir (« Recueillir les avis », each attached to the section it was opened on) and the « Cahier de
 * l’atelier » of one (default: the open or last one), through the same handlers as the app.
 */
import type { Command, CommandContext } from '../commands'
import { formatTable } from '../table'
import { writeFileAtomic } from '../../services/platform/atomic-file'

const SYNOPSIS = 'room list [--json] | room cahier [ID] [--out FILE]'

function usageError(ctx: CommandContext, message: string): number {
  ctx.io.err.write(`passerelles room: ${message}\nUsage: passerelles ${SYNOPSIS}\n`)
  return 2
}

export const roomCommand: Command = {
  summary: 'List the workshops’ participation sessions, or write one’s « Cahier de l’atelier »',
  synopsis: SYNOPSIS,
  flags: { json: 'boolean', out: 'string' },
  async run(ctx) {
    const [sub, id, extra] = ctx.args.positionals
    if (sub === 'list' && id === undefined) {
      const r = await ctx.api.room.sessions({})
      if (!r.ok) {
        ctx.io.err.write(`${r.error.message}\n`)
        return 1
      }
      if (ctx.args.flags.json) ctx.io.out.write(`${JSON.stringify(r.value, null, 2)}\n`)
      else {
        ctx.io.out.write(formatTable(
          ['id', 'date', 'document', 'section', 'answers', 'phones', 'state'],
          r.value.map((s) => [s.id, s.openedAt.slice(0, 10), s.section.docId, s.section.sectionTitle, String(s.answers), String(s.devices), s.closed ? 'ended' : 'open']),
        ))
        ctx.io.out.write(`${r.value.length} session(s)\n`)
      }
      return 0
    }
    if (sub === 'cahier' && extra === undefined) {
      const r = await ctx.api.room.cahier(id === undefined ? {} : { id })
      if (!r.ok) {
        ctx.io.err.write(`${r.error.message}\n`)
        return r.error.code === 'invalid-payload' ? 2 : 1
      }
      const out = ctx.args.flags.out
      if (typeof out === 'string') {
        await writeFileAtomic(out, r.value.markdown)
        ctx.io.err.write(`written: ${out}\n`)
      } else ctx.io.out.write(r.value.markdown)
      return 0
    }
    return usageError(ctx, sub === undefined ? 'a subcommand is needed' : `unexpected "${[sub, id, extra].filter(Boolean).join(' ')}"`)
  },
}
