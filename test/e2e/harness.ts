// Drives a real VS Code (code-server, built by scripts/e2e-setup.mjs) in headless Chromium, with the
// packaged extension installed, the way a person drives it: keyboard, mouse, what is on screen.
// Rules that keep it from flaking: every wait is on a DOM condition (never a fixed sleep); only waits
// are retried, assertions run once on what the wait found; a failure saves a screenshot and the logs.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, promises as fs } from "node:fs";
import { createServer } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { test } from "node:test";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";

export const repoRoot = path.resolve(__dirname, "..", "..");
const cacheDir = process.env.GROUNDED_E2E_CACHE ?? path.join(repoRoot, ".cache", "e2e");
const node24 = path.join(cacheDir, "node_modules", `node-${process.platform}-${process.arch}`, "bin", "node");
const codeServerEntry = path.join(cacheDir, "cs", "node_modules", "code-server", "out", "node", "entry.js");
const chromiumPath = process.env.GROUNDED_E2E_CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
export const screenshotsDir = path.join(repoRoot, "test", "e2e", "screenshots");
export const fixtureDir = path.join(repoRoot, "test", "e2e", "fixture");
export const vsixPath = path.join(repoRoot, "grounded.vsix");
/** Set by `node scripts/e2e-run.mjs --readme`: also write the README-*.png images the README shows. */
const writeReadmeImages = process.env.GROUNDED_E2E_README === "1";

export type Theme = "dark" | "light";
const THEMES: Record<Theme, { name: string; bodyClass: string }> = {
  dark: { name: "Default Dark Modern", bodyClass: "vs-dark" },
  light: { name: "Default Light Modern", bodyClass: "vs" },
};

export interface StartOptions {
  /** Install grounded.vsix first (the smoke test runs without it). */
  withExtension: boolean;
  theme?: Theme;
  /** More files for the workspace, by relative path. */
  files?: Record<string, string | Buffer>;
  /** Changes the fixture workspace before code-server opens it (e.g. sources elsewhere than corpus/). */
  prepare?: (workspace: string) => Promise<void>;
}

function userSettings(theme: Theme): Record<string, unknown> {
  return {
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "update.showReleaseNotes": false,
    "extensions.autoUpdate": false,
    "extensions.autoCheckUpdates": false,
    "extensions.ignoreRecommendations": true,
    "workbench.enableExperiments": false,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.welcomePage.walkthroughs.openOnInstall": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "workbench.colorTheme": THEMES[theme].name,
    "workbench.preferredDarkColorTheme": THEMES.dark.name,
    "workbench.preferredLightColorTheme": THEMES.light.name,
    "security.workspace.trust.enabled": false,
    "chat.disableAIFeatures": true,
    "git.enabled": false,
    "files.autoSave": "off",
    "editor.hover.delay": 150,
    "editor.minimap.enabled": false,
    "editor.wordWrap": "on",
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

/** Polls `probe` until it returns a value other than undefined/false, and returns that value. */
export async function waitFor<T>(description: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error; // the DOM changed under us; try again
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message.split("\n")[0]})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${why}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Text as the user reads it: the editor renders spaces as U+00A0. */
export function plain(text: string | null): string {
  return (text ?? "").replace(/\u00a0/g, " ");
}

export class Workbench {
  constructor(
    readonly page: Page,
    readonly workspace: string,
    readonly userDataDir: string,
  ) {}

  /** The first match of `selector` whose text matches `pattern`, once there is one. */
  async find(selector: string, pattern: RegExp, description: string, timeoutMs?: number): Promise<Locator> {
    return waitFor(description, async () => {
      const matches = this.page.locator(selector).filter({ hasText: pattern, visible: true });
      return (await matches.count()) > 0 ? matches.first() : undefined;
    }, timeoutMs);
  }

  async statusBarText(pattern: RegExp, timeoutMs?: number): Promise<string> {
    const item = await this.find(".statusbar-item", pattern, `a status bar item matching ${pattern}`, timeoutMs);
    return plain(await item.textContent());
  }

  private quickInput(): Locator {
    return this.page.locator(".quick-input-widget .quick-input-box input");
  }

  async quickInputRows(): Promise<string[]> {
    return (await this.page.locator(".quick-input-widget .quick-input-list .monaco-list-row").allTextContents()).map(plain);
  }

  /** Runs a command by its palette title ("Grounded: Search Sources"). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press("F1");
    const input = this.quickInput();
    await input.waitFor({ state: "visible" });
    await input.fill(`>${title}`);
    const exact = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
    const row = await this.find(".quick-input-widget .quick-input-list .monaco-list-row", exact, `"${title}" in the command palette`);
    await row.click();
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab to be the active one. */
  async openFile(relativePath: string): Promise<void> {
    await this.page.keyboard.press("Control+P");
    const input = this.quickInput();
    await input.waitFor({ state: "visible" });
    await input.fill(relativePath);
    const base = path.basename(relativePath);
    const row = await this.find(".quick-input-widget .quick-input-list .monaco-list-row", new RegExp(base.replace(/\./g, "\\.")), `${relativePath} in Quick Open`);
    await row.click();
    await this.activeTab(base);
    await this.page.locator(".editor-group-container.active .monaco-editor .view-lines").first().waitFor({ state: "visible" });
  }

  async activeTab(name: string, timeoutMs?: number): Promise<void> {
    await waitFor(`the active tab to be ${name}`, async () => {
      const tab = this.page.locator(".editor-group-container.active .tab.active").first();
      return (await tab.getAttribute("data-resource-name")) === name;
    }, timeoutMs);
  }

  /** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press("Control+G");
    const input = this.quickInput();
    await input.waitFor({ state: "visible" });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await input.waitFor({ state: "hidden" });
    await this.statusBarText(new RegExp(`Ln ${line}, Col ${column}\\b`));
  }

  /** The active editor's visible text, line by line (the files here are short enough to be all visible). */
  async editorText(): Promise<string> {
    const lines = this.page.locator(".editor-group-container.active .monaco-editor .view-lines .view-line");
    const withTop = await lines.evaluateAll((nodes) => nodes.map((n) => ({ top: parseFloat((n as HTMLElement).style.top) || 0, text: n.textContent ?? "" })));
    return plain(withTop.sort((a, b) => a.top - b.top).map((l) => l.text).join("\n"));
  }

  /** Squiggles of a severity in the active editor. */
  squiggles(severity: "warning" | "error" | "info" = "warning"): Locator {
    return this.page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press("Control+S");
    await waitFor("the editor to be saved", async () => (await this.page.locator(".editor-group-container.active .tab.active.dirty").count()) === 0);
  }

  private async theme(): Promise<Theme | undefined> {
    const classes = ((await this.page.locator(".monaco-workbench").first().getAttribute("class")) ?? "").split(/\s+/);
    return (Object.keys(THEMES) as Theme[]).find((t) => classes.includes(THEMES[t].bodyClass));
  }

  /** Switches between the light and dark theme with the command a user would run. */
  async setTheme(theme: Theme): Promise<void> {
    if ((await this.theme()) === theme) return;
    await this.runCommand("Preferences: Toggle between Light/Dark Themes");
    await waitFor(`the ${theme} theme`, async () => (await this.theme()) === theme);
  }

  /** Moves the mouse over an element without scrolling anything (Playwright's hover scrolls the editor). */
  async hover(target: Locator): Promise<void> {
    const box = await waitFor("the element to have a position", async () => (await target.boundingBox()) ?? undefined);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Saves test/e2e/screenshots/<name>.png (and README-<readmeName>.png when asked to). */
  async shot(name: string, readmeName?: string): Promise<string> {
    await fs.mkdir(screenshotsDir, { recursive: true });
    const file = path.join(screenshotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    if (readmeName && writeReadmeImages) await fs.copyFile(file, path.join(screenshotsDir, `README-${readmeName}.png`));
    return file;
  }

  /** Closes widgets and quick inputs so the next step starts from a plain editor. */
  async escape(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press("Escape");
  }
}

export interface Session {
  bench: Workbench;
  workspace: string;
  logFile: string;
  /** Screenshot + code-server and extension-host logs into test/e2e/screenshots/FAIL-<name>.*. */
  collectFailure(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** A fresh copy of the fixture workspace (corpus/ + draft.md) in a temp folder. */
export async function makeWorkspace(extraFiles: Record<string, string | Buffer> = {}): Promise<string> {
  const workspace = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-e2e-ws-"));
  await fs.cp(fixtureDir, workspace, { recursive: true });
  for (const [name, text] of Object.entries(extraFiles)) await fs.writeFile(path.join(workspace, name), text);
  return workspace;
}

async function tailsOfLogs(dir: string, pattern: RegExp, maxChars = 6000): Promise<string> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (pattern.test(entry.name)) out.push(`--- ${full}\n${(await fs.readFile(full, "utf8")).slice(-maxChars)}`);
    }
  };
  await walk(dir);
  return out.join("\n");
}

export async function startSession(options: StartOptions): Promise<Session> {
  for (const [what, file] of [["code-server", codeServerEntry], ["Node 24", node24]] as const) {
    if (!existsSync(file)) throw new Error(`${what} is not set up (${file} missing): run node scripts/e2e-setup.mjs`);
  }
  if (!chromiumPath) throw new Error("Chromium not found: run node scripts/e2e-setup.mjs or set GROUNDED_E2E_CHROMIUM");
  const theme = options.theme ?? "dark";
  const workspace = await makeWorkspace(options.files);
  await options.prepare?.(workspace);
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "grounded-e2e-"));
  const extensionsDir = path.join(root, "extensions");
  const userDataDir = path.join(root, "user");
  await fs.mkdir(path.join(userDataDir, "User"), { recursive: true });
  await fs.writeFile(path.join(userDataDir, "User", "settings.json"), JSON.stringify(userSettings(theme), null, 2));
  const env = { ...process.env, PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ""}` };
  const common = ["--extensions-dir", extensionsDir, "--user-data-dir", userDataDir];
  if (options.withExtension) {
    if (!existsSync(vsixPath)) throw new Error(`${vsixPath} missing: run npm run package`);
    execFileSync(node24, [codeServerEntry, ...common, "--install-extension", vsixPath], { env, stdio: "pipe" });
  }
  const port = await freePort();
  const logFile = path.join(root, "code-server.log");
  const log = createWriteStream(logFile);
  const server: ChildProcess = spawn(
    node24,
    [codeServerEntry, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", ...common, workspace],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  let exited = false;
  server.once("exit", () => (exited = true));
  let browser: Browser | undefined;
  let page: Page | undefined;

  const stop = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    if (server.pid && !exited) {
      try {
        process.kill(-server.pid, "SIGTERM"); // the whole group: code-server, its extension host, our language server
      } catch {
        // already gone
      }
      await waitFor("code-server to exit", async () => exited, 10_000).catch(() => {
        try {
          process.kill(-server.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      });
    }
    await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
    await fs.rm(workspace, { recursive: true, force: true }).catch(() => undefined);
  };
  // A test runner killed by its timeout still takes code-server down with it.
  const onExit = (): void => {
    if (server.pid && !exited) {
      try {
        process.kill(-server.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  process.once("exit", onExit);

  const collectFailure = async (name: string): Promise<void> => {
    await fs.mkdir(screenshotsDir, { recursive: true });
    const base = path.join(screenshotsDir, `FAIL-${name}`);
    await page?.screenshot({ path: `${base}.png` }).catch(() => undefined);
    const serverLog = await fs.readFile(logFile, "utf8").catch(() => "(no code-server log)");
    const extensionLogs = await tailsOfLogs(path.join(userDataDir, "logs"), /exthost|remoteagent|Grounded/i);
    await fs.writeFile(`${base}.log`, `=== code-server\n${serverLog.slice(-8000)}\n=== logs\n${extensionLogs}\n`);
    console.log(`# failure evidence: ${base}.png, ${base}.log`);
  };

  try {
    await waitFor(`code-server to answer on port ${port}`, async () => {
      if (exited) throw new Error(`code-server exited: ${await fs.readFile(logFile, "utf8").catch(() => "")}`);
      const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
      return response?.ok;
    }, 60_000);
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
    // The explorer shows the workspace once the remote file system is up.
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "draft.md" }).first().waitFor({ state: "visible", timeout: 60_000 });
    return { bench: new Workbench(page, workspace, userDataDir), workspace, logFile, collectFailure, stop };
  } catch (error) {
    await collectFailure("startup");
    await stop();
    throw error;
  }
}

/** A node:test test that saves failure evidence (screenshot, logs) before reporting the failure. */
export function scenario(name: string, session: () => Session | undefined, body: (bench: Workbench) => Promise<void>, options: { skip?: string | false } = {}): void {
  test(name, { skip: options.skip || false }, async () => {
    const current = session();
    if (!current) throw new Error("code-server did not start (see FAIL-startup.*)");
    try {
      await current.bench.page.mouse.move(1, 1); // no tooltip left over from the last scenario
      await body(current.bench);
    } catch (error) {
      await current.collectFailure(name.replace(/^Should /, "").replace(/[^\w]+/g, "-").slice(0, 60));
      throw error;
    } finally {
      await current.bench.escape().catch(() => undefined);
    }
  });
}
