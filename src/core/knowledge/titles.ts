// Titles and roles as a small grammar rather than a list of phrases:
//   [temporal or honorific] [domain words] [rank words] head ["of"/"for"/"to" domain]
// "former Deputy Secretary of the Treasury", "NEC Director", "South Carolina Congressman",
// "Chief Justice". A title is kept as one normalised string, "rank head of domain"
// ("deputy secretary of treasury"), that `titlesCompatible` reads back.

/** Written heads (folded, without dots) -> the office they name. Several words: joined by spaces. */
const HEADS: Record<string, string> = {};
function heads(office: string, ...forms: string[]): void {
  for (const form of [office, ...forms]) {
    HEADS[form] = office;
    // "Chief Executive Officers and Chairs": a plural is the office too, never a name.
    if (form.length > 3 && !form.endsWith("s")) HEADS[`${form}s`] ??= office;
  }
}
heads("president", "pres");
heads("minister");
heads("prime minister", "pm", "premier");
heads("secretary", "sec");
heads("general secretary", "secretary general", "secretary-general");
heads("director");
heads("administrator");
heads("commissioner");
heads("senator", "sen");
heads("representative", "rep", "congressman", "congresswoman", "congressperson", "congressmember", "member of congress");
heads("member of parliament", "mp");
heads("delegate");
heads("governor", "gov");
heads("mayor");
heads("ambassador", "amb");
heads("envoy");
heads("consul");
heads("consul general");
heads("chair", "chairman", "chairwoman", "chairperson");
heads("chief executive", "ceo", "chief executive officer");
heads("chief financial officer", "cfo");
heads("chief operating officer", "coo");
heads("chief technology officer", "cto");
heads("chief of staff");
heads("speaker");
heads("leader");
heads("whip");
heads("chancellor");
heads("attorney general");
heads("solicitor general");
heads("surgeon general");
heads("inspector general");
heads("postmaster general");
heads("comptroller");
heads("treasurer");
heads("spokesperson", "spokesman", "spokeswoman");
heads("adviser", "advisor");
heads("counselor", "counsellor");
heads("coordinator");
heads("king");
heads("queen");
heads("prince");
heads("princess");
heads("emperor");
heads("empress");
heads("sultan");
heads("emir");
heads("pope");
heads("cardinal");
heads("archbishop");
heads("bishop");
heads("reverend", "rev");
heads("rabbi");
heads("general", "gen");
heads("admiral", "adm");
heads("colonel", "col");
heads("captain", "capt");
heads("sergeant", "sgt");
heads("commander", "cmdr");
heads("marshal");
heads("judge");
heads("justice");
heads("magistrate");
heads("professor", "prof");
heads("dean");
heads("founder");
heads("economist");
heads("superintendent");
heads("sheriff");
heads("district attorney");
heads("prosecutor");

/** Words that make another office of the same head: a deputy secretary is not the secretary. */
const RANKS = new Set([
  "deputy", "vice", "assistant", "under", "associate", "principal", "lieutenant", "chief", "executive", "managing",
  "first", "majority", "minority", "ranking", "co",
]);
/** Words about when or how someone holds an office, not which office ("former", "acting"). */
const TEMPORAL = new Set(["former", "acting", "interim", "incoming", "outgoing", "then", "late", "current", "elect", "designate", "special", "presidential", "senior"]);
/** Courtesy words before a name: a person, no office ("Mr.", "His Majesty"). */
export const HONORIFICS = new Set(["mr", "mrs", "ms", "dr", "sir", "dame", "madam", "hon", "honorable", "honourable", "majesty", "excellency", "highness", "his", "her"]);

/** Words that name what an office is over, not a person: "Secretary of Homeland Security" has no name in it. */
export const DOMAIN_WORDS = new Set([
  "affairs", "security", "state", "treasury", "commerce", "defense", "defence", "energy", "agriculture", "labor", "labour",
  "education", "health", "transportation", "transport", "interior", "justice", "services", "service", "development",
  "management", "budget", "policy", "staff", "operations", "intelligence", "protection", "trade", "finance", "environment",
  "environmental", "homeland", "veterans", "housing", "urban", "human", "foreign", "economic", "economy", "national",
  "international", "public", "works", "resources", "administration", "reserve", "congress", "senate", "house",
  "parliament", "representatives", "court", "navy", "army", "force", "forces", "marine", "guard", "police",
  "communications", "science", "technology", "innovation", "industry", "planning", "investment", "information", "culture",
  "tourism", "sports", "youth", "women", "welfare", "immigration", "customs", "revenue", "statistics", "climate",
  "advisers", "advisors", "affair", "relations", "control", "cooperation", "infrastructure", "office", "department", "ministry",
  "council", "agency", "commission", "committee", "bureau", "board", "bank", "fund", "authority", "institute",
  "administration", "assembly", "party", "government", "union", "organization", "organisation", "corporation",
  "company", "group", "program", "programme", "initiative", "centre", "center", "university", "school", "staff",
]);

/** Words of a domain that say nothing about which one it is. */
const DOMAIN_FILLER = new Set(["the", "of", "and", "for", "on", "in", "to", "&", "department", "dept", "ministry", "s"]);

const MAX_HEAD_WORDS = Math.max(...Object.keys(HEADS).map((h) => h.split(" ").length));

export interface TitleParts {
  ranks: string[];
  head: string;
  domain: string[];
}

/** The office a folded phrase names ("chairwoman" -> "chair", "vice-chair" -> "vice chair"), if it is a head. */
export function headOf(phrase: string): string | undefined {
  const known = HEADS[phrase];
  if (known !== undefined || !phrase.includes("-")) return known;
  // "president-elect" is the president's office; "vice-chair" a rank of the chair's.
  const parts = phrase.split("-");
  if (parts.length === 2 && TEMPORAL.has(parts[1]!)) return HEADS[parts[0]!];
  if (parts.length === 2 && RANKS.has(parts[0]!) && HEADS[parts[1]!] !== undefined) return `${parts[0]} ${HEADS[parts[1]!]}`;
  return undefined;
}

export const isRank = (word: string) => RANKS.has(word);
export const isTemporal = (word: string) => TEMPORAL.has(word);
export { MAX_HEAD_WORDS };

/** The normalised title string for its parts. */
export function titleString(parts: TitleParts): string {
  const office = [...parts.ranks, parts.head].join(" ");
  const domain = parts.domain.filter((word) => !DOMAIN_FILLER.has(word));
  return domain.length > 0 ? `${office} of ${domain.join(" ")}` : office;
}

/** Reads a title string back into its parts; a bare honorific ("mr") has no office. */
export function parseTitle(title: string): TitleParts {
  // "chief of staff" and "member of congress" are offices with "of" inside: try each cut.
  const cuts: number[] = [];
  for (let k = title.indexOf(" of "); k >= 0; k = title.indexOf(" of ", k + 1)) cuts.push(k);
  cuts.push(title.length);
  for (const cut of cuts) {
    const parts = officeParts(title.slice(0, cut).split(" "));
    if (!parts) continue;
    const domain = [...parts.domain, ...(cut < title.length ? title.slice(cut + 4).split(" ") : [])].filter((word) => word.length > 0 && !DOMAIN_FILLER.has(word));
    return { ranks: parts.ranks, head: parts.head, domain };
  }
  return { ranks: [], head: HONORIFICS.has(title) || title === "" ? "" : title, domain: [] };
}

function officeParts(office: readonly string[]): TitleParts | undefined {
  for (let n = Math.min(MAX_HEAD_WORDS, office.length); n >= 1; n--) {
    const written = headOf(office.slice(office.length - n).join(" "));
    if (written === undefined) continue;
    // "vice-president" is read as the rank "vice" and the head "president".
    const headWords = written.split(" ");
    const before = office.slice(0, office.length - n).filter((word) => !TEMPORAL.has(word) && !HONORIFICS.has(word));
    while (headWords.length > 1 && RANKS.has(headWords[0]!) && HEADS[headWords.slice(1).join(" ")] !== undefined) before.push(headWords.shift()!);
    return { ranks: before.filter((word) => RANKS.has(word)).sort(), head: headWords.join(" "), domain: before.filter((word) => !RANKS.has(word)) };
  }
  return undefined;
}

/** Whether an acronym ("nec") is the initials of a domain ("national economic council"). */
function isAcronymOf(acronym: string, words: readonly string[]): boolean {
  if (words.length < 2 || acronym.length !== words.length) return false;
  return words.every((word, k) => word[0] === acronym[k]);
}

/** Whether two domains can name the same body: one says less than the other, or one is the other's acronym. */
export function domainsCompatible(a: readonly string[], b: readonly string[], sameBody?: (x: string, y: string) => boolean): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const x = a.join(" ");
  const y = b.join(" ");
  if (x === y || sameBody?.(x, y)) return true;
  if ((a.length === 1 && isAcronymOf(a[0]!, b)) || (b.length === 1 && isAcronymOf(b[0]!, a))) return true;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  const stems = new Set(large.map(stemish));
  return small.every((word) => stems.has(stemish(word)));
}

/** Enough of a stem to read "Economic Advisers" and "Economic Adviser" alike. */
const stemish = (word: string) => word.replace(/(?:ies|es|s)$/, "");

/** Whether a drafted title can describe someone the sources give `stated`. */
export function titlesCompatible(drafted: string, stated: string, sameBody?: (x: string, y: string) => boolean): boolean {
  const a = parseTitle(drafted);
  const b = parseTitle(stated);
  if (a.head === "" || b.head === "") return true;
  if (a.head !== b.head) return false;
  if (a.ranks.join(" ") !== b.ranks.join(" ")) return false;
  return domainsCompatible(a.domain, b.domain, sameBody);
}
