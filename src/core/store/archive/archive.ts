// Reading an archive: status, ranked search, facts, and the index a check needs. The database finds
// the candidates (the documents whose figures can be alike a draft's, with the draft's terms' rarity
// over the whole archive); an in-memory index over just those documents, given the archive's
// statistics and name registry, then scores them with the same code as a local index, so the same
// sources give the same verdicts.
import type { Pool } from "pg";
import { checkDocument, analyzeSentence, candidateScope, withCarriedSubjects, type CheckOptions, type DraftFigure } from "../../check/checker.js";
import { CorpusIndex, evidenceOf, extractLine, highlightsIn, type CorpusStatistics, type LineExtractor, type SearchHit } from "../../index/corpusIndex.js";
import { readDraft } from "../../check/draft.js";
import { nameFacts, type Fact, type FactKind } from "../../check/facts.js";
import type { FigureContext } from "../../extract/figureContext.js";
import { NameRegistry } from "../../extract/names.js";
import { searchTerms } from "../../index/sentenceSearch.js";
import { draftWeights } from "../../index/similarity.js";
import { unitsMatch } from "../../check/compare.js";
import { wordTokens } from "../../extract/terms.js";
import type { CalendarDate, Finding, FigureKind, NameMention, SourceDocument } from "../../types.js";
import { openPool, type ConnectOptions } from "./connection.js";
import { compareDocumentPaths, restoreRegistry, type RestoredNames, type StoredRegistry } from "./registry.js";
import { schemaVersion } from "./schema.js";
import { engineVersion } from "./engine.js";
import { titleLines, type TitledParagraph } from "./titleLines.js";

/**
 * The checker's thresholds, lowered a little: retrieval must return every figure the checker could
 * use (an entity's aliases are separate terms in the archive, one in the index), a few more cost
 * only a little scoring. First order: RELATED / SAME_TIME_BONUS (0.12 / 1.15);
 * disputes: SAME_SOURCE_QUANTITY (0.35) for figures stating a time, 0.6 for the others.
 */
const MARGIN = 0.9;
/** Matches ranked per search (see search()). */
const SEARCH_CANDIDATES = 400;
const RELATED_MINIMUM = (0.12 / 1.15) * MARGIN;
const DISPUTE_MINIMUM = { timed: 0.35 * MARGIN, untimed: 0.6 * MARGIN };
/**
 * Source figures retrieved per draft figure, the most alike first (with ties): the checker keeps
 * its best 200 candidates, and its verdict reads the strongest of them and those stating the
 * draft's value (see agreeingValues). Retrieving every figure above the threshold made a check
 * index thousands of lines for a figure described with common words.
 */
const BEST_CANDIDATES = 60;
/**
 * Those that may state the draft's value are retrieved as far as the checker reads (its 200): a
 * figure stating it at the same time supports the draft however loosely it is worded. Few figures
 * state a value that close.
 */
const AGREEING_CANDIDATES = 200;

/** Where a check through the archive spent its time, and over how many of the archive's lines. */
export interface CheckPhases {
  retrievalMs: number;
  /** Reading the lines needed and indexing them; readMs of it is waiting for the database. */
  indexMs: number;
  readMs: number;
  checkMs: number;
  /** Lines of the archive's documents indexed for the check. */
  lines: number;
  passes: number;
}

/**
 * What retrieval asks of the database. `time`: the draft figure's; figures stating another time
 * are left out unless `best` asks for the dated ones too. `units`: only figures of these units.
 */
interface RelatedQuery {
  minimum: number;
  bothWays?: boolean;
  timed?: boolean;
  within?: number[];
  units?: string[];
  time?: { from: number; to: number };
  best?: number;
  /** The draft's value (money and counts): the best of the figures plausibly rivalling it are ranked apart too. */
  rivalsOf?: number;
  /** Only goals (true) or only outcomes (false). */
  target?: boolean;
  /** Values that may agree with the draft's: the best of those are ranked apart too (same time first, see checkFigure). */
  near?: { lo: number; hi: number; sameWay: string[] };
}

/** A document as a check reads it, with the draft's terms it uses. */
interface DocumentRow {
  id: number;
  path: string;
  title: string;
  date: CalendarDate | null;
  line_count: number;
  hard_wrapped: boolean;
  size: number;
  mtime: number;
  engine: string;
  subjects: string[];
  capitals: string[];
}

interface ParagraphRow {
  document: number;
  first_line: number;
  text: string;
  extraction: string;
}

/** What a check has read from the archive so far ("document:line" keys): a second pass reads only what is new. */
interface ReadSoFar {
  places: Set<string>;
  documents: Map<number, DocumentRow>;
  /** Paragraphs whose reach was read, and every paragraph read. */
  reached: Set<string>;
  paragraphs: Map<string, ParagraphRow>;
}

/** Words the archive writes in lower case, among those asked so far. */
type OrdinaryWords = Set<string> & { asked: Set<string> };

/** A line of an archive document. */
interface Place {
  document: number;
  line: number;
}

export interface ArchiveStatus {
  schemaVersion: number;
  documents: number;
  sentences: number;
  figures: number;
  names: number;
  sourceBytes: number;
  databaseBytes: number;
}

interface Snapshot {
  sentenceCount: number;
  names: RestoredNames;
}

export class Archive {
  private snapshot: Promise<Snapshot> | undefined;
  private units: Promise<Map<string, string[]>> | undefined;
  /** Source figures retrieved per draft figure and list the checker ranks (see BEST_CANDIDATES). */
  bestCandidates = BEST_CANDIDATES;

  private constructor(readonly pool: Pool) {}

  static open(url: string, options: ConnectOptions = {}): Archive {
    return new Archive(openPool(url, options));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async status(): Promise<ArchiveStatus> {
    const version = await schemaVersion((sql) => this.pool.query(sql));
    if (version === 0) return { schemaVersion: 0, documents: 0, sentences: 0, figures: 0, names: 0, sourceBytes: 0, databaseBytes: 0 };
    const counts = await this.pool.query<{ documents: string; sentences: string; figures: string; bytes: string | null; database: string }>(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sentences) AS sentences,
              (SELECT count(*) FROM figures) AS figures, (SELECT sum(size) FROM documents) AS bytes,
              pg_database_size(current_database()) AS database`,
    );
    const row = counts.rows[0]!;
    // Counted by the server: parsing the whole registry only to count it takes seconds on a large archive.
    const names = await this.pool.query<{ n: number | null }>("SELECT json_array_length((value::json)->'entities') AS n FROM grounded_meta WHERE key = 'names'");
    return {
      schemaVersion: version,
      documents: Number(row.documents),
      sentences: Number(row.sentences),
      figures: Number(row.figures),
      names: names.rows[0]?.n ?? 0,
      sourceBytes: Number(row.bytes ?? 0),
      databaseBytes: Number(row.database),
    };
  }

  /** The archive's sentence count and name registry, read once per Archive. */
  private load(): Promise<Snapshot> {
    this.snapshot ??= (async () => {
      const rows = (await this.pool.query<{ key: string; value: string }>("SELECT key, value FROM grounded_meta WHERE key IN ('sentence_count', 'names')")).rows;
      const value = (key: string) => rows.find((r) => r.key === key)?.value;
      const stored = JSON.parse(value("names") ?? '{"entities":[],"aliases":[]}') as StoredRegistry;
      return { sentenceCount: Number(value("sentence_count") ?? 0), names: restoreRegistry(stored) };
    })();
    this.snapshot.catch(() => (this.snapshot = undefined));
    return this.snapshot;
  }

  /** Ranked sentences for a query (all its words, as PostgreSQL's English full-text search stems them). */
  async search(query: string, limit = 20): Promise<SearchHit[]> {
    if (searchTerms(query).length === 0) return [];
    const rows = (
      await this.pool.query<{ path: string; line: number; start_column: number; end_column: number; text: string; score: number }>({
        // Prepared once per connection: planning took longer than running most searches (2 ms / 0.2 ms).
        name: "grounded-search",
        // Ranking reads every match's vector: a word in a tenth of the archive would take the server
        // seconds, so only the first SEARCH_CANDIDATES matches are ranked. Paths are looked up for
        // the best (with their ties, which the path orders) one by one: a join hashed the whole
        // documents table, most of a search's time.
        text: `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS q),
              matches AS (SELECT s.document, s.line, s.start_column, s.end_column, s.text, ts_rank_cd(s.search, q.q) AS score
                          FROM q, sentences s WHERE s.search @@ q.q LIMIT $3),
              best AS (SELECT * FROM matches ORDER BY score DESC FETCH FIRST $2 ROWS WITH TIES)
         SELECT (SELECT path FROM documents WHERE id = b.document) AS path, b.line, b.start_column, b.end_column, b.text, b.score
         FROM best b ORDER BY b.score DESC, path, b.line LIMIT $2`,
        values: [query, limit, SEARCH_CANDIDATES],
      })
    ).rows;
    const wanted = new Set(searchTerms(query));
    return rows.map((row) => ({
      sentence: { id: -1, path: row.path, line: row.line, start: row.start_column, end: row.end_column, text: row.text, figures: [], names: [] },
      score: row.score,
      highlights: highlightsIn(row.text, wanted, []),
    }));
  }

  /** Every figure (in document order) and name of the archive, as `grounded facts` lists them. */
  async facts(kind?: FactKind): Promise<Fact[]> {
    const facts: Fact[] = [];
    if (kind !== "name") {
      const rows = (
        await this.pool.query<{ kind: FigureKind; shown: string; value: number; unit: string; about: string; time_text: string | null; path: string; line: number; sentence: string }>(
          `SELECT f.kind, f.shown, f.value, f.unit, f.about, f.time_text, d.path, f.line, f.sentence
           FROM figures f JOIN documents d ON d.id = f.document WHERE $1::text IS NULL OR f.kind = $1 ORDER BY d.path, f.line`,
          [kind ?? null],
        )
      ).rows;
      rows.sort((a, b) => compareDocumentPaths(a.path, b.path) || a.line - b.line);
      for (const row of rows) {
        facts.push({ kind: row.kind, value: row.shown, normalized: row.value, unit: row.unit, about: row.about, ...(row.time_text ? { time: row.time_text } : {}), path: row.path, line: row.line, sentence: row.sentence });
      }
    }
    if (kind === undefined || kind === "name") {
      const { names } = await this.load();
      facts.push(...nameFacts(names.registry));
    }
    return facts;
  }

  /** Checks a draft against the archive (and local folders, when given) with the local index's code. */
  async check(draft: string, options: CheckOptions & { local?: CorpusIndex } = {}): Promise<{ findings: Finding[]; index: CorpusIndex; phases: CheckPhases }> {
    const phases: CheckPhases = { retrievalMs: 0, indexMs: 0, readMs: 0, checkMs: 0, lines: 0, passes: 1 };
    let clock = performance.now();
    const lap = (phase: "retrievalMs" | "indexMs" | "checkMs") => {
      const now = performance.now();
      phases[phase] += now - clock;
      clock = now;
    };
    const snapshot = await this.load();
    const local = options.local;
    const registry = local ? combinedRegistry(snapshot.names, local) : snapshot.names.registry;
    const { paragraphs, starts } = readDraft(draft);
    const draftTerms = new Set<string>();
    const draftWords = new Set<string>();
    for (const paragraph of paragraphs) {
      for (const sentence of paragraph.sentences) {
        for (const token of wordTokens(sentence.text)) {
          draftWords.add(token.word);
          if (token.term) draftTerms.add(token.term);
        }
      }
    }
    // Every word of the draft is counted before anything is decided: what the checker asks of the
    // archive about the draft's words (known, ordinary) has the same answer here and in the check.
    const counts = await this.sentenceCounts([...draftTerms, ...draftWords], new Map());
    const ordinary = await this.ordinaryWords(draftWords, new Set(), new Set());
    const statistics = this.statistics(snapshot, registry, counts, ordinary, local);
    const probe = CorpusIndex.build([], [], undefined, extractLine, statistics);
    const figures: DraftFigure[] = [];
    const people: NameMention[] = [];
    for (const paragraph of paragraphs) {
      for (const sentence of withCarriedSubjects(paragraph.sentences)) {
        const analysed = analyzeSentence(probe, sentence, starts);
        figures.push(...analysed.figures);
        people.push(...analysed.names.filter((n) => n.title && n.kind === "person"));
      }
    }
    const variants = new Set<string>();
    for (const figure of figures) for (const term of figure.context.terms.keys()) for (const variant of termVariants(term, registry)) variants.add(variant);
    await this.sentenceCounts(variants, counts);
    for (const variant of variants) draftTerms.add(variant);
    const rarity = { idf: (term: string) => idfOf(statistics, term) };

    // The lines of the archive the check needs (document and line), as "document:line".
    const documents = new Set<string>();
    const addAll = (places: Place[]) => places.forEach((p) => documents.add(`${p.document}:${p.line}`));
    addAll(await this.documentsTitling(people, registry, local !== undefined));
    // A figure naming a subject no source covers has no candidates; the others' come only from
    // documents using all their subject terms (the checker's own rule, asked of the same statistics).
    const subjectDocuments = new Map<string, Promise<number[]>>();
    const askedTerms = new Set<string>();
    const documentsUsing = (subjects: readonly string[]) => {
      const key = [...new Set(subjects)].sort().join("\u001f");
      let found = subjectDocuments.get(key);
      if (!found) {
        // Each subject in any of its forms: documents keep entity terms as extracted, before aliases
        // settle ("@sullivan" for "@jake sullivan"). One overlap per subject, all on the GIN index.
        const forms = [...new Set(subjects)].map((subject) => termVariants(subject, registry));
        const where = forms.map((_, i) => `terms && $${i + 1}::text[]`).join(" AND ");
        subjectDocuments.set(key, (found = this.pool.query<{ id: number }>(`SELECT id FROM documents WHERE ${where}`, forms).then((r) => r.rows.map((row) => row.id))));
      }
      return found;
    };
    await inTurn(figures, async (f) => {
      const scope = candidateScope(probe, f);
      if (!scope) return;
      // The check asks which documents use these terms (documentsFor): not all are words of the
      // draft ("new" and "delhi" of the place "New Delhi"; the sources' forms of a name).
      for (const term of scope.subjects) askedTerms.add(term);
      for (const forms of scope.names) for (const form of forms) for (const term of form) askedTerms.add(term);
      const within = scope.subjects.length > 0 ? await documentsUsing(scope.subjects) : undefined;
      if (within?.length === 0) return;
      // The units the checker weighs (counts of any unit may count the same thing, see countsAlike).
      const units = f.figure.kind === "count" ? undefined : (await this.unitsOf(f.figure.kind)).filter((unit) => unitsMatch(f.figure.kind, f.figure.unit, unit));
      const time = f.context.time ? { time: { from: f.context.time.from, to: f.context.time.to } } : {};
      addAll(await this.related(f.figure.kind, f.context, { minimum: RELATED_MINIMUM, best: this.bestCandidates, ...(within ? { within } : {}), ...(units ? { units } : {}), ...time, ...(f.figure.kind === "money" || f.figure.kind === "count" ? { rivalsOf: Math.abs(f.figure.value) } : {}), ...nearValues(f.figure) }, rarity, registry));
    });
    lap("retrievalMs");
    const subjects = [...new Set([...draftTerms, ...askedTerms])];
    const read: ReadSoFar = { places: new Set(), documents: new Map(), reached: new Set(), paragraphs: new Map() };
    let index = await this.workingIndex(documents, subjects, snapshot, registry, counts, ordinary, phases, read, local);
    lap("indexMs");
    let findings = checkDocument(index, draft, options);
    lap("checkMs");
    // Disputes of the source figures that support the draft are found among figures alike them.
    const matched = findings.filter((f) => (f.verdict === "supported" || f.verdict === "disputed") && f.claimKind !== "name").map((f) => f.sources[0]!);
    const before = documents.size;
    await inTurn(matched, (evidence) => {
      const source = index.sourceFigures.find((s) => {
        if (s.sentence.path !== evidence.path) return false;
        const place = evidenceOf(s);
        return place.line === evidence.line && place.start === evidence.start;
      });
      if (!source) return undefined;
      const timed = source.context.time !== undefined;
      if (!timed && (source.figure.kind === "rank" || source.figure.kind === "date")) return undefined;
      // The checker's own filters (findDisputes): a bare number has no disputes; only figures of the
      // same tense and of units it compares count.
      if (source.figure.kind === "count" && source.figure.unit === "") return undefined;
      const kind = source.figure.kind;
      return this.unitsOf(kind).then((all) => {
        const units = all.filter((unit) => unitsMatch(kind, source.figure.unit, unit));
        return this.related(kind, source.context, { minimum: timed ? DISPUTE_MINIMUM.timed : DISPUTE_MINIMUM.untimed, bothWays: true, timed, target: source.context.isTarget, units }, rarity, registry).then(addAll);
      });
    });
    lap("retrievalMs");
    if (documents.size > before) {
      phases.passes = 2;
      index = await this.workingIndex(documents, subjects, snapshot, registry, counts, ordinary, phases, read, local);
      lap("indexMs");
      findings = checkDocument(index, draft, options);
      lap("checkMs");
    }
    phases.lines = documents.size;
    return { findings, index, phases };
  }

  /** The units the archive's figures of `kind` are stated in (read once per Archive). */
  private unitsOf(kind: FigureKind): Promise<string[]> {
    this.units ??= this.pool.query<{ kind: string; unit: string }>("SELECT kind, unit FROM figures GROUP BY kind, unit").then((result) => {
      const byKind = new Map<string, string[]>();
      for (const row of result.rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row.unit]);
      return byKind;
    });
    this.units.catch(() => (this.units = undefined));
    return this.units.then((byKind) => byKind.get(kind) ?? []);
  }

  private statistics(snapshot: Snapshot, registry: NameRegistry, counts: ReadonlyMap<string, number>, ordinary: ReadonlySet<string>, local?: CorpusIndex, documentTerms?: ReadonlyMap<string, string[]>, documentCapitals?: ReadonlyMap<string, ReadonlySet<string>>): CorpusStatistics {
    const own = local?.ownStatistics();
    return {
      // Archive documents come in part; local ones whole (their own lines give their terms and capitals).
      ...(documentTerms ? { documentTerms: (path: string) => documentTerms.get(path) } : {}),
      ...(documentCapitals ? { documentCapitals: (path: string) => documentCapitals.get(path) } : {}),
      sentenceCount: snapshot.sentenceCount + (local?.sentences.length ?? 0),
      sentencesWith: (term) => (counts.get(term) ?? 0) + (own?.sentencesWith.get(term) ?? 0),
      isOrdinaryWord: (word) => ordinary.has(word) || (own?.lowercaseWords.has(word) ?? false),
      names: registry,
      sourceCount: (key) => snapshot.names.sourceCount(key),
    };
  }

  /**
   * Which of `words` the archive writes in lower case, added to `found`; with the forms the checker
   * also asks about (a plural or singular: "employers", "employer").
   */
  private async ordinaryWords(words: Iterable<string>, found: Set<string>, asked: Set<string>): Promise<OrdinaryWords> {
    const missing = new Set<string>();
    for (const word of words) for (const form of [word, word.replace(/e?s$/, ""), `${word}s`]) if (!asked.has(form)) missing.add(form);
    if (missing.size > 0) {
      const rows = (await this.pool.query<{ word: string }>("SELECT word FROM ordinary_words WHERE word = ANY($1::text[])", [[...missing]])).rows;
      for (const form of missing) asked.add(form);
      for (const row of rows) found.add(row.word);
    }
    return Object.assign(found, { asked });
  }

  /** Sentence counts of terms over the archive, added to `counts` (terms already there are not asked again). */
  private async sentenceCounts(terms: Iterable<string>, counts: Map<string, number>): Promise<Map<string, number>> {
    const missing = [...terms].filter((t) => !counts.has(t));
    if (missing.length === 0) return counts;
    const rows = (await this.pool.query<{ term: string; sentences: number }>("SELECT term, sentences FROM term_stats WHERE term = ANY($1::text[])", [missing])).rows;
    for (const term of missing) counts.set(term, 0);
    for (const row of rows) counts.set(row.term, row.sentences);
    return counts;
  }

  /**
   * Documents with a figure of `kind` at least `minimum` alike `context` (and, with bothWays, the
   * other way round), scored in the database with the archive's term rarity. With `best`, only the
   * most alike of each list the checker ranks (see RelatedQuery), ties included.
   */
  private async related(kind: FigureKind, context: FigureContext, query: RelatedQuery, rarity: { idf(term: string): number }, registry: NameRegistry): Promise<Place[]> {
    const { total, terms } = draftWeights(rarity, context);
    if (total === 0) return [];
    const rows = terms.filter((t) => t.mass > 0).flatMap((t) => termVariants(t.term, registry).map((variant) => ({ ...t, variant, idf: rarity.idf(t.term) })));
    // A figure that shares none of the strongest terms cannot reach the minimum with the rest.
    const strongest = [...terms].filter((t) => t.mass > 0).sort((a, b) => b.weight * b.mass - a.weight * a.mass);
    let rest = strongest.reduce((sum, t) => sum + t.weight * t.mass, 0);
    const generators = new Set<string>();
    for (const t of strongest) {
      if (!query.bothWays && rest < query.minimum * total) break;
      for (const variant of termVariants(t.term, registry)) generators.add(`${kind}\u001e${variant}`);
      rest -= t.weight * t.mass;
    }
    if (generators.size === 0) return [];
    const time = query.time;
    const result = await this.pool.query<Place>(
      // Set-based: the candidates' terms joined once with the query's and (both ways) with their
      // rarity; a subquery per candidate made the server look each term up separately (3x slower).
      // The documents allowed are hashed (= ANY compared each figure with every one of them).
      // Ranked like the checker ranks them: the best `best` of all it accepts (no time or the
      // draft's), of those it may hold against a dated draft (the same time, or undated and
      // written then) and of the dated ones (which year the sources give a figure).
      `WITH q AS (SELECT * FROM unnest($2::text[], $3::float8[], $4::float8[], $5::float8[]) AS q(term, weight, mass, idf)),
         candidates AS (SELECT f.ctid AS id, f.document, f.line, f.terms, f.weights, f.time_from, f.time_to, f.target, f.value, f.upper, f.qualifier FROM figures f
                        WHERE f.kind = $1 AND f.keys && $6::text[] AND ($7::boolean IS NULL OR (f.time_from <> 0) = $7) AND ($12::int[] IS NULL OR f.document IN (SELECT unnest($12::int[])))
                          AND ($13::text[] IS NULL OR f.unit = ANY($13::text[])) AND ($19::boolean IS NULL OR f.target = $19)),
         used AS (SELECT c.id, c.document, c.line, u.t, u.w FROM candidates c, unnest(c.terms, c.weights) AS u(t, w)),
         scored AS (SELECT used.id, min(used.document) AS document, min(used.line) AS line,
                           coalesce(sum(least(q.weight, used.w) * q.mass) FILTER (WHERE q.term IS NOT NULL), 0) AS ahead,
                           coalesce(sum(least(q.weight, used.w) * used.w * q.idf) FILTER (WHERE q.term IS NOT NULL), 0) AS behind,
                           coalesce(sum(used.w * used.w * greatest(0.05, ln(($11::float8 + 1) / (ts.sentences + 0.5)))) FILTER (WHERE ts.term IS NOT NULL), 0) AS norm
                    FROM used LEFT JOIN q ON q.term = used.t LEFT JOIN term_stats ts ON $9 AND ts.term = used.t GROUP BY used.id),
         passed AS (SELECT s.document, s.line, c.time_from, c.time_to, c.target, c.value, c.upper, c.qualifier,
                           greatest(s.ahead / $16::float8, CASE WHEN $9 AND s.norm > 0 THEN s.behind / s.norm ELSE 0 END) AS score
                    FROM scored s JOIN candidates c ON c.id = s.id WHERE s.ahead >= $8 OR ($9 AND s.behind >= $10 * s.norm)),
         classed AS (SELECT p.document, p.line, p.score,
                            ($14::int IS NULL OR p.time_from = 0 OR (p.time_from = $14 AND p.time_to = $15)) AS fits,
                            -- plausibleRivals, widened: within ten times the draft's value, or a slip of a thousand.
                            ($18::float8 IS NULL OR $18 = 0 OR p.value = 0 OR abs(p.value) BETWEEN $18 / 10.001 AND $18 * 10.001 OR abs(abs(p.value) / $18 - 1000) < 1 OR abs($18 / abs(p.value) - 1000) < 1) AS rival,
                            ($14::int IS NULL OR (p.time_from = $14 AND p.time_to = $15) OR (p.time_from = 0 AND NOT p.target AND EXISTS (SELECT 1 FROM documents d WHERE d.id = p.document AND ((d.date->>'year')::int BETWEEN $14 AND $15 OR ((d.date->>'year')::int = $15 + 1 AND coalesce((d.date->>'month')::int, 12) <= 3))))) AS comparable,
                            ($14::int IS NOT NULL AND p.time_from <> 0) AS dated,
                            -- valuesAgree, widened: the source's interval (intervalOf: an exact value's slack at most 2%) meets the
                            -- draft's, or both are bounds the same way (compared within their rounding).
                            ($20::float8 IS NULL OR p.value < 0 OR p.qualifier = ANY($22::text[])
                              OR ((CASE p.qualifier WHEN 'less-than' THEN 0.5 WHEN 'at-most' THEN 0.5 WHEN 'exact' THEN 0.98 ELSE 0.95 END) * p.value <= $21
                                  AND $20 <= (CASE p.qualifier WHEN 'more-than' THEN 1.5 WHEN 'at-least' THEN 1.5 WHEN 'exact' THEN 1.02 ELSE 1.05 END) * coalesce(p.upper, p.value))) AS near,
                            ($14::int IS NOT NULL AND p.time_from = $14 AND p.time_to = $15) AS same_time
                     FROM passed p),
         ranked AS (SELECT document, line, fits, fits AND rival AS fit_rival, fits AND rival AND comparable AS comparable, dated, fits AND near AS fit_near, same_time AND near AS same_near,
                           rank() OVER (PARTITION BY fits ORDER BY score DESC) AS by_fit,
                           rank() OVER (PARTITION BY fits AND near ORDER BY score DESC) AS by_near,
                           rank() OVER (PARTITION BY same_time AND near ORDER BY score DESC) AS by_same_near,
                           rank() OVER (PARTITION BY fits AND rival ORDER BY score DESC) AS by_rival,
                           rank() OVER (PARTITION BY fits AND rival AND comparable ORDER BY score DESC) AS by_comparable,
                           rank() OVER (PARTITION BY dated ORDER BY score DESC) AS by_dated
                    FROM classed)
       SELECT DISTINCT document, line FROM ranked
       WHERE $17::int IS NULL OR (fits AND by_fit <= $17) OR (fit_rival AND by_rival <= $17) OR (comparable AND by_comparable <= $17) OR (dated AND by_dated <= $17)
             OR (fit_near AND by_near <= $23) OR (same_near AND by_same_near <= $23)`,
      [
        kind,
        rows.map((r) => r.variant),
        rows.map((r) => r.weight),
        rows.map((r) => r.mass),
        rows.map((r) => r.idf),
        [...generators],
        query.timed ?? null,
        query.minimum * total,
        query.bothWays ?? false,
        query.minimum,
        (await this.load()).sentenceCount,
        query.within ?? null,
        query.units ?? null,
        time?.from ?? null,
        time?.to ?? null,
        total,
        query.best ?? null,
        query.rivalsOf ?? null,
        query.target ?? null,
        query.near?.lo ?? null,
        query.near?.hi ?? null,
        query.near?.sameWay ?? [],
        query.best === undefined ? null : Math.max(query.best, AGREEING_CANDIDATES),
      ],
    );
    return result.rows;
  }

  /**
   * Lines where the draft's titled people are named with a title (what title checks compare with):
   * with local folders every one (their statements count too), otherwise only those the title
   * check reads (titleLines).
   */
  private async documentsTitling(people: readonly NameMention[], registry: NameRegistry, everyLine: boolean): Promise<Place[]> {
    const keys = new Set<string>();
    const entities = new Set<string>();
    for (const person of people) {
      const entity = registry.get(person.key);
      if (!entity) continue;
      entities.add(entity.key);
      keys.add(entity.key);
      for (const alias of entity.aliases) keys.add(alias);
    }
    if (keys.size === 0) return [];
    if (everyLine) return (await this.pool.query<Place>("SELECT DISTINCT document, line FROM titled_mentions WHERE key = ANY($1::text[])", [[...keys]])).rows;
    const paragraphs = (
      await this.pool.query<TitledParagraph>(
        `SELECT p.document, d.path, p.first_line, p.text, CASE WHEN d.engine = $2 THEN p.extraction END AS extraction
         FROM (SELECT DISTINCT document, block_line FROM titled_mentions WHERE key = ANY($1::text[])) t
         JOIN paragraphs p ON p.document = t.document AND p.first_line = t.block_line JOIN documents d ON d.id = t.document`,
        [[...keys], engineVersion()],
      )
    ).rows;
    return [...titleLines(paragraphs, entities, registry)].map((place) => {
      const [document, line] = place.split(":").map(Number) as [number, number];
      return { document, line };
    });
  }

  /**
   * An index over the archive's lines `places` ("document:line"; the rest of each document left
   * blank, so lines keep their numbers), then the local documents, with the whole archive's
   * statistics. `subjects`: the terms a check may ask whole documents about.
   */
  private async workingIndex(places: ReadonlySet<string>, subjects: readonly string[], snapshot: Snapshot, registry: NameRegistry, counts: Map<string, number>, ordinary: OrdinaryWords, phases: CheckPhases, read: ReadSoFar, local?: CorpusIndex): Promise<CorpusIndex> {
    const started = performance.now();
    // Only what an earlier pass of this check did not read: a second pass adds a few lines.
    const newPlaces = [...places].filter((p) => !read.places.has(p));
    for (const place of newPlaces) read.places.add(place);
    const pairs = newPlaces.map((p) => p.split(":").map(Number) as [number, number]);
    const wanted = [pairs.map((p) => p[0]), pairs.map((p) => p[1])];
    const blocks = (
      await this.pool.query<{ document: number; block_line: number; terms: string[] | null }>(
        `SELECT f.document, f.block_line, f.terms FROM figures f JOIN unnest($1::int[], $2::int[]) AS u(d, l) ON f.document = u.d AND f.line = u.l
         UNION ALL
         SELECT t.document, t.block_line, NULL FROM titled_mentions t JOIN unnest($1::int[], $2::int[]) AS u(d, l) ON t.document = u.d AND t.line = u.l`,
        wanted,
      )
    ).rows;
    const newIds = [...new Set(pairs.map((p) => p[0]))].filter((id) => !read.documents.has(id));
    if (newIds.length > 0) {
      const found = (
        await this.pool.query<DocumentRow>(
          // The draft's terms each document uses (what the checker asks of whole documents), by one
          // hash join: INTERSECT per document hashed the draft's terms once for every document.
          `WITH wanted AS (SELECT unnest($2::text[]) AS term),
             used AS (SELECT d.id, array_agg(t.term) AS subjects FROM documents d CROSS JOIN LATERAL unnest(d.terms) AS t(term) JOIN wanted w ON w.term = t.term
                      WHERE d.id = ANY($1::int[]) GROUP BY d.id)
           SELECT d.id, d.path, d.title, d.date, d.line_count, d.hard_wrapped, d.size, d.mtime, d.engine, d.capitals, coalesce(u.subjects, '{}') AS subjects
           FROM documents d LEFT JOIN used u ON u.id = d.id WHERE d.id = ANY($1::int[])`,
          [newIds, subjects],
        )
      ).rows;
      for (const row of found) read.documents.set(row.id, row);
    }
    const rows = [...read.documents.values()];
    const needed = new Set<string>();
    const paragraphKeys = new Set<string>();
    for (const row of blocks) {
      paragraphKeys.add(`${row.document}:${row.block_line}`);
      for (const term of row.terms ?? []) {
        needed.add(term);
        needed.add(settledTerm(term, registry));
      }
    }
    const paragraphPairs = [...paragraphKeys].filter((key) => !read.reached.has(key)).map((p) => p.split(":").map(Number) as [number, number]);
    for (const [document, line] of paragraphPairs) read.reached.add(`${document}:${line}`);
    const paragraphs = (
      await this.pool.query<ParagraphRow>(
        // With the paragraphs around each within the checker's reach (a subject carried over, a refutation that follows).
        `SELECT DISTINCT p.document, p.first_line, p.text, p.extraction
         FROM paragraphs n JOIN unnest($1::int[], $2::int[]) AS u(d, l) ON n.document = u.d AND n.first_line = u.l
         JOIN paragraphs p ON p.document = n.document AND p.first_line BETWEEN n.reach_from AND n.reach_to`,
        [paragraphPairs.map((p) => p[0]), paragraphPairs.map((p) => p[1])],
      )
    ).rows.filter((row) => !read.paragraphs.has(`${row.document}:${row.first_line}`));
    for (const row of paragraphs) read.paragraphs.set(`${row.document}:${row.first_line}`, row);
    // Extractions are replayed only when this engine made them (paragraph text -> figures and names).
    const current = new Set(rows.filter((row) => row.engine === engineVersion()).map((row) => row.id));
    const stored = new Map<string, string>();
    const textOf = new Map<number, Map<number, string>>();
    for (const row of read.paragraphs.values()) {
      let byLine = textOf.get(row.document);
      if (!byLine) textOf.set(row.document, (byLine = new Map()));
      byLine.set(row.first_line, row.text);
      if (current.has(row.document)) stored.set(row.text.replace(/\n/g, " "), row.extraction);
    }
    const replay: LineExtractor = (paragraph) => {
      const extraction = stored.get(paragraph);
      if (extraction === undefined) return extractLine(paragraph);
      return JSON.parse(extraction) as ReturnType<LineExtractor>;
    };
    // The checker asks about the words of the source sentences too (is a word known, ordinary):
    // answered for all of them, as a local index answers over its whole corpus (those of the
    // paragraphs an earlier pass read are answered already).
    const sourceWords = new Set<string>();
    for (const row of paragraphs) {
      for (const token of wordTokens(row.text.replace(/\n/g, " "))) {
        sourceWords.add(token.word);
        if (token.term) needed.add(token.term);
      }
    }
    await this.ordinaryWords(sourceWords, ordinary, ordinary.asked);
    await this.sentenceCounts(needed, counts);
    phases.readMs += performance.now() - started;
    const localPaths = new Set(local?.documents.map((d) => d.path) ?? []);
    const fromArchive = rows.filter((row) => !localPaths.has(row.path)).sort((a, b) => compareDocumentPaths(a.path, b.path));
    const documents: SourceDocument[] = fromArchive.map((row) => {
      const text = new Array<string>(row.line_count).fill("");
      // Whole paragraphs, at their lines: their sentences read as in the whole document.
      for (const [first, paragraph] of textOf.get(row.id) ?? []) paragraph.split("\n").forEach((line, k) => (text[first + k] = line));
      return { path: row.path, absolutePath: row.path, title: row.title, ...(row.date ? { date: row.date } : {}), lines: text, hardWrapped: row.hard_wrapped, size: row.size, mtimeMs: row.mtime };
    });
    const documentTerms = new Map(fromArchive.map((row) => [row.path, row.subjects]));
    // Whether a sentence's first word names someone is read off the whole document's capitals.
    const documentCapitals = new Map(fromArchive.map((row) => [row.path, new Set(row.capitals)]));
    return CorpusIndex.build([...documents, ...(local?.documents ?? [])], local?.skipped ?? [], undefined, replay, this.statistics(snapshot, registry, counts, ordinary, local, documentTerms, documentCapitals));
  }
}

/** Runs `work` on every item, a few at a time: as many as the pool has connections to spare. */
async function inTurn<T>(items: readonly T[], work: (item: T) => Promise<unknown> | undefined, parallel = 4): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, lane));
}

/**
 * What a source figure must state to agree with `figure` (valuesAgree), widened: its interval
 * (intervalOf) within reach of [lo, hi], or a bound the same way (qualifiers `sameWay`). None for dates.
 */
function nearValues(figure: DraftFigure["figure"]): { near?: { lo: number; hi: number; sameWay: string[] } } {
  if (figure.kind === "date" || figure.value <= 0) return {};
  const upper = figure.upper ?? figure.value;
  const up = figure.qualifier === "more-than" || figure.qualifier === "at-least";
  const down = figure.qualifier === "less-than" || figure.qualifier === "at-most";
  const lo = down ? figure.value * 0.5 : figure.value * (figure.qualifier === "approximately" ? 0.95 : 0.98);
  const hi = up ? upper * 1.5 : upper * (figure.qualifier === "approximately" ? 1.05 : 1.02);
  return { near: { lo, hi, sameWay: up ? ["more-than", "at-least"] : down ? ["less-than", "at-most"] : [] } };
}

function idfOf(statistics: CorpusStatistics, term: string): number {
  // As CorpusIndex.idf computes it over the whole corpus.
  const df = statistics.sentencesWith(term);
  if (df === 0) return 0;
  return Math.max(0.05, Math.log((statistics.sentenceCount + 1) / (df + 0.5)));
}

/** An entity term as the archive stores it may be any alias of the entity ("@lam" for "@to lam"). */
function termVariants(term: string, registry: NameRegistry): string[] {
  if (!term.startsWith("@")) return [term];
  const entity = registry.get(term.slice(1));
  return entity ? [...new Set([term, `@${entity.key}`, ...entity.aliases.map((a) => `@${a}`)])] : [term];
}

/** A stored entity term as the index keys it once aliases are settled. */
function settledTerm(term: string, registry: NameRegistry): string {
  if (!term.startsWith("@")) return term;
  const key = term.slice(1);
  return `@${registry.resolveAlias(key) ?? key}`;
}

/** The archive's registry with the local folders' names added, settled again over both. */
function combinedRegistry(archive: RestoredNames, local: CorpusIndex): NameRegistry {
  const registry = new NameRegistry();
  for (const entity of archive.registry.all()) {
    for (const { title, count } of entity.titles) for (let i = 0; i < count; i++) registry.add({ key: entity.key, kind: entity.kind, text: entity.canonical, start: 0, end: 0, title }, entity.mentions[0] ?? { path: "", line: 0, sentence: "" });
    registry.add({ key: entity.key, kind: entity.kind, text: entity.canonical, start: 0, end: 0 }, entity.mentions[0] ?? { path: "", line: 0, sentence: "" });
  }
  for (const entity of local.names.all()) {
    for (const mention of entity.mentions) registry.add({ key: entity.key, kind: entity.kind, text: mention.text, start: 0, end: 0 }, mention);
    for (const { title, count } of entity.titles) for (let i = 0; i < count; i++) registry.add({ key: entity.key, kind: entity.kind, text: entity.canonical, start: 0, end: 0, title }, entity.mentions[0] ?? { path: "", line: 0, sentence: "" });
  }
  registry.finalize();
  return registry;
}
