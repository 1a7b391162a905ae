// Prepared statements, made once per SQL text and reused: a 500-call job runs thousands of them.
import type { Statement } from 'better-sqlite3';
import type { JobDatabase } from './database';

export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: JobDatabase) {}

  get(sql: string): Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}
