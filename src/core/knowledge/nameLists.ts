// General English word lists for names: what ends an organisation's name, and capitalised
// words that name nothing. Places come from a data package (knowledge/places.ts), titles from
// a grammar (knowledge/titles.ts), everything else from the corpus itself.

/** Words that end an organisation's name. */
export const ORGANISATION_HEADS = new Set([
  "assembly", "ministry", "party", "council", "bank", "corporation", "corp", "group", "association", "union", "committee",
  "agency", "organization", "organisation", "forum", "government", "office", "institute", "university", "company", "display",
  "electronics", "motors", "fund", "commission", "federation", "chamber", "summit", "centre", "center",
  "administration", "department", "authority", "bureau", "board", "service", "court", "senate", "congress", "parliament",
  "foundation", "coalition", "alliance", "network", "reserve", "school", "college", "academy", "inc", "ltd", "llc", "plc",
]);

/** Capitalised words that start sentences or headings without naming anything. */
export const NOT_NAMES = new Set([
  "the", "a", "an", "this", "that", "these", "those", "both", "however", "but", "and", "in", "on", "at", "for", "with", "by",
  "from", "as", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "there", "here", "first", "second", "third",
  "finally", "overview", "read", "other", "trending", "news", "photos", "also", "accordingly", "thus", "therefore", "more",
  "special", "new", "trade", "economic", "energy", "science", "official", "bilateral", "key", "latest", "skip", "create",
  "regarding", "based", "following", "recognizing", "recognized", "of", "if", "when", "while", "after", "before",
]);
