// The part of Node's built-in SQLite module (Node 22.5+) the seeding uses: the pinned
// @types/node (20) does not describe it yet.
declare module 'node:sqlite' {
  export class DatabaseSync {
    constructor(path: string);
    prepare(sql: string): { run(...params: unknown[]): unknown };
    exec(sql: string): void;
    close(): void;
  }
}
