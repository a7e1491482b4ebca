// A throwaway PostgreSQL cluster for the archive's tests and measurements: Debian's postgresql
// package (installed when missing), initdb in a temporary folder, trust authentication, a free port
// on 127.0.0.1 only; stop() stops it and removes the folder.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function binDir() {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], "bin") : undefined;
}

function ensurePostgres() {
  let bin = binDir();
  if (bin) return bin;
  process.stderr.write("throwaway-postgres: installing Debian's postgresql package …\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], { stdio: "inherit", env });
  bin = binDir();
  if (!bin) throw new Error("postgresql installed but no initdb under /usr/lib/postgresql/*/bin");
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program as the postgres user when we are root (initdb refuses root). */
function asPostgres(program, args) {
  const root = process.getuid?.() === 0;
  const command = root ? "runuser" : program;
  const argv = root ? ["-u", "postgres", "--", program, ...args] : args;
  const result = spawnSync(command, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${program} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Starts a cluster; resolves to { url, stop }. Options: { settings: ["-c", "x=y", ...] } */
export async function startCluster(options = {}) {
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), "grounded-pg-"));
  chmodSync(dir, 0o700);
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dir]);
  const data = join(dir, "data");
  let started = false;
  const stop = () => {
    if (started) spawnSync(process.getuid?.() === 0 ? "runuser" : join(bin, "pg_ctl"), [...(process.getuid?.() === 0 ? ["-u", "postgres", "--", join(bin, "pg_ctl")] : []), "-D", data, "-m", "immediate", "-w", "stop"], { stdio: "ignore" });
    started = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale", "C"]);
    const port = await freePort();
    const settings = ["-c", "listen_addresses=127.0.0.1", "-p", String(port), "-k", dir, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", ...(options.settings ?? [])];
    asPostgres(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "server.log"), "-o", settings.join(" "), "-w", "start"]);
    started = true;
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
