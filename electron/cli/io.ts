/** Where the CLI writes (injected so tests capture output). */
export interface CliIo {
  readonly out: { write(s: string): unknown }
  readonly err: { write(s: string): unknown }
}
