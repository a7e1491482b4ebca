// Generates benchmark corpora, a draft and search queries from the bundled articles, deterministically
// from a seed. Articles are recombined and varied (people, places, sectors, figures, dates, sentence
// and paragraph order) so the index sees fresh names and values rather than the same text repeated.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { Random } from "./random.js";

interface Article {
  title: string;
  paragraphs: string[];
}

/** People of the bundled corpus: full name, the short form used alone, and the naming pattern. */
const PEOPLE: Array<{ full: string; short: string; style: "vn" | "kr" }> = [
  { full: "Pham Minh Chinh", short: "Chinh", style: "vn" },
  { full: "Nguyen Vu Tung", short: "Tung", style: "vn" },
  { full: "Vo Van Thuong", short: "Thuong", style: "vn" },
  { full: "Tô Lâm", short: "Lâm", style: "vn" },
  { full: "To Lam", short: "Lam", style: "vn" },
  { full: "Woo Won-shik", short: "Woo", style: "kr" },
  { full: "Kim Min Seok", short: "Kim", style: "kr" },
  { full: "Yoon Suk Yeol", short: "Yoon", style: "kr" },
  { full: "Lee Jae Myung", short: "Lee", style: "kr" },
];

const VN_FAMILY = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly", "Trinh", "Dinh", "Mai", "Truong", "Phan", "Vo", "Ha"];
const VN_MIDDLE = ["Van", "Thi", "Minh", "Duc", "Quoc", "Thanh", "Huu", "Ngoc", "Xuan", "Dinh", "Hong", "Kim", "Anh", "Bao", "Gia"];
const VN_GIVEN = ["An", "Binh", "Cuong", "Dung", "Hai", "Hung", "Lan", "Long", "Nam", "Phong", "Quang", "Son", "Tam", "Thao", "Tuan", "Viet", "Khanh", "Hieu", "Trung", "Nghia", "Phuc", "Thang", "Vinh", "Hoa", "Linh", "Huong", "Dat", "Khoa", "Tien", "Loc"];
const KR_FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Hong", "Baek"];
const KR_GIVEN_A = ["Min", "Seo", "Ji", "Hyun", "Jae", "Sung", "Dong", "Young", "Eun", "Hye", "Joon", "Tae", "Kyung", "Sang", "Woo", "Ha"];
const KR_GIVEN_B = ["jun", "yeon", "ho", "woo", "hee", "min", "soo", "jin", "hoon", "ah", "bin", "seok", "gyu", "won", "young", "chul"];

/** Words swapped for others of the same sort, so vocabulary and contexts vary between documents. */
const SWAPS: Array<{ words: string[]; pool: string[] }> = [
  {
    words: ["semiconductors", "agricultural", "seafood", "tourism", "textiles", "electronics", "energy", "infrastructure"],
    pool: ["semiconductors", "agricultural", "seafood", "tourism", "textiles", "electronics", "energy", "infrastructure", "shipbuilding", "logistics", "pharmaceuticals", "fintech", "robotics", "aquaculture", "steel", "batteries", "cosmetics", "coffee", "rice", "furniture", "footwear", "chemicals", "telecoms", "biotech", "aviation", "automotive", "hydrogen", "solar", "wind", "rubber"],
  },
  {
    words: ["Hanoi", "Seoul", "HCMC", "Busan", "Da Nang", "Hai Phong"],
    pool: ["Hanoi", "Seoul", "HCMC", "Busan", "Da Nang", "Hai Phong", "Incheon", "Daegu", "Can Tho", "Hue", "Nha Trang", "Gwangju", "Ulsan", "Bac Ninh", "Quang Ninh", "Daejeon", "Vung Tau", "Thai Nguyen", "Suwon", "Dong Nai"],
  },
  {
    words: ["Samsung", "LG", "Hyundai", "Lotte", "SK"],
    pool: ["Samsung", "LG", "Hyundai", "Lotte", "SK", "Hanwha", "Posco", "Doosan", "CJ", "GS", "Kumho", "Hyosung", "Vingroup", "Viettel", "FPT", "Masan", "Vinamilk", "PetroVietnam", "EVN", "Sovico"],
  },
];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function readArticles(corpusDir: string): Article[] {
  return readdirSync(corpusDir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => {
      const lines = readFileSync(path.join(corpusDir, name), "utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
      return { title: lines[0] ?? name, paragraphs: lines.slice(1) };
    });
}

function personName(random: Random, style: "vn" | "kr"): { full: string; short: string } {
  if (style === "vn") {
    const given = random.pick(VN_GIVEN);
    return { full: `${random.pick(VN_FAMILY)} ${random.pick(VN_MIDDLE)} ${given}`, short: given };
  }
  const family = random.pick(KR_FAMILY);
  const given = random.chance(0.5) ? `${random.pick(KR_GIVEN_A)}-${random.pick(KR_GIVEN_B)}` : `${random.pick(KR_GIVEN_A)} ${capitalise(random.pick(KR_GIVEN_B))}`;
  return { full: `${family} ${given}`, short: family };
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/** One document's choices: who the people are, which words stand in, how years and figures shift. */
class Variation {
  private readonly replacements: Array<{ pattern: RegExp; value: string }> = [];
  private readonly yearShift: number;
  private readonly monthShift: number;

  constructor(private readonly random: Random) {
    for (const person of PEOPLE) {
      const name = personName(random, person.style);
      this.replacements.push({ pattern: new RegExp(`(?<![\\p{L}])${escapeRegExp(person.full)}(?![\\p{L}])`, "gu"), value: name.full });
      this.replacements.push({ pattern: new RegExp(`(?<![\\p{L}])${escapeRegExp(person.short)}(?![\\p{L}-])`, "gu"), value: name.short });
    }
    for (const swap of SWAPS) {
      for (const word of swap.words) this.replacements.push({ pattern: new RegExp(`\\b${escapeRegExp(word)}\\b`, "g"), value: random.pick(swap.pool) });
    }
    this.yearShift = random.int(-4, 4);
    this.monthShift = random.int(0, 11);
  }

  apply(text: string): string {
    let out = text;
    for (const { pattern, value } of this.replacements) out = out.replace(pattern, value);
    out = out.replace(new RegExp(`\\b(${MONTHS.join("|")})\\b`, "g"), (month) => MONTHS[(MONTHS.indexOf(month) + this.monthShift) % 12]!);
    return out.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g, (match, offset: number, whole: string) => this.figure(match, whole, offset));
  }

  private figure(match: string, whole: string, offset: number): string {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + match.length] ?? "";
    const plain = Number(match.replace(/,/g, ""));
    if (/^(19|20)\d\d$/.test(match)) return String(plain + this.yearShift);
    // Parts of times and numeric dates ("03:17", "11/10/2023") stay as they are.
    if (/[:/]/.test(before) || /[:/]/.test(after) || /[\p{L}]/u.test(before)) return match;
    const precedingWord = /(\p{L}+)\s$/u.exec(whole.slice(Math.max(0, offset - 12), offset))?.[1];
    if (precedingWord && MONTHS.includes(precedingWord) && plain <= 31) return String(this.random.int(1, 28));
    if (plain === 0) return match;
    const decimals = match.includes(".") ? match.split(".")[1]!.length : 0;
    const scaled = plain <= 12 && decimals === 0 ? this.random.int(1, 12) : plain * (0.6 + this.random.next());
    const fixed = scaled.toFixed(decimals);
    if (!match.includes(",")) return fixed;
    const [integer, fraction] = fixed.split(".");
    return integer!.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction ? `.${fraction}` : "");
  }
}

function shuffleSentences(random: Random, paragraph: string): string {
  const sentences = paragraph.split(/(?<=[.!?])\s+(?=[A-Z"“])/);
  return sentences.length > 1 && random.chance(0.5) ? random.shuffle(sentences).join(" ") : paragraph;
}

/** One generated source document: a title and paragraphs drawn from one to three articles. */
function generateDocument(random: Random, articles: readonly Article[], serial: number): string {
  const variation = new Variation(random);
  const sources = random.shuffle(articles).slice(0, random.int(1, 3));
  const paragraphs = random.shuffle(sources.flatMap((a) => a.paragraphs.filter(() => random.chance(0.75))));
  const date = `${random.int(2015, 2025)}-${String(random.int(1, 12)).padStart(2, "0")}-${String(random.int(1, 28)).padStart(2, "0")}`;
  const title = variation.apply(sources[0]!.title);
  const body = paragraphs.map((p) => variation.apply(shuffleSentences(random, p)));
  return [`${title} (${serial})`, "", date, "", ...body.flatMap((p) => [p, ""])].join("\n");
}

export interface GeneratedCorpus {
  dir: string;
  files: number;
  bytes: number;
}

/** Writes documents into `dir` until they total `megabytes`. The same seed gives the same files. */
export function generateCorpus(articles: readonly Article[], dir: string, megabytes: number, seed: number): GeneratedCorpus {
  rmSync(dir, { recursive: true, force: true });
  const random = new Random(seed);
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  let files = 0;
  while (bytes < target) {
    const text = generateDocument(random, articles, files);
    // A hundred documents a folder, like a real archive.
    const folder = path.join(dir, `part-${String(Math.floor(files / 100)).padStart(3, "0")}`);
    if (files % 100 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `doc-${String(files).padStart(5, "0")}.txt`), text);
    bytes += Buffer.byteLength(text);
    files++;
  }
  return { dir, files, bytes };
}

/**
 * A Markdown draft of about `words` words: paragraphs taken from generated documents (mostly
 * supported), some with a figure changed (contradicted), under headings every few paragraphs.
 * Without `vary`, the paragraphs are the articles' own (real text).
 */
export function generateDraft(articles: readonly Article[], words: number, seed: number, vary = true): string {
  const random = new Random(seed);
  const out: string[] = [vary ? "# Vietnam and South Korea: a briefing" : "# A briefing", ""];
  let count = 0;
  let paragraphs = 0;
  while (count < words) {
    // The variation first, as before: a seed gives the same generated draft as it always did.
    const variation = vary ? new Variation(random) : undefined;
    const picked = random.pick(random.pick(articles).paragraphs);
    let paragraph = variation ? variation.apply(picked) : picked;
    if (paragraph.split(/\s+/).length < 12) continue;
    if (paragraphs % 3 === 2) paragraph = paragraph.replace(/\d+/, (d) => String(Number(d) + 7));
    if (paragraphs % 6 === 0) out.push(`## Section ${paragraphs / 6 + 1}`, "");
    out.push(paragraph, "");
    count += paragraph.split(/\s+/).length;
    paragraphs++;
  }
  return out.join("\n");
}

/** Queries a user might type into search: names, two-word phrases and single words from the sources. */
export function generateQueries(articles: readonly Article[], count: number, seed: number, vary = true): string[] {
  const random = new Random(seed);
  const queries = new Set<string>();
  while (queries.size < count) {
    const variation = vary ? new Variation(random) : undefined;
    const picked = random.pick(random.pick(articles).paragraphs);
    const paragraph = variation ? variation.apply(picked) : picked;
    const words = paragraph.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")).filter((w) => w.length > 3);
    if (words.length < 4) continue;
    const start = random.int(0, words.length - 3);
    const length = random.pick([1, 2, 2, 3]);
    queries.add(words.slice(start, start + length).join(" "));
  }
  return [...queries];
}

// `node --import tsx bench/generate.ts OUT_DIR MEGABYTES [SEED]` writes one corpus (for trying things by hand).
if (require.main === module) {
  const [out, megabytes, seed] = process.argv.slice(2);
  if (!out || !megabytes) {
    process.stderr.write("usage: generate.ts OUT_DIR MEGABYTES [SEED]\n");
    process.exit(2);
  }
  const articles = readArticles(path.resolve(__dirname, "..", "corpus"));
  const result = generateCorpus(articles, path.resolve(out), Number(megabytes), Number(seed ?? 1));
  process.stdout.write(`${result.files} files, ${(result.bytes / 1048576).toFixed(1)} MB in ${result.dir}\n`);
}
