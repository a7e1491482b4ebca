// Countries, their short forms and demonyms, from the world-countries data package (ODbL-1.0,
// mledoze/countries), so that "Viet Nam", "Vietnam" and "Vietnamese", or "U.S.", "USA" and
// "American", name one place whatever the corpus is about.
import countries from "world-countries";
import { fold } from "../extract/normalize.js";

export interface Place {
  /** The usual English name ("United States"). */
  canonical: string;
  /** Folded phrases that name it ("united states", "usa", "u.s", "america"). */
  aliases: string[];
  /** Folded one-word demonyms ("american"): an adjective about the place, not its name. */
  demonyms: string[];
  /** A sovereign state: what a shared short form ("American") means when dependencies share it. */
  independent: boolean;
  /** Folded capital cities ("seoul"): a government is often named by its capital. */
  capitals: string[];
}

/** Written only in Latin letters, spaces, dots, hyphens and apostrophes: the forms English text uses. */
const LATIN = /^[\p{Script=Latin}\s.'-]+$/u;

/** Initials of the significant words of a name: "United States" -> "US", "Trinidad and Tobago" -> "TT". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join("");
}

function placeOf(country: (typeof countries)[number]): Place {
  const aliases = new Set<string>();
  const add = (form: string) => {
    if (!LATIN.test(form) || form.includes(",")) return;
    // Two-letter codes are words too often ("IT", "ID", "TV"): only those that are the name's
    // initials ("US", "UK", "NZ") are how English text names the place.
    if (/^[A-Z]{2}$/.test(form) && ![country.name.common, ...country.altSpellings].some((name) => name.length > 2 && initials(name) === form)) return;
    const folded = fold(form).replace(/\.$/, "");
    aliases.add(folded);
    // "US" is also written "U.S." and "U. S."; the word scanner reads both as "u.s".
    if (/^[A-Z]{2,3}$/.test(form)) aliases.add(form.toLowerCase().split("").join("."));
    if (folded.startsWith("the ")) aliases.add(folded.slice(4));
  };
  add(country.name.common);
  add(country.name.official);
  for (const spelling of country.altSpellings) add(spelling);
  const demonyms = new Set<string>();
  const english = country.demonyms["eng"];
  for (const demonym of english ? [english.m, english.f] : []) {
    if (!LATIN.test(demonym)) continue;
    demonyms.add(fold(demonym));
    // "American" -> "America": a demonym that is a name plus "n" names the place too,
    // unless that word is another country's name.
    if (demonym.endsWith("an") && !demonym.includes(" ")) aliases.add(fold(demonym.slice(0, -1)));
  }
  return { canonical: country.name.common, aliases: [...aliases], demonyms: [...demonyms], independent: country.independent === true && country.unMember, capitals: country.capital.filter((c) => LATIN.test(c)).map((c) => fold(c)) };
}

export const PLACES: readonly Place[] = (() => {
  const places = countries.map(placeOf);
  // An alias several places share ("america", from the demonym of the United States and of its
  // territories) names the one sovereign state among them, or none ("congo").
  const owners = new Map<string, Place[]>();
  for (const place of places) for (const alias of place.aliases) owners.set(alias, [...(owners.get(alias) ?? []), place]);
  const ownerOf = (alias: string) => {
    const all = owners.get(alias)!;
    const sovereign = all.filter((place) => place.independent);
    return all.length === 1 ? all[0] : sovereign.length === 1 ? sovereign[0] : undefined;
  };
  for (const place of places) place.aliases = place.aliases.filter((alias) => ownerOf(alias) === place || alias === fold(place.canonical));
  return places;
})();

/** Continents and world regions the data names ("Asia", "Eastern Europe"). */
export const REGIONS: readonly string[] = [...new Set(countries.flatMap((c) => [c.region, c.subregion]).filter((r) => r.length > 0))];

/** Folded demonym (or its last word: "south korean" -> "korean") -> the folded word of the place name it derives from. */
export const DEMONYM_WORDS: ReadonlyMap<string, string> = (() => {
  const words = new Map<string, string>();
  for (const place of PLACES) {
    const nameWords = fold(place.canonical).split(/\s+/);
    for (const demonym of place.demonyms) {
      const last = demonym.split(/\s+/).pop()!;
      // "korean" -> "korea", "vietnamese" -> "vietnam", "american" -> the place's own key.
      const root = nameWords.find((word) => word.length >= 4 && last.startsWith(word.slice(0, Math.max(4, word.length - 1))));
      if (root) words.set(last, root);
    }
  }
  return words;
})();

/** Words of a name that say nothing about which place ("South Korea" -> "korea" is the telling word). */
export const GENERIC_NAME_WORDS: ReadonlySet<string> = new Set(["south", "north", "east", "west", "republic", "islands", "island", "united", "new", "saint", "central", "democratic", "the", "and", "of", "great", "equatorial", "french", "british", "american"]);

/**
 * The telling word several places share ("korea" of both Koreas, "congo", "sudan") -> their names.
 * Written alone it names whichever of them a corpus talks about (NameRegistry decides).
 */
export const SHARED_PLACE_WORDS: ReadonlyMap<string, readonly string[]> = (() => {
  const owners = new Map<string, string[]>();
  for (const place of PLACES) {
    // The last word tells the place ("Korea" of "South Korea"), not "States" of "United States Virgin Islands".
    const word = fold(place.canonical).split(/\s+/).pop()!;
    if (word.length < 4 || GENERIC_NAME_WORDS.has(word)) continue;
    owners.set(word, [...(owners.get(word) ?? []), place.canonical]);
  }
  const single = new Set(PLACES.flatMap((place) => place.aliases));
  for (const [word, names] of owners) if (names.length < 2 || single.has(word)) owners.delete(word);
  return owners;
})();
