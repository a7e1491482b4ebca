// How often each term of the sources is used: by how many sentences (for rarity weights) and by
// which documents (to tell whether a document talks about a subject at all). Terms are numbered
// once; counts and document lists are typed arrays indexed by that number, so adding a sentence
// costs one map lookup per distinct term, and the finished table is a few buffers to persist.

function grown(array: Int32Array, size: number, fill = 0): Int32Array {
  if (size <= array.length) return array;
  const next = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  next.set(array);
  return next;
}

export class TermStatistics {
  /** Term -> its number. */
  private readonly ids = new Map<string, number>();
  /** Sentences using each term. */
  private countsById: Int32Array = new Int32Array(1024);
  /** The documents using term i: documents[documentStarts[i] .. documentStarts[i + 1]), ascending. */
  private documentStarts: Int32Array = new Int32Array(1);
  private documents: Int32Array = new Int32Array(0);
  /** While building: the last sentence and document that counted each term, and each term's documents so far. */
  private building: { lastSentence: Int32Array; lastDocument: Int32Array; lists: number[][] } | undefined = {
    lastSentence: new Int32Array(1024).fill(-1),
    lastDocument: new Int32Array(1024).fill(-1),
    lists: [],
  };

  /**
   * Counts `terms` once for `sentence` (numbered in the order added) and, unless `sentenceOnly`, once
   * for `document` (documents added in ascending order too).
   */
  add(sentence: number, document: number, terms: Iterable<string>, sentenceOnly = false): void {
    for (const term of terms) this.addId(this.idFor(term), sentence, document, sentenceOnly);
  }

  /** The number of a term, numbered now if new (to add by number: see addId). */
  idFor(term: string): number {
    const b = this.building;
    if (!b) throw new Error("TermStatistics: cannot add to a finished table");
    return this.idOf(term, b);
  }

  /** `add` for one term by its number (from idFor): a document's words are looked up once, not per sentence. */
  addId(id: number, sentence: number, document: number, sentenceOnly = false): void {
    const b = this.building!;
    if (b.lastSentence[id] !== sentence) {
      b.lastSentence[id] = sentence;
      this.countsById[id]!++;
    }
    if (!sentenceOnly && b.lastDocument[id] !== document) {
      b.lastDocument[id] = document;
      b.lists[id]!.push(document);
    }
  }

  /** Lists `document` for each of `terms` (when the document's terms are known apart from its sentences). */
  addDocument(document: number, terms: Iterable<string>): void {
    const b = this.building;
    if (!b) throw new Error("TermStatistics: cannot add to a finished table");
    for (const term of terms) {
      const id = this.idOf(term, b);
      if (b.lastDocument[id] !== document) {
        b.lastDocument[id] = document;
        b.lists[id]!.push(document);
      }
    }
  }

  private idOf(term: string, b: NonNullable<TermStatistics["building"]>): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(term, id);
      this.countsById = grown(this.countsById, id + 1);
      b.lastSentence = grown(b.lastSentence, id + 1, -1);
      b.lastDocument = grown(b.lastDocument, id + 1, -1);
      b.lists.push([]);
    }
    return id;
  }

  /** Each term with the number of sentences using it (made on demand: an archive stores them per document). */
  sentenceCounts(): Map<string, number> {
    return new Map([...this.ids].map(([term, id]) => [term, this.countsById[id]!]));
  }

  /** Packs the document lists; nothing can be added after. */
  finish(): void {
    const b = this.building;
    if (!b) return;
    const count = this.ids.size;
    this.countsById = this.countsById.slice(0, count);
    this.documentStarts = new Int32Array(count + 1);
    let total = 0;
    for (let id = 0; id < count; id++) total += b.lists[id]!.length;
    this.documents = new Int32Array(total);
    let at = 0;
    for (let id = 0; id < count; id++) {
      this.documentStarts[id] = at;
      for (const document of b.lists[id]!) this.documents[at++] = document;
    }
    this.documentStarts[count] = at;
    this.building = undefined;
  }

  /** Sentences using the term (0 for a term no source uses). */
  sentenceCount(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.countsById[id]!;
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  /** The documents using the term, ascending. */
  documentsUsing(term: string): Int32Array {
    const id = this.ids.get(term);
    return id === undefined ? new Int32Array(0) : this.documents.subarray(this.documentStarts[id]!, this.documentStarts[id + 1]!);
  }
}
