// Hover on a figure or a name in a draft: the verdict, then what the sources say, with links.
import type { Hover, MarkupContent, Position } from "vscode-languageserver";
import { type CorpusIndex, draftNames, type Finding, type Range } from "../../core/index.js";
import type { CancellationToken } from "../../util/cancellation.js";
import type { DraftDocument } from "../documentCache.js";
import { escapeMarkdown, sentenceWithFigure, sourceLink, type MarkupFlavour } from "../markdown.js";
import { lineAt } from "../lines.js";

export interface HoverContext {
  index(): CorpusIndex | undefined;
  findings(document: DraftDocument): Finding[];
  /** Codicons and command links for VS Code, plain Markdown for other editors. */
  flavour(): MarkupFlavour;
}

const VERDICT_TITLE: Record<Finding["verdict"], string> = {
  contradicted: "Contradicted by the sources",
  disputed: "The sources disagree",
  unverifiable: "No source states this",
  supported: "Supported by the sources",
};
const VERDICT_ICON: Record<Finding["verdict"], string> = { contradicted: "$(warning) ", disputed: "$(info) ", unverifiable: "$(question) ", supported: "$(check) " };

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export class HoverProvider {
  /** Names of the last line analysed, by URI, version and line: hovering again costs nothing. */
  private analysis: { uri: string; version: number; line: number; index: CorpusIndex; names: ReturnType<typeof draftNames> } | undefined;

  constructor(private readonly context: HoverContext) {}

  /** Names on the hovered line only: analysing the whole draft would cost a large one dearly. */
  private namesOn(index: CorpusIndex, document: DraftDocument, line: number): ReturnType<typeof draftNames> {
    const known = this.analysis;
    if (known && known.uri === document.uri && known.version === document.version && known.line === line && known.index === index) return known.names;
    const text = lineAt(document.getText(), line);
    const names = draftNames(index, text).map((n) => ({
      name: n.name,
      range: { start: { line, character: n.range.start.character }, end: { line, character: n.range.end.character } },
    }));
    this.analysis = { uri: document.uri, version: document.version, line, index, names };
    return names;
  }

  provideHover(document: DraftDocument, position: Position, token?: CancellationToken): Hover | null {
    const index = this.context.index();
    if (!index || token?.isCancellationRequested) return null;
    const finding = this.context.findings(document).find((f) => contains(f.range, position));
    if (finding) return { contents: this.describeFinding(index, finding), range: finding.range };
    const name = this.namesOn(index, document, position.line).find((n) => contains(n.range, position));
    if (!name) return null;
    const entity = index.names.get(name.name.key);
    if (!entity) return null;
    const sources = index.sourceCount(entity);
    const title = entity.titles[0]?.title;
    const flavour = this.context.flavour();
    const lines = [
      `**${escapeMarkdown(entity.canonical, flavour)}**: ${escapeMarkdown([entity.kind, title ? `called ${title} in the sources` : ""].filter(Boolean).join(", "), flavour)}`,
      "",
      `Mentioned ${entity.mentions.length} time${entity.mentions.length === 1 ? "" : "s"} in ${sources} source${sources === 1 ? "" : "s"}. First mentions:`,
      "",
      ...entity.mentions.slice(0, 3).map((m) => `- ${sentenceWithFigure(m.sentence, m.text, flavour)} (${sourceLink(index, m.path, m.line, flavour)})`),
    ];
    return { contents: { kind: "markdown", value: lines.join("\n") }, range: name.range };
  }

  private describeFinding(index: CorpusIndex, finding: Finding): MarkupContent {
    const flavour = this.context.flavour();
    const icon = flavour === "vscode" ? VERDICT_ICON[finding.verdict] : "";
    const lines = [`**${icon}${VERDICT_TITLE[finding.verdict]}**: ${escapeMarkdown(finding.message, flavour)}`, ""];
    for (const source of finding.sources.slice(0, 3)) {
      lines.push(`> ${sentenceWithFigure(source.text, source.value, flavour)}`, ">", `> ${sourceLink(index, source.path, source.line, flavour)}`, "");
    }
    return { kind: "markdown", value: lines.join("\n") };
  }
}
