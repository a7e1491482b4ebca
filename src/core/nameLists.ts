// Word lists for names: titles, places with their aliases, organisations, agreements, surnames.
import type { NameKind } from "./types.js";

/** Titles as written (folded, space-separated) -> the normalised title. Longest phrases are tried first. */
export const TITLES: Record<string, string> = {
  "party general secretary": "general secretary",
  "general secretary": "general secretary",
  "secretary general": "general secretary",
  "secretary-general": "general secretary",
  "party chief": "general secretary",
  "party leader": "general secretary",
  "deputy prime minister": "deputy prime minister",
  "deputy pm": "deputy prime minister",
  "prime minister": "prime minister",
  pm: "prime minister",
  premier: "prime minister",
  "vice president": "vice president",
  president: "president",
  "national assembly speaker": "speaker",
  "national assembly chairman": "speaker",
  speaker: "speaker",
  ambassador: "ambassador",
  "foreign minister": "foreign minister",
  "minister of foreign affairs": "foreign minister",
  "deputy minister": "deputy minister",
  minister: "minister",
  chairman: "chairman",
  chairwoman: "chairman",
  chair: "chairman",
  ceo: "chief executive",
  "chief executive": "chief executive",
  governor: "governor",
  mayor: "mayor",
  king: "king",
  queen: "queen",
  chancellor: "chancellor",
  senator: "senator",
  general: "general",
  mr: "",
  mrs: "",
  ms: "",
  dr: "",
};

export interface GazetteerEntry {
  canonical: string;
  kind: NameKind;
  aliases: string[];
}

/** Known places, organisations and agreements, each with the ways it is written. */
export const GAZETTEER: GazetteerEntry[] = [
  { canonical: "Vietnam", kind: "place", aliases: ["vietnam", "viet nam", "socialist republic of vietnam"] },
  { canonical: "South Korea", kind: "place", aliases: ["south korea", "korea", "rok", "republic of korea", "the republic of korea"] },
  { canonical: "North Korea", kind: "place", aliases: ["north korea", "dprk"] },
  { canonical: "Seoul", kind: "place", aliases: ["seoul"] },
  { canonical: "Hanoi", kind: "place", aliases: ["hanoi", "ha noi"] },
  { canonical: "Ho Chi Minh City", kind: "place", aliases: ["ho chi minh city", "hcmc", "saigon"] },
  { canonical: "Hai Phong", kind: "place", aliases: ["hai phong", "haiphong"] },
  { canonical: "Da Nang", kind: "place", aliases: ["da nang", "danang"] },
  { canonical: "Busan", kind: "place", aliases: ["busan"] },
  { canonical: "United States", kind: "place", aliases: ["united states", "usa", "u.s.", "america"] },
  { canonical: "China", kind: "place", aliases: ["china", "people's republic of china"] },
  { canonical: "Japan", kind: "place", aliases: ["japan"] },
  { canonical: "India", kind: "place", aliases: ["india"] },
  { canonical: "Singapore", kind: "place", aliases: ["singapore"] },
  { canonical: "Thailand", kind: "place", aliases: ["thailand"] },
  { canonical: "Indonesia", kind: "place", aliases: ["indonesia"] },
  { canonical: "Malaysia", kind: "place", aliases: ["malaysia"] },
  { canonical: "Philippines", kind: "place", aliases: ["philippines", "the philippines"] },
  { canonical: "Cambodia", kind: "place", aliases: ["cambodia"] },
  { canonical: "Laos", kind: "place", aliases: ["laos", "lao pdr"] },
  { canonical: "Australia", kind: "place", aliases: ["australia"] },
  { canonical: "Russia", kind: "place", aliases: ["russia"] },
  { canonical: "Germany", kind: "place", aliases: ["germany"] },
  { canonical: "France", kind: "place", aliases: ["france"] },
  { canonical: "United Kingdom", kind: "place", aliases: ["united kingdom", "britain", "uk"] },
  { canonical: "European Union", kind: "organisation", aliases: ["european union", "eu"] },
  { canonical: "Southeast Asia", kind: "place", aliases: ["southeast asia", "south-east asia"] },
  { canonical: "Asia", kind: "place", aliases: ["asia"] },
  { canonical: "Africa", kind: "place", aliases: ["africa"] },
  { canonical: "Europe", kind: "place", aliases: ["europe"] },
  { canonical: "Mekong", kind: "place", aliases: ["mekong", "mekong sub-region"] },
  { canonical: "East Sea", kind: "place", aliases: ["east sea", "south china sea"] },
  { canonical: "Korean Peninsula", kind: "place", aliases: ["korean peninsula"] },
  { canonical: "Indo-Pacific", kind: "place", aliases: ["indo-pacific"] },
  { canonical: "United Nations", kind: "organisation", aliases: ["united nations", "un"] },
  { canonical: "United Nations Security Council", kind: "organisation", aliases: ["united nations security council", "un security council", "security council"] },
  { canonical: "ASEAN", kind: "organisation", aliases: ["asean", "association of southeast asian nations"] },
  { canonical: "APEC", kind: "organisation", aliases: ["apec", "asia-pacific economic cooperation"] },
  { canonical: "National Assembly", kind: "organisation", aliases: ["national assembly"] },
  { canonical: "Communist Party of Vietnam", kind: "organisation", aliases: ["communist party of vietnam", "communist party"] },
  { canonical: "World Bank", kind: "organisation", aliases: ["world bank"] },
  { canonical: "International Monetary Fund", kind: "organisation", aliases: ["international monetary fund", "imf"] },
  { canonical: "World Trade Organization", kind: "organisation", aliases: ["world trade organization", "wto"] },
  { canonical: "International Tribunal for the Law of the Sea", kind: "organisation", aliases: ["international tribunal for the law of the sea"] },
  { canonical: "Samsung", kind: "organisation", aliases: ["samsung", "samsung electronics"] },
  { canonical: "LG", kind: "organisation", aliases: ["lg", "lg electronics", "lg display"] },
  { canonical: "Hyundai", kind: "organisation", aliases: ["hyundai"] },
  { canonical: "Comprehensive Strategic Partnership", kind: "agreement", aliases: ["comprehensive strategic partnership"] },
  { canonical: "Strategic Partnership", kind: "agreement", aliases: ["strategic partnership"] },
  { canonical: "Employment Permit System", kind: "agreement", aliases: ["employment permit system", "eps", "memorandum of understanding on the employment permit system"] },
  { canonical: "RCEP", kind: "agreement", aliases: ["rcep", "regional comprehensive economic partnership"] },
  { canonical: "CPTPP", kind: "agreement", aliases: ["cptpp", "comprehensive and progressive agreement for trans-pacific partnership"] },
  { canonical: "IPEF", kind: "agreement", aliases: ["ipef", "indo-pacific economic framework"] },
  { canonical: "Indo-Pacific Strategy", kind: "agreement", aliases: ["indo-pacific strategy"] },
  { canonical: "Vietnam-Korea Free Trade Agreement", kind: "agreement", aliases: ["vkfta", "vietnam-korea free trade agreement", "free trade agreement", "fta"] },
  { canonical: "Power Plan VIII", kind: "agreement", aliases: ["power plan viii", "pdp8", "pdp viii"] },
];

/** Surnames that make an untitled capitalised pair a person ("Woo Won-shik", "Nguyen Vu Tung"). */
export const SURNAMES = new Set([
  "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "to",
  "dinh", "truong", "luong", "mai", "trinh", "kim", "lee", "park", "choi", "jung", "chung", "kang", "cho", "yoon", "yun", "jang",
  "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo", "hong", "moon", "woo", "xi", "li", "wang", "zhang",
]);

/** Words that end an organisation's name. */
export const ORGANISATION_HEADS = new Set([
  "assembly", "ministry", "party", "council", "bank", "corporation", "corp", "group", "association", "union", "committee",
  "agency", "organization", "organisation", "forum", "government", "office", "institute", "university", "company", "display",
  "electronics", "motors", "fund", "commission", "federation", "chamber", "summit", "centre", "center",
]);

/** Capitalised words that start sentences or headings without naming anything. */
export const NOT_NAMES = new Set([
  "the", "a", "an", "this", "that", "these", "those", "both", "however", "but", "and", "in", "on", "at", "for", "with", "by",
  "from", "as", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "there", "here", "first", "second", "third",
  "finally", "overview", "read", "other", "trending", "news", "photos", "also", "accordingly", "thus", "therefore", "more",
  "special", "new", "trade", "economic", "energy", "science", "official", "bilateral", "key", "latest", "skip", "create",
  "regarding", "based", "following", "recognizing", "recognized", "of", "if", "when", "while", "after", "before",
]);
