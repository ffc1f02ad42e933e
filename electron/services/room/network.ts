/** The computer's addresses on the room's network: IPv4, not loopback (what a phone on the same Wi-Fi or hotspot can reach). */
import { networkInterfaces } from 'node:os'

export function lanAddresses(): string[] {
  const out: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address)
  }
  // Private ranges first (192.168/16, 10/8, 172.16/12): the hotspot's and the room's Wi-Fi.
  const rank = (ip: string): number => (/^192\.168\./.test(ip) ? 0 : /^10\./.test(ip) ? 1 : /^172\.(1[6-9]|2\d|3[01])\./.test(ip) ? 2 : 3)
  return out.sort((a, b) => rank(a) - rank(b))
}
