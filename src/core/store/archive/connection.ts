// Connections to an archive: one pool per archive URL, every statement bounded by a timeout, readers
// in read-only transactions. The URL may name a user; a password comes from the environment
// (PGPASSWORD, or GROUNDED_ARCHIVE_PASSWORD), never from settings.
import type { Pool, PoolConfig } from "pg";

export interface ConnectOptions {
  /** Loading writes; everything else reads, in read-only sessions. */
  write?: boolean;
  /** Milliseconds any one statement may take (default 30 s reading, 10 min loading). */
  statementTimeoutMs?: number;
  /** Connections in the pool (default 8). */
  max?: number;
  password?: string;
}

/** The archive URL with any password left out, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(not a valid postgres:// URL)";
  }
}

export function checkArchiveUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `not a valid archive URL: ${redactUrl(url)} (expected postgres://user@host:port/database)`;
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") return `an archive URL starts with postgres:// (got ${parsed.protocol})`;
  return undefined;
}

export function openPool(url: string, options: ConnectOptions = {}): Pool {
  const timeout = options.statementTimeoutMs ?? (options.write ? 600_000 : 30_000);
  const password = options.password ?? process.env["GROUNDED_ARCHIVE_PASSWORD"];
  const config: PoolConfig = {
    connectionString: url,
    max: options.max ?? 8,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 10_000,
    statement_timeout: timeout,
    application_name: options.write ? "grounded archive load" : "grounded",
    ...(password ? { password } : {}),
    // Readers never write, whatever role they log in with. No JIT: compiling a retrieval query took
    // PostgreSQL longer than running it (1.6 of 2.1 s, measured with EXPLAIN ANALYZE).
    options: options.write ? "-c jit=off -c default_toast_compression=lz4" : "-c default_transaction_read_only=on -c jit=off",
  };
  // Loaded here, not on import: every CLI run imports this module, few open an archive (pg takes ~50 ms to load).
  const { Pool: PgPool } = require("pg") as typeof import("pg");
  const pool: Pool = new PgPool(config);
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return pool;
}
