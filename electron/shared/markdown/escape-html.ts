/** Escapes the five HTML-significant characters (text and attribute values alike). Dependency-free. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
