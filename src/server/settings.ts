// The `grounded.*` settings, validated: a bad value is reported once, by name, and its default used.
import { z } from "zod";

export const DEFAULT_LANGUAGES = ["markdown", "plaintext"];

const schema = {
  corpus: z.array(z.string().min(1)),
  include: z.array(z.string().min(1)),
  exclude: z.array(z.string().min(1)),
  maxFileSize: z.number().int().positive().max(1024 * 1024 * 1024),
  languages: z.array(z.string().min(1)),
  unverifiable: z.enum(["off", "hint", "information"]),
  citationStyle: z.enum(["footnote", "inline", "none"]),
  ignore: z.array(z.string()),
  // The archive's URL names no password (that comes from SecretStorage or the environment).
  archive: z.string().refine((url) => url === "" || (/^postgres(ql)?:\/\//.test(url) && !/^[^/]*\/\/[^/@]*:[^/@]*@/.test(url)), "a postgres:// URL without a password"),
};

export interface Settings {
  corpus: string[];
  include: string[];
  exclude: string[];
  maxFileSize: number;
  languages: string[];
  unverifiable: "off" | "hint" | "information";
  citationStyle: "footnote" | "inline" | "none";
  ignore: string[];
  archive: string;
}

export const DEFAULT_SETTINGS: Settings = {
  corpus: [],
  include: [],
  exclude: [],
  maxFileSize: 10 * 1024 * 1024,
  languages: DEFAULT_LANGUAGES,
  unverifiable: "off",
  citationStyle: "footnote",
  ignore: [],
  archive: "",
};

/** Where each setting lives in the user's settings.json. */
const SETTING_NAMES: Record<keyof Settings, string> = {
  corpus: "grounded.corpus",
  include: "grounded.include",
  exclude: "grounded.exclude",
  maxFileSize: "grounded.maxFileSize",
  languages: "grounded.languages",
  unverifiable: "grounded.diagnostics.unverifiable",
  citationStyle: "grounded.citationStyle",
  ignore: "grounded.ignore",
  archive: "grounded.archive",
};

export interface ParsedSettings {
  settings: Settings;
  /** One line per invalid setting, naming it. */
  problems: string[];
}

/** Reads the raw `grounded` section (as workspace/configuration returns it). */
export function parseSettings(raw: unknown): ParsedSettings {
  const section = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const diagnostics = section["diagnostics"] && typeof section["diagnostics"] === "object" ? (section["diagnostics"] as Record<string, unknown>) : {};
  const values: Record<keyof Settings, unknown> = {
    corpus: typeof section["corpus"] === "string" ? [section["corpus"]] : section["corpus"],
    include: section["include"],
    exclude: section["exclude"],
    maxFileSize: section["maxFileSize"],
    languages: section["languages"],
    unverifiable: diagnostics["unverifiable"],
    citationStyle: section["citationStyle"],
    ignore: section["ignore"],
    archive: section["archive"],
  };
  const settings = { ...DEFAULT_SETTINGS } as Settings;
  const problems: string[] = [];
  for (const key of Object.keys(schema) as Array<keyof Settings>) {
    const value = values[key];
    if (value === undefined || value === null) continue;
    const parsed = schema[key].safeParse(value);
    if (parsed.success) (settings as unknown as Record<string, unknown>)[key] = parsed.data;
    else {
      const issue = parsed.error.issues[0]?.message ?? "invalid value";
      problems.push(`Setting "${SETTING_NAMES[key]}" is invalid (${issue}); using the default ${JSON.stringify(DEFAULT_SETTINGS[key])}.`);
    }
  }
  return { settings, problems };
}
