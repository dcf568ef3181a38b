// The part of Node's built-in SQLite module (Node 22.5+) the seeding and the message reader
// use: the pinned @types/node (20) does not describe it yet.
declare module 'node:sqlite' {
  export class DatabaseSync {
    constructor(path: string, options?: { readOnly?: boolean });
    prepare(sql: string): {
      run(...params: unknown[]): unknown;
      get(...params: unknown[]): unknown;
    };
    exec(sql: string): void;
    close(): void;
  }
}
