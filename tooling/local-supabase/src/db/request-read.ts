// A request's single read in one extended-protocol batch: the set-up (role, claims, the role's
// settings, read-only) and the read as two prepared statements followed by one Sync. Statements
// sent before a Sync run in one implicit transaction, so the set-up's transaction-local settings
// hold for the read and end with it, as inside begin … commit, without those two statements and
// their round-trip bookkeeping on either side. An error skips the rest of the batch.
import pg, { type Connection, type Pool } from 'pg';
import { createRequire } from 'node:module';
import { setupStatement, type RequestScope } from './request-transaction.ts';

/**
 * pg's value mapping, which its own queries use to bind parameters (arrays as PostgreSQL array
 * literals, dates, JSON, Buffers); not in @types/pg, so typed here where it is used.
 */
const pgUtils = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(value: unknown): unknown;
};
const prepareValue = (value: unknown): unknown => pgUtils.prepareValue(value);

/** A named statement and its bound values. */
export interface NamedStatement {
  name: string;
  text: string;
  values: readonly unknown[];
}

/** A result row as PostgreSQL sent it: text columns in select-list order, null for NULL. */
export type TextRow = readonly (string | null)[];

/** The parts of pg's connection a batch drives (pg's own Query uses the same ones). */
interface WireConnection {
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements: Record<string, string | undefined>;
  parse(query: { name: string; text: string }): void;
  bind(config: {
    statement: string;
    values: readonly unknown[];
    valueMapper: (value: unknown) => unknown;
  }): void;
  execute(config: { portal: string; rows: number }): void;
  sync(): void;
  stream: { cork(): void; uncork(): void };
}

function isWireConnection(connection: unknown): connection is WireConnection {
  return (
    typeof connection === 'object' &&
    connection !== null &&
    'parsedStatements' in connection &&
    'submittedNamedStatements' in connection
  );
}

/**
 * The batch as pg's client sees it: one query. It is a `pg.Query` because pg refuses other
 * query objects on pipelining connections (they may keep a portal open; this one does not).
 * pg records a statement as prepared when its ParseComplete arrives, reading the active query's
 * `name` and `text`: those follow the statement being executed.
 */
class ReadBatch extends pg.Query {
  private phase = 0;
  private readonly sentParse: boolean[] = [false, false];
  private readonly received: TextRow[] = [];
  private failure: Error | null = null;
  readonly done: Promise<TextRow[]>;
  private settle!: (error: Error | null, rows: TextRow[]) => void;

  constructor(private readonly statements: readonly [NamedStatement, NamedStatement]) {
    // A text, not a config object: pg copies config objects property by property.
    super('');
    this.done = new Promise((resolve, reject) => {
      this.settle = (error, rows) => (error ? reject(error) : resolve(rows));
    });
    this.submit = (connection) => this.send(connection);
  }

  /** The statement being executed (set-up, then read), for pg's ParseComplete bookkeeping. */
  get name(): string | undefined {
    return this.statements[this.phase]?.name;
  }

  set name(_ignored: string | undefined) {
    // pg.Query's constructor assigns it; the batch's statements decide.
  }

  get text(): string | undefined {
    return this.statements[this.phase]?.text;
  }

  set text(_ignored: string | undefined) {
    // As `name`.
  }

  private send(connection: Connection): void {
    if (!isWireConnection(connection)) throw new Error('unsupported pg connection');
    connection.stream.cork();
    try {
      for (let index = 0; index < this.statements.length; index += 1) {
        const statement = this.statements[index];
        if (statement === undefined) continue;
        const known =
          connection.parsedStatements[statement.name] ??
          connection.submittedNamedStatements[statement.name];
        if (known !== undefined && known !== statement.text) {
          throw new Error(`statement ${statement.name} was prepared with another text`);
        }
        if (known === undefined) {
          connection.parse({ name: statement.name, text: statement.text });
          connection.submittedNamedStatements[statement.name] = statement.text;
          this.sentParse[index] = true;
        }
        connection.bind({
          statement: statement.name,
          values: statement.values,
          valueMapper: prepareValue,
        });
        connection.execute({ portal: '', rows: 0 });
      }
    } catch (error) {
      // Values that cannot be bound, say. What was sent still runs up to the Sync, which keeps
      // the connection in step; the batch then fails with this error.
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    } finally {
      connection.sync();
      connection.stream.uncork();
    }
  }

  handleRowDescription(): void {}

  handleDataRow(message: { fields: (string | null)[] }): void {
    if (this.phase === 1) this.received.push(message.fields);
  }

  handleCommandComplete(): void {
    this.phase += 1;
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleCopyInResponse(): void {
    this.failure ??= new Error('unexpected COPY in a request read');
  }

  handleError(error: Error, connection: unknown): void {
    // PostgreSQL skips the statements after an error: a Parse sent for them never happened.
    if (isWireConnection(connection)) {
      this.statements.forEach((statement, index) => {
        if (index > this.phase && this.sentParse[index]) {
          delete connection.submittedNamedStatements[statement.name];
        }
      });
    }
    this.failure ??= error;
    // pg reports an error then forgets the query; the batch ends here.
    this.settle(this.failure, []);
  }

  handleReadyForQuery(): void {
    this.settle(this.failure, this.received);
  }
}

/**
 * Runs `read` (one statement, sent prepared) as the request's role with its claims and
 * settings, read-only, in one round trip; returns its rows.
 */
export async function readInRequest(
  pool: Pool,
  scope: RequestScope,
  read: NamedStatement,
): Promise<TextRow[]> {
  const setup = setupStatement({
    ...scope,
    roleSettings: [...(scope.roleSettings ?? []), ['transaction_read_only', 'on']],
  });
  const client = await pool.connect();
  try {
    const batch = new ReadBatch([setup, read]);
    client.query(batch);
    return await batch.done;
  } finally {
    client.release();
  }
}
