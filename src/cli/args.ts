// A small, strict argument parser: unknown flags are errors, not silently ignored.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface FlagSpec {
  /** Takes a value (`--corpus DIR`); repeatable values collect into an array. */
  value?: boolean;
  repeatable?: boolean;
  /** Allowed values, checked. */
  choices?: readonly string[];
}

export interface ParsedArgs {
  flags: Map<string, string[]>;
  booleans: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const flags = new Map<string, string[]>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith("--") || (arg.startsWith("-") && arg.length > 1 && arg !== "-")) {
      const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
      const flag = spec[name];
      if (!flag) throw new UsageError(`unknown option ${name}`);
      if (!flag.value) {
        if (inline !== undefined) throw new UsageError(`${name} takes no value`);
        booleans.add(name);
        continue;
      }
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      if (flag.choices && !flag.choices.includes(value)) throw new UsageError(`${name} must be one of ${flag.choices.join(", ")} (got "${value}")`);
      const list = flags.get(name) ?? [];
      if (list.length > 0 && !flag.repeatable) throw new UsageError(`${name} given twice`);
      list.push(value);
      flags.set(name, list);
      continue;
    }
    positionals.push(arg);
  }
  return { flags, booleans, positionals };
}

export function flagValue(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}
