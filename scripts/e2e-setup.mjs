// Prepares what the end-to-end tests need: Chromium, a Node 24 runtime for code-server, and code-server
// itself, all in .cache/e2e/ (git-ignored). Idempotent: each step is skipped when its result is present.
// Prints one line per step and exits non-zero with a plain reason when a step cannot be done.
//
// Usage: node scripts/e2e-setup.mjs [--check]   (--check: report what is missing, install nothing)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const CACHE = process.env.GROUNDED_E2E_CACHE ?? join(ROOT, ".cache", "e2e");
export const CODE_SERVER_VERSION = "4.139.1";
const NODE_MAJOR = "24";
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
// Layout: CACHE/node_modules/<node package> (Node 24), CACHE/cs/node_modules/code-server.
export const NODE_HOME = join(CACHE, "node_modules", NODE_PACKAGE);
export const NODE_BIN = join(NODE_HOME, "bin", "node");
const CODE_SERVER_DIR = join(CACHE, "cs");
const CODE_SERVER_HOME = join(CODE_SERVER_DIR, "node_modules", "code-server");
export const CODE_SERVER_ENTRY = join(CODE_SERVER_HOME, "out", "node", "entry.js");
// A native module built last-ish by code-server's postinstall: present only when the build finished.
const CODE_SERVER_NATIVE = join(CODE_SERVER_HOME, "lib", "vscode", "node_modules", "@vscode", "spdlog", "build", "Release", "spdlog.node");
const APT_PACKAGES = ["build-essential", "pkg-config", "libkrb5-dev", "libx11-dev", "libxkbfile-dev", "libsecret-1-dev", "chromium"];
const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function chromiumPath() {
  if (process.env.GROUNDED_E2E_CHROMIUM) return process.env.GROUNDED_E2E_CHROMIUM;
  return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

/** Environment for running code-server (and building it): Node 24 first on PATH, headers for node-gyp. */
export function codeServerEnv(base = process.env) {
  // Under `npm run`, npm_* variables of the outer npm (its user agent says Node 20) leak into the
  // nested install, and code-server's postinstall then refuses to build: start from a clean slate.
  const clean = Object.fromEntries(Object.entries(base).filter(([key]) => !key.toLowerCase().startsWith("npm_")));
  return {
    ...clean,
    PATH: [join(NODE_HOME, "bin"), base.PATH ?? ""].join(delimiter),
    npm_config_nodedir: NODE_HOME,
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
  };
}

export function codeServerInstalled() {
  if (!existsSync(CODE_SERVER_ENTRY) || !existsSync(CODE_SERVER_NATIVE)) return false;
  try {
    return JSON.parse(readFileSync(join(CODE_SERVER_HOME, "package.json"), "utf8")).version === CODE_SERVER_VERSION;
  } catch {
    return false;
  }
}

class SetupError extends Error {}

function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`e2e-setup: ${name} ... `);
  const note = fn();
  console.log(`${note ?? "done"} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 << 20, ...options });
  if (result.error) throw new SetupError(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-25).join("\n");
    throw new SetupError(`\`${command} ${args.join(" ")}\` failed (exit ${result.status}):\n${tail}`);
  }
  return result.stdout;
}

function missingAptPackages() {
  const probe = spawnSync("dpkg-query", ["-W", "-f=${Package} ${Status}\n", ...APT_PACKAGES], { encoding: "utf8" });
  if (probe.error) return null; // not a dpkg system
  const installed = new Set(
    probe.stdout.split("\n").filter((l) => l.endsWith("install ok installed")).map((l) => l.split(" ")[0]),
  );
  return APT_PACKAGES.filter((p) => !installed.has(p));
}

function ensureSystemPackages(checkOnly) {
  const missing = missingAptPackages();
  if (missing === null) {
    if (!chromiumPath()) throw new SetupError("no Chromium found and no apt/dpkg here: install Chromium and set GROUNDED_E2E_CHROMIUM to its path");
    return "not a Debian system; assuming build tools are present";
  }
  // Build tools are only needed while code-server is not yet built.
  const needed = missing.filter((p) => p === "chromium" ? !chromiumPath() : !codeServerInstalled());
  if (needed.length === 0) return "present";
  if (checkOnly) throw new SetupError(`missing Debian packages: ${needed.join(" ")}`);
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  const sudo = root ? [] : spawnSync("sudo", ["-n", "true"]).status === 0 ? ["sudo", "-n"] : null;
  if (sudo === null) {
    throw new SetupError(
      `missing Debian packages: ${needed.join(" ")}.\n` +
        `Not root and no password-less sudo, so they cannot be installed from here. Run:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${needed.join(" ")}\nthen run this again.`,
    );
  }
  const apt = (args) => (sudo.length ? run(sudo[0], [...sudo.slice(1), "apt-get", ...args]) : run("apt-get", args));
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  apt(["update"], { env });
  apt(["install", "-y", "--no-install-recommends", ...needed], { env });
  return `installed ${needed.join(" ")}`;
}

function ensureNode(checkOnly) {
  if (existsSync(NODE_BIN)) {
    const version = spawnSync(NODE_BIN, ["-v"], { encoding: "utf8" }).stdout.trim();
    if (version.startsWith(`v${NODE_MAJOR}.`)) return `present (${version})`;
  }
  if (checkOnly) throw new SetupError(`Node ${NODE_MAJOR} for code-server is missing (${NODE_BIN})`);
  const dir = CACHE;
  mkdirSync(dir, { recursive: true });
  // A package.json of its own, so npm installs here rather than into the project.
  if (!existsSync(join(dir, "package.json"))) writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "grounded-e2e", private: true }) + "\n");
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", `${NODE_PACKAGE}@${NODE_MAJOR}`], { cwd: dir });
  if (!existsSync(NODE_BIN)) throw new SetupError(`npm installed ${NODE_PACKAGE} but ${NODE_BIN} is not there`);
  return `installed ${spawnSync(NODE_BIN, ["-v"], { encoding: "utf8" }).stdout.trim()}`;
}

function ensureCodeServer(checkOnly) {
  if (codeServerInstalled()) return `present (${CODE_SERVER_VERSION})`;
  if (!existsSync(NODE_BIN)) throw new SetupError("Node 24 is needed to build code-server");
  if (checkOnly) throw new SetupError(`code-server ${CODE_SERVER_VERSION} is missing (${CODE_SERVER_DIR})`);
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  if (!existsSync(join(CODE_SERVER_DIR, "package.json"))) {
    writeFileSync(join(CODE_SERVER_DIR, "package.json"), JSON.stringify({ name: "grounded-e2e-code-server", private: true }) + "\n");
  }
  console.log(`\ne2e-setup:   building code-server ${CODE_SERVER_VERSION} with Node ${NODE_MAJOR} (a few minutes, ~600 MB) ...`);
  const install = () =>
    run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", `code-server@${CODE_SERVER_VERSION}`], {
      cwd: CODE_SERVER_DIR,
      env: codeServerEnv(),
    });
  try {
    install();
  } catch (error) {
    // The native-module build inside code-server's postinstall has failed once in a while here; one retry.
    console.log(`\ne2e-setup:   first attempt failed (${error.message.split("\n")[0]}); trying once more ...`);
    install();
  }
  if (!existsSync(CODE_SERVER_ENTRY)) throw new SetupError(`npm finished but ${CODE_SERVER_ENTRY} is missing`);
  if (!codeServerInstalled()) throw new SetupError(`npm finished but code-server's native modules are missing (${CODE_SERVER_NATIVE})`);
  const version = run(NODE_BIN, [CODE_SERVER_ENTRY, "--version"], { env: codeServerEnv() }).trim().split("\n")[0];
  return `installed (${version})`;
}

export function setup({ checkOnly = false } = {}) {
  if (process.platform !== "linux") throw new SetupError(`end-to-end tests are set up for Linux only (this is ${process.platform})`);
  mkdirSync(CACHE, { recursive: true });
  step("system packages (Chromium, build tools)", () => ensureSystemPackages(checkOnly));
  step(`Node ${NODE_MAJOR} for code-server`, () => ensureNode(checkOnly));
  step(`code-server ${CODE_SERVER_VERSION}`, () => ensureCodeServer(checkOnly));
  step("Chromium", () => {
    const path = chromiumPath();
    if (!path) throw new SetupError("no Chromium executable found; set GROUNDED_E2E_CHROMIUM");
    return path;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setup({ checkOnly: process.argv.includes("--check") });
    console.log("e2e-setup: ready");
  } catch (error) {
    console.log("FAILED");
    console.error(`e2e-setup: ${error instanceof SetupError ? error.message : error?.stack ?? error}`);
    process.exit(1);
  }
}
