// The language server's link to a shared archive (`grounded.archive`): drafts are checked against
// the local folders and the archive at once. An archive that cannot be reached is said once; the
// server goes on with the local folders.
import { Archive, type CorpusIndex, type Finding, redactUrl } from "../core/index.js";

export type ArchiveState = "off" | "connected" | "unreachable";

export class ArchiveLink {
  private archive: Archive | undefined;
  private url = "";
  private reported = new Set<string>();
  state: ArchiveState = "off";

  constructor(
    private readonly log: (message: string) => void,
    private readonly warn: (message: string) => void,
    /** From VS Code's SecretStorage (or the environment), never from settings.json. */
    private readonly password: () => string | undefined,
  ) {}

  /** Connects to `url` (empty: none); resolves once the archive answered or failed. */
  async configure(url: string): Promise<void> {
    if (url === this.url && this.state !== "unreachable") return;
    await this.archive?.close().catch(() => undefined);
    this.archive = undefined;
    this.url = url;
    this.state = "off";
    if (!url) return;
    const password = this.password();
    const archive = Archive.open(url, { max: 4, statementTimeoutMs: 10_000, ...(password ? { password } : {}) });
    try {
      const status = await archive.status();
      this.archive = archive;
      this.state = "connected";
      this.log(`Archive ${redactUrl(url)}: ${status.documents} documents, ${status.figures} figures.`);
    } catch (error) {
      await archive.close().catch(() => undefined);
      this.unreachable(error);
    }
  }

  /** Findings for a draft against the archive and `local`; undefined when the archive is not there. */
  async check(text: string, local: CorpusIndex, ignore: readonly string[]): Promise<Finding[] | undefined> {
    if (!this.archive) return undefined;
    try {
      return (await this.archive.check(text, { local, ignore })).findings;
    } catch (error) {
      this.unreachable(error);
      return undefined;
    }
  }

  private unreachable(error: unknown): void {
    this.state = "unreachable";
    const message = `Archive ${redactUrl(this.url)} is unreachable (${error instanceof Error ? error.message : String(error)}); checking against the local folders only.`;
    this.log(message);
    // Said once per archive, not on every keystroke.
    if (this.reported.has(this.url)) return;
    this.reported.add(this.url);
    this.warn(`Grounded: ${message}`);
  }

  dispose(): void {
    void this.archive?.close().catch(() => undefined);
  }
}
