import { ENTRY_KINDS, ENTRY_STATUSES, type EntryKind, type EntryStatus } from '../../entries/entry.ts';
import type { IndexedEntry } from '../types.ts';
import { byteColumn, intColumn, uintColumn } from './columns.ts';
import { PostingList } from './posting-list.ts';
import { words } from '../query/query-terms.ts';
import { CENTROID_WEIGHT, FIELD_WEIGHTS } from '../rank/score-weights.ts';
import { stem, surfaceWord } from '../query/text-analysis.ts';
import { Vocabulary } from './vocabulary.ts';
import { WordMemo } from './word-memo.ts';

/**
 * Weight of a word said n times in one text, 1 + ln n, in single precision as the index always
 * stored it. Counts are kept in a byte: a word said over 255 times in one text counts 255 times.
 */
export const TF = Float32Array.from({ length: 256 }, (_, n) => (n ? 1 + Math.log(n) : 0));

const DEAD = 255;
const VETTED = ENTRY_STATUSES.indexOf('vetted');

export interface IndexPolicy {
  /**
   * After this share of the entries changed, every impact is worked out again with the current idf.
   * Between refreshes the impacts of entries indexed earlier use the idf of their time, so they
   * may bound a score too low: ranking then does not stop early on bounds (see ranking.ts).
   */
  refreshShare: number;
  /** Compaction waits for this many dead entry numbers, and for them to outnumber the live ones. */
  compactAfter: number;
}

/** A compaction under way: the live entries copied, in order, into fresh columns and postings beside the live ones. */
interface Compaction {
  columns: Columns;
  postings: PostingList[];
  byId: Map<string, number>;
  /** The next old entry number to copy. */
  from: number;
  /** Per old entry number below `from`: its new number, or -1 if it was dead when reached. */
  renumbered: ReturnType<typeof intColumn>;
  dead: number;
}

/** A full refresh of the impacts under way, with the idf of the moment it started. */
interface Refresh {
  idf: Float64Array;
  /** Every feature's largest impact with that idf. */
  fresh: Float64Array;
  next: number;
  end: number;
  changesBefore: number;
}

const POLICY: IndexPolicy = { refreshShare: 0.01, compactAfter: 1000 };

/**
 * The index's packed columns (rebuilt whole on compaction). Entry `no` owns the texts
 * firstText[no] … firstText[no] + examples[no] + 2: its title and phrasings (its examples), then tags,
 * summary and body. Text `t` owns positions featureStart[t] … featureStart[t+1]-1 of features/counts.
 */
class Columns {
  readonly ids: string[] = [];
  /** Index into ENTRY_STATUSES, or DEAD for an entry replaced or removed. */
  readonly status = byteColumn();
  readonly kind = byteColumn();
  readonly language = byteColumn();
  readonly category = intColumn();
  readonly firstText = uintColumn();
  readonly examples = uintColumn();
  readonly featureStart = uintColumn();
  readonly features = intColumn();
  readonly counts = byteColumn();
  /** Entry `no` says the vocabulary's words wordIds[wordStart[no] … wordStart[no+1]-1], wordCounts times. */
  readonly wordStart = uintColumn();
  readonly wordIds = intColumn();
  readonly wordCounts = intColumn();

  constructor() {
    this.featureStart.push(0);
    this.wordStart.push(0);
  }
}

/** An entry's learned weights (see learned-weights.ts), one per distinct feature, sorted. */
export interface LearnedRow {
  features: Int32Array;
  weights: Float32Array;
}

/**
 * Where an entry's texts lie among the packed texts: texts first … first + count - 1, the first
 * `examples` of them its title and phrasings, then tags, summary and body.
 */
export interface TextSpan {
  first: number;
  examples: number;
  count: number;
}

/**
 * Every indexed text, packed, read-only: text t says features[featureStart[t] … featureStart[t+1]-1],
 * counts[…] times each. Valid until the index next changes.
 */
export interface PackedTexts {
  readonly featureStart: ArrayLike<number>;
  readonly features: ArrayLike<number>;
  readonly counts: ArrayLike<number>;
}

/** The entries holding a feature, read-only (see PostingList). */
export type Postings = Readonly<Pick<PostingList, 'nos' | 'impacts' | 'length' | 'find'>>;

/** Which entries a search may return, as the index's codes are matched against. */
export interface EntryFilter {
  statuses: readonly EntryStatus[];
  kind?: EntryKind;
  language?: string;
  category?: (category: { name: string; slug: string }) => boolean;
}

interface Word {
  /** The word as agents type it, in the vocabulary. */
  id: number;
  feature: number;
}

/**
 * The in-memory index: entries as tf-idf vectors of their texts, which entries hold each feature
 * (stemmed word), how many entries hold it, the vocabulary, and what filters need. An entry that
 * changes gets a new number; the old one is left dead and skipped until compaction.
 */
export class EntryIndex {
  readonly vocabulary = new Vocabulary();
  readonly languages = new Set<string>();
  private columns = new Columns();
  private readonly categories: { name: string; slug: string }[] = [];
  private readonly postings: PostingList[] = [];
  /** The largest impact of each feature over all entries. */
  private maxImpact: Float64Array = new Float64Array(0);
  /** How many live entries hold each feature. */
  private readonly entryFrequency: number[] = [];
  /** Learned weights by entry number (see learned-weights.ts); empty until trained. */
  private learned = new Map<number, LearnedRow>();
  private byId = new Map<string, number>();
  private readonly featureIds = new Map<string, number>();
  private readonly languageCodes = new Map<string, number>();
  /** The languages by code. */
  private readonly languageNames: string[] = [];
  private readonly categoryCodes = new Map<string, number>();
  private readonly words = new WordMemo<Word>((word, language) => {
    const surface = surfaceWord(word);
    return { id: this.vocabulary.intern(surface), feature: this.intern(stem(surface, language)) };
  });
  /** Scratch, one slot per feature: counts within a text, and the last entry that held the feature. */
  private readonly tally = intColumn();
  private readonly seenIn = intColumn();
  /** Scratch, one slot per vocabulary word: how often the entry at hand says it. */
  private readonly wordTally = intColumn();
  /** Scratch, one slot per feature: the last entry a compaction copied that held it (new number + 1). */
  private readonly copiedIn = intColumn();
  /** Entries removed soon whose words still count in the entry frequencies (see removeSoon). */
  private readonly forgetting: number[] = [];
  private compaction: Compaction | null = null;
  private refresh: Refresh | null = null;
  /** Goes up each time compaction renumbers the entries. */
  generation = 0;
  private dead = 0;
  private normsUpTo = 0;
  private changedSinceRefresh = 0;
  private idfCache: Float64Array | null = null;

  constructor(private readonly policy: IndexPolicy = POLICY) {}

  get size(): number {
    return this.byId.size;
  }

  get featureCount(): number {
    return this.postings.length;
  }

  /** Entry numbers in use, live and dead: every number is below this. */
  get numbers(): number {
    return this.columns.ids.length;
  }

  live(): IterableIterator<number> {
    return this.byId.values();
  }

  idOf(no: number): string {
    return this.columns.ids[no]!;
  }

  statusOf(no: number): EntryStatus {
    return ENTRY_STATUSES[this.columns.status.data[no]!]!;
  }

  isVetted(no: number): boolean {
    return this.columns.status.data[no] === VETTED;
  }

  kindOf(no: number): EntryKind {
    return ENTRY_KINDS[this.columns.kind.data[no]!]!;
  }

  languageOf(no: number): string {
    return this.languageNames[this.columns.language.data[no]!]!;
  }

  categoryOf(no: number): { name: string; slug: string } {
    return this.categories[this.columns.category.data[no]!]!;
  }

  /**
   * Whether entry `no` passes the filter: the filter turned into codes once, so each candidate
   * costs a few array reads.
   */
  matcher({ statuses, kind, language, category }: EntryFilter): (no: number) => boolean {
    const { status: statusColumn, kind: kindColumn, language: languageColumn, category: categoryColumn } = this.columns;
    const allowed = new Uint8Array(256);
    for (const s of statuses) allowed[ENTRY_STATUSES.indexOf(s)] = 1;
    const categories = category && Uint8Array.from(this.categories, (c) => Number(category(c)));
    const kindCode = kind ? ENTRY_KINDS.indexOf(kind) : -1;
    const languageCode = language ? (this.languageCodes.get(language) ?? -2) : -1;
    return (no) =>
      allowed[statusColumn.data[no]!] === 1 &&
      (!categories || categories[categoryColumn.data[no]!] === 1) &&
      (kindCode < 0 || kindColumn.data[no] === kindCode) &&
      (languageCode === -1 || languageColumn.data[no] === languageCode);
  }

  textsOf(no: number): TextSpan {
    const examples = this.columns.examples.data[no]!;
    return { first: this.columns.firstText.data[no]!, examples, count: examples + FIELD_WEIGHTS.length };
  }

  packedTexts(): PackedTexts {
    const { featureStart, features, counts } = this.columns;
    return { featureStart: featureStart.data, features: features.data, counts: counts.data };
  }

  postingsOf(feature: number): Postings {
    return this.postings[feature]!;
  }

  /** The most `feature` adds to any entry's score per unit of query weight × idf. */
  maxImpactOf(feature: number): number {
    return this.maxImpact[feature]!;
  }

  /** How many live entries hold the feature. */
  entriesHolding(feature: number): number {
    return this.entryFrequency[feature] ?? 0;
  }

  /** The learned weights by entry number (see learned-weights.ts); empty until trained. */
  get learnedWeights(): ReadonlyMap<number, LearnedRow> {
    return this.learned;
  }

  learnedOf(no: number): LearnedRow | undefined {
    return this.learned.size ? this.learned.get(no) : undefined;
  }

  /** Takes weights trained on this index as it is (compaction renumbers entries and drops them). */
  useLearnedWeights(rows: Map<number, LearnedRow>): void {
    this.learned = rows;
  }

  featureId(stemmed: string): number | undefined {
    return this.featureIds.get(stemmed);
  }

  /** The number of a live entry, by id. */
  numberOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** idf over entries (not texts): a word said in every phrasing of one entry still singles it out. */
  idf(feature: number): number {
    return Math.log((this.size + 1) / ((this.entryFrequency[feature] ?? 0) + 1)) + 1;
  }

  /** Every feature's idf as of now (worked out again after a change). */
  idfs(): Float64Array {
    return (this.idfCache ??= Float64Array.from({ length: this.featureCount }, (_, f) => this.idf(f)));
  }

  /** Whether every impact was worked out with the idf of now: only then do they bound scores. */
  get impactsExact(): boolean {
    return this.changedSinceRefresh === 0 && this.normsUpTo === this.columns.ids.length;
  }

  /** Every feature of an entry's texts, text by text, with repeats: a view, valid until the index next changes. */
  featuresOf(no: number): Int32Array {
    const c = this.columns;
    const first = c.firstText.data[no]!;
    const end = first + c.examples.data[no]! + FIELD_WEIGHTS.length;
    return c.features.data.subarray(c.featureStart.data[first]!, c.featureStart.data[end]!);
  }

  /** The distinct features of an entry, sorted. */
  distinctFeatures(no: number): Int32Array {
    return Int32Array.from(new Set(this.featuresOf(no))).sort();
  }

  /**
   * Indexes all entries at once, as at start: the postings are laid out once at the end, each list
   * at its final length, rather than grown (and copied, and left with spare room) entry by entry.
   */
  load(entries: Iterable<IndexedEntry>): void {
    const empty = this.columns.ids.length === 0;
    for (const entry of entries) this.add(entry, false);
    this.rebuildPostings();
    this.updateNorms();
    // Loaded into an empty index, every impact was just worked out with the idf of now: no full refresh is due.
    if (empty) this.changedSinceRefresh = 0;
    this.maintainFully();
  }

  put(entry: IndexedEntry): void {
    this.add(entry, true);
  }

  private add(entry: IndexedEntry, post: boolean): void {
    this.remove(entry.id);
    const c = this.columns;
    const no = c.ids.length;
    c.ids.push(entry.id);
    c.status.push(ENTRY_STATUSES.indexOf(entry.status));
    c.kind.push(ENTRY_KINDS.indexOf(entry.kind));
    c.language.push(this.code(this.languageCodes, entry.language, () => {
      this.languages.add(entry.language);
      this.languageNames.push(entry.language);
    }));
    c.category.push(this.code(this.categoryCodes, `${entry.category}\n${entry.categorySlug}`, () =>
      this.categories.push({ name: entry.category, slug: entry.categorySlug })));
    c.firstText.push(c.featureStart.length - 1);
    c.examples.push(1 + entry.phrasings.length);
    const word = this.words.forLanguage(entry.language);
    const touched: number[] = [];
    const said: number[] = [];
    for (const text of [entry.title, ...entry.phrasings, entry.tags, entry.summary, entry.body]) {
      for (const written of words(text)) {
        const { id, feature } = word(written);
        this.wordTally.grow(id + 1);
        if (this.wordTally.data[id]!++ === 0) said.push(id);
        if (this.tally.data[feature]!++ === 0) touched.push(feature);
      }
      for (const feature of touched) {
        c.features.push(feature);
        c.counts.push(Math.min(255, this.tally.data[feature]!));
        this.tally.data[feature] = 0;
        if (this.seenIn.data[feature] !== no + 1) {
          this.seenIn.data[feature] = no + 1;
          if (post) this.postings[feature]!.add(no);
          this.entryFrequency[feature]!++;
        }
      }
      touched.length = 0;
      c.featureStart.push(c.features.length);
    }
    const status = c.status.data[no]!;
    for (const id of said) {
      c.wordIds.push(id);
      c.wordCounts.push(this.wordTally.data[id]!);
      this.vocabulary.count(id, status, this.wordTally.data[id]!);
      this.wordTally.data[id] = 0;
    }
    c.wordStart.push(c.wordIds.length);
    this.byId.set(entry.id, no);
    this.changedSinceRefresh++;
    this.idfCache = null;
  }

  /** Takes the entry out of results, suggestions and the word statistics, now. */
  remove(id: string): void {
    const no = this.takeOut(id);
    if (no !== undefined) this.forget(no);
  }

  /**
   * Takes the entry out of results and suggestions now, and leaves taking its words back out of the
   * entry frequencies (the larger part of removing) to maintain(), which does that first: for a
   * batch of thousands removed in one request. Until then idf is a little off, which the impacts
   * already allow for (a removal counts as a change, see impactsExact).
   */
  removeSoon(id: string): void {
    const no = this.takeOut(id);
    if (no !== undefined) this.forgetting.push(no);
  }

  /** Whether entries removed soon still count in the entry frequencies. */
  get forgettingDue(): boolean {
    return this.forgetting.length > 0;
  }

  /** Marks the entry dead and its words unsaid; returns its number, if it was indexed. */
  private takeOut(id: string): number | undefined {
    const no = this.byId.get(id);
    if (no === undefined) return undefined;
    this.byId.delete(id);
    this.learned.delete(no);
    const c = this.columns;
    this.vocabulary.unsay(c.status.data[no]!, c.wordIds.data, c.wordCounts.data, c.wordStart.data[no]!, c.wordStart.data[no + 1]!);
    c.status.data[no] = DEAD;
    this.changedSinceRefresh++;
    this.dead++;
    const compaction = this.compaction;
    if (compaction && no < compaction.from) {
      // Already copied: the copy dies too.
      compaction.columns.status.data[compaction.renumbered.data[no]!] = DEAD;
      compaction.byId.delete(id);
      compaction.dead++;
    }
    return no;
  }

  /** Takes a dead entry's features out of the entry frequencies (its number must not be compacted away yet). */
  private forget(no: number): void {
    const c = this.columns;
    // Each distinct feature once (tally is zero outside add(); marked here and cleared again):
    // cheaper than distinctFeatures(), which makes two arrays per entry.
    const first = c.firstText.data[no]!;
    const end = c.featureStart.data[first + c.examples.data[no]! + FIELD_WEIGHTS.length]!;
    for (let i = c.featureStart.data[first]!; i < end; i++) {
      const feature = c.features.data[i]!;
      if (this.tally.data[feature]) continue;
      this.tally.data[feature] = 1;
      this.entryFrequency[feature]!--;
    }
    for (let i = c.featureStart.data[first]!; i < end; i++) this.tally.data[c.features.data[i]!] = 0;
    this.idfCache = null;
  }

  /**
   * Works out the impacts of the entries indexed since the last call (cheap: those entries only).
   * Call after a batch of changes, before searching. A full refresh (every impact again with the
   * current idf, see IndexPolicy.refreshShare) and compaction are left to maintain().
   */
  updateNorms(): void {
    const c = this.columns;
    if (this.normsUpTo < c.ids.length) {
      if (this.maxImpact.length < this.featureCount) this.maxImpact = grown(this.maxImpact, this.featureCount);
      this.workOutImpacts(this.normsUpTo, c.ids.length, this.idfs(), null);
      this.normsUpTo = c.ids.length;
    }
  }

  /** Whether compaction or a full refresh of the impacts waits or is under way (see maintain()). */
  get maintenanceDue(): boolean {
    return this.forgettingDue || !!this.compaction || !!this.refresh || this.compactionDue || this.refreshDue;
  }

  private get compactionDue(): boolean {
    return this.dead > this.policy.compactAfter && this.dead > this.size;
  }

  private get refreshDue(): boolean {
    return this.changedSinceRefresh > this.size * this.policy.refreshShare;
  }

  /**
   * Does a slice of the background work, about `entries` entries of it: the entries removed soon
   * forgotten first, then compaction, then a full refresh of the impacts. Searches between slices
   * of compaction or refresh answer exactly as before (see DESIGN.md): compaction builds beside the
   * live columns and swaps at the end; a refresh only raises impacts to those of the current idf,
   * and the index counts as refreshed only if nothing changed meanwhile.
   * Returns whether work remains. Call after updateNorms(), never between a put and it.
   */
  maintain(entries: number): boolean {
    // Forgetting first: it reads the columns of the entry numbers a compaction would drop.
    if (this.forgettingDue) for (const no of this.forgetting.splice(0, entries)) this.forget(no);
    else if (this.refresh) this.refreshSlice(this.refresh, entries);
    else if (this.compaction || this.compactionDue) this.compactSlice(entries);
    else if (this.refreshDue) this.startRefresh();
    return this.maintenanceDue;
  }

  /** Does all background work now: at start, before the server listens, and in tests. */
  maintainFully(): void {
    while (this.maintain(Infinity));
  }

  private startRefresh(): void {
    const end = this.columns.ids.length;
    this.refresh = { idf: Float64Array.from(this.idfs()), fresh: new Float64Array(this.featureCount), next: 0, end, changesBefore: this.changedSinceRefresh };
    if (end === 0) this.refreshSlice(this.refresh, 0);
  }

  private refreshSlice(refresh: Refresh, entries: number): void {
    const to = Math.min(refresh.end, refresh.next + entries);
    if (this.maxImpact.length < this.featureCount) this.maxImpact = grown(this.maxImpact, this.featureCount);
    this.workOutImpacts(refresh.next, to, refresh.idf, refresh.fresh);
    refresh.next = to;
    if (to < refresh.end) return;
    this.refresh = null;
    // Exact only if no entry changed since the refresh began (else its idf is already old).
    if (this.changedSinceRefresh === refresh.changesBefore) {
      this.changedSinceRefresh = 0;
      this.maxImpact = refresh.fresh;
    } else this.changedSinceRefresh -= refresh.changesBefore;
  }

  /**
   * Works out the impacts of entries from … to-1 with the given idf, raising maxImpact, and `fresh`
   * (the largest impacts with this idf alone) when given.
   */
  private workOutImpacts(from: number, to: number, idf: Float64Array, fresh: Float64Array | null): void {
    const c = this.columns;
    // Per feature of the entry at hand: its best text's share, and its weight in the centroid.
    const peak = new Float64Array(this.featureCount);
    const centroid = new Float64Array(this.featureCount);
    const held: number[] = [];
    // Where each feature's posting list reaches: entries are visited in the order postings list them.
    const cursor = new Int32Array(this.featureCount).fill(-1);
    for (let no = from; no < to; no++) {
      if (c.status.data[no] === DEAD) continue;
      const first = c.firstText.data[no]!;
      const examples = c.examples.data[no]!;
      for (let k = 0; k < examples + FIELD_WEIGHTS.length; k++) {
        const start = c.featureStart.data[first + k]!;
        const end = c.featureStart.data[first + k + 1]!;
        let sum = 0;
        for (let i = start; i < end; i++) sum += (TF[c.counts.data[i]!]! * idf[c.features.data[i]!]!) ** 2;
        const norm = Math.sqrt(sum);
        if (!norm) continue;
        const weight = k < examples ? 1 : FIELD_WEIGHTS[k - examples]!;
        for (let i = start; i < end; i++) {
          const f = c.features.data[i]!;
          const share = TF[c.counts.data[i]!]! / norm;
          if (peak[f] === 0) held.push(f);
          peak[f] = Math.max(peak[f]!, weight * share);
          if (k < examples) centroid[f]! += share * idf[f]!;
        }
      }
      let sum = 0;
      for (const f of held) sum += centroid[f]! ** 2;
      const centroidNorm = Math.sqrt(sum);
      for (const f of held) {
        const impact = peak[f]! + (centroidNorm ? (CENTROID_WEIGHT * centroid[f]!) / idf[f]! / centroidNorm : 0);
        const posting = this.postings[f]!;
        let at = cursor[f]! < 0 ? posting.find(no) : cursor[f]!;
        while (posting.nos[at]! < no) at++;
        cursor[f] = at;
        posting.impacts[at] = impact;
        this.maxImpact[f] = Math.max(this.maxImpact[f]!, impact);
        if (fresh) fresh[f] = Math.max(fresh[f]!, impact);
        peak[f] = 0;
        centroid[f] = 0;
      }
      held.length = 0;
    }
  }

  private code(codes: Map<string, number>, key: string, added: () => void): number {
    let code = codes.get(key);
    if (code === undefined) {
      codes.set(key, (code = codes.size));
      added();
    }
    return code;
  }

  private intern(stemmed: string): number {
    let id = this.featureIds.get(stemmed);
    if (id === undefined) {
      id = this.postings.length;
      this.featureIds.set(stemmed, id);
      this.postings.push(new PostingList());
      this.entryFrequency.push(0);
      this.tally.grow(id + 1);
      this.seenIn.grow(id + 1);
      this.copiedIn.grow(id + 1);
    }
    return id;
  }

  /**
   * Lists the live entries holding each feature, each list with an eighth to spare: at its exact
   * length, the first entries put after a load would copy every list they touch (130 ms for the
   * first 50 entries of a 10,000-entry batch at 100k entries).
   */
  private rebuildPostings(): void {
    const c = this.columns;
    this.entryFrequency.forEach((count, f) => (this.postings[f] = new PostingList(count + (count >> 3) + 2)));
    this.seenIn.data.fill(0);
    for (let no = 0; no < c.ids.length; no++) {
      if (c.status.data[no] === DEAD) continue;
      const first = c.firstText.data[no]!;
      const end = c.featureStart.data[first + c.examples.data[no]! + FIELD_WEIGHTS.length]!;
      for (let i = c.featureStart.data[first]!; i < end; i++) {
        const feature = c.features.data[i]!;
        if (this.seenIn.data[feature] === no + 1) continue;
        this.seenIn.data[feature] = no + 1;
        this.postings[feature]!.add(no);
      }
    }
  }

  /**
   * Once dead entries outnumber live ones, copies the live ones, a slice at a time, into fresh
   * columns and postings (impacts included, so nothing needs working out again), then swaps them in.
   * Entries put meanwhile are copied when reached; entries removed after being copied die in the copy.
   * Entry numbers change, so learned weights are dropped; the follower retrains after any change.
   */
  private compactSlice(entries: number): void {
    const old = this.columns;
    const job = (this.compaction ??= {
      columns: new Columns(), postings: [], byId: new Map(), from: 0, renumbered: intColumn(), dead: 0,
    });
    if (job.from === 0) this.copiedIn.data.fill(0);
    const c = job.columns;
    // Only entries whose impacts are worked out are copied (updateNorms runs after every batch).
    const until = Math.min(this.normsUpTo, job.from + entries);
    for (; job.from < until; job.from++) {
      const from = job.from;
      if (old.status.data[from] === DEAD) {
        job.renumbered.push(-1);
        continue;
      }
      const no = c.ids.length;
      job.renumbered.push(no);
      c.ids.push(old.ids[from]!);
      c.status.push(old.status.data[from]!);
      c.kind.push(old.kind.data[from]!);
      c.language.push(old.language.data[from]!);
      c.category.push(old.category.data[from]!);
      c.firstText.push(c.featureStart.length - 1);
      c.examples.push(old.examples.data[from]!);
      const first = old.firstText.data[from]!;
      for (let t = first; t < first + old.examples.data[from]! + FIELD_WEIGHTS.length; t++) {
        for (let i = old.featureStart.data[t]!; i < old.featureStart.data[t + 1]!; i++) {
          const feature = old.features.data[i]!;
          c.features.push(feature);
          c.counts.push(old.counts.data[i]!);
          if (this.copiedIn.data[feature] === no + 1) continue;
          this.copiedIn.data[feature] = no + 1;
          const posting = (job.postings[feature] ??= new PostingList());
          const at = posting.length;
          posting.add(no);
          const held = this.postings[feature]!;
          posting.impacts[at] = held.impacts[held.find(from)]!;
        }
        c.featureStart.push(c.features.length);
      }
      for (let i = old.wordStart.data[from]!; i < old.wordStart.data[from + 1]!; i++) {
        c.wordIds.push(old.wordIds.data[i]!);
        c.wordCounts.push(old.wordCounts.data[i]!);
      }
      c.wordStart.push(c.wordIds.length);
      job.byId.set(old.ids[from]!, no);
    }
    if (job.from < old.ids.length) return;
    this.columns = c;
    for (let f = 0; f < this.featureCount; f++) this.postings[f] = job.postings[f] ?? new PostingList();
    this.byId = job.byId;
    this.learned = new Map();
    this.normsUpTo = c.ids.length;
    this.dead = job.dead;
    // Entry numbers start again from below: the marks of the old numbers would collide with them.
    this.seenIn.data.fill(0);
    this.compaction = null;
    this.generation++;
  }
}

/** The values, in a longer array (zeros after). */
function grown(values: Float64Array, length: number): Float64Array {
  const longer = new Float64Array(length);
  longer.set(values);
  return longer;
}
