// An unpaged key listing (v1, v01, v1p, v1a answer every key at once: 100,000 keys are 11 MB) read
// without building it whole: JSON.parse of the whole answer held its text, 100,000 parsed objects
// and then the keys made of them at once (48 MB of heap). Here the answer's structure is scanned,
// the big array's elements are only located, and they are parsed a hundred at a time as the keys
// are made, so the parsed objects never pile up. Anything not of the expected shape is read by
// JSON.parse whole, exactly as before (and fails as before).

import type { FlavorAdapter, TrialKey } from './types.js';

/** Answers smaller than this are parsed whole: splitting pays off only for large listings. */
export const SPLIT_FROM = 1024 * 1024;
/**
 * Elements parsed and handed on at a time. A hundred, not a thousand: the client lets the event loop
 * turn between parts (QuotaProxy.listKeys), and a part's keys are dropped before the young generation
 * collects twice and promotes them (docs/performance.md).
 */
const PART = 100;

/**
 * A listing answer split at its array of keys: the rest of the body (`shape`, the array left empty)
 * and the array's elements, each parsed when asked for.
 */
export class SplitListing {
  constructor(
    /** The body with the array of keys empty: what tells the flavor. */
    readonly shape: unknown,
    private readonly text: string,
    /** Start and end of each element in `text`. */
    private readonly spans: number[],
  ) {}

  get length(): number {
    return this.spans.length / 2;
  }

  /**
   * The body in parts of at most PART keys: `[from, body]`, each body the answer as if it held only
   * those keys. Throws SyntaxError for an element that is not JSON.
   */
  *parts(): Generator<[number, unknown]> {
    for (let from = 0; from === 0 || from < this.length; from += PART) {
      const elements: unknown[] = [];
      for (let i = from; i < Math.min(from + PART, this.length); i++)
        elements.push(JSON.parse(this.text.slice(this.spans[2 * i]!, this.spans[2 * i + 1]!)));
      yield [from, Array.isArray(this.shape) ? elements : { ...(this.shape as object), keys: elements }];
    }
  }
}

/** A listing's keys as parts of at most PART keys, and the next offset the page says. */
export interface KeysInParts {
  parts: Iterable<TrialKey[]>;
  next?: number;
  /** Every key, for the paging guard: only when more pages follow (a paged flavor's huge page). */
  ids: string[];
}

/**
 * The keys of a split listing, made a part at a time: as `adapter.parseListing` reads the whole
 * answer. Read twice: once to check every key (the answer is refused whole before any key is handed
 * on, as before), once as the caller takes the parts, so no more than a part is held beside the text.
 */
export function keysInParts(adapter: FlavorAdapter, listing: SplitListing, offset: number): KeysInParts {
  const pages = function* () {
    // Each part as a page at its own offset: a paged flavor's next offset counts every part's keys.
    for (const [from, body] of listing.parts()) yield adapter.parseListing(body, offset + from);
  };
  let next: number | undefined;
  const ids: string[] = [];
  for (const page of pages()) {
    next = page.next;
    if (next !== undefined) for (const key of page.keys) ids.push(key.key);
  }
  return {
    parts: (function* () {
      for (const page of pages()) yield page.keys;
    })(),
    next,
    ids,
  };
}

/** `text` as a SplitListing when it is a large array or object with a `keys` array, else JSON.parse(text). */
export function readListing(text: string): unknown {
  return (text.length >= SPLIT_FROM && splitListing(text)) || JSON.parse(text);
}

/** An array found in the text: its elements' start and end offsets, and where it ends. */
type Located = { spans: number[]; end: number };

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Just past the string starting at `at` (a quote), or -1 when it does not end. */
function stringEnd(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return quote + 1;
  }
  return -1;
}

/** Just past the JSON value starting at `at` (its inside is left to JSON.parse), or -1. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = stringEnd(text, i) - 1;
      if (i < 0) return -1;
      if (depth === 0) return i + 1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) return i; // a scalar ends at its container's close
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === 44 || isSpace(c))) return i;
  }
  return depth === 0 ? text.length : -1;
}

/** The elements of the array at `at` (its `[`): their spans and where the array ends; undefined if malformed. */
function arraySpans(text: string, at: number): Located | undefined {
  const spans: number[] = [];
  let i = skipSpace(text, at + 1);
  if (text.charCodeAt(i) === 93) return { spans, end: i + 1 };
  for (;;) {
    const end = valueEnd(text, i);
    if (end <= i) return undefined;
    spans.push(i, end);
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 93) return { spans, end: i + 1 };
    if (c !== 44) return undefined;
    i = skipSpace(text, i + 1);
  }
}

/** `text` split at its array of keys (a bare array, or an object's `keys`), or undefined when not of that shape. */
export function splitListing(text: string): SplitListing | undefined {
  const start = skipSpace(text, 0);
  const open = text.charCodeAt(start);
  let found: Located | undefined;
  let shape: unknown;
  if (open === 91) {
    found = arraySpans(text, start);
    shape = [];
  } else if (open === 123) {
    const members = objectWithKeysArray(text, start);
    if (members) ({ found, shape } = members);
  }
  if (!found || skipSpace(text, found.end) !== text.length) return undefined;
  return new SplitListing(shape, text, found.spans);
}

/** The object at `at` with its `keys` array located, not parsed; its other members parsed. */
function objectWithKeysArray(text: string, at: number): { found: Located; shape: object } | undefined {
  const shape = {};
  let found: Located | undefined;
  let i = skipSpace(text, at + 1);
  while (text.charCodeAt(i) === 34) {
    const nameEnd = stringEnd(text, i);
    if (nameEnd < 0) return undefined;
    const name = JSON.parse(text.slice(i, nameEnd)) as string;
    i = skipSpace(text, nameEnd);
    if (text.charCodeAt(i) !== 58) return undefined;
    i = skipSpace(text, i + 1);
    let end: number;
    if (name === 'keys' && text.charCodeAt(i) === 91 && !found && !Object.hasOwn(shape, 'keys')) {
      found = arraySpans(text, i);
      if (!found) return undefined;
      end = found.end;
      Object.defineProperty(shape, name, { value: [], enumerable: true, writable: true, configurable: true });
    } else {
      // A second `keys` (JSON.parse keeps the last) or any other member: parsed as it is.
      if (name === 'keys') found = undefined;
      end = valueEnd(text, i);
      if (end <= i) return undefined;
      const value = JSON.parse(text.slice(i, end)) as unknown;
      Object.defineProperty(shape, name, { value, enumerable: true, writable: true, configurable: true });
    }
    i = skipSpace(text, end);
    if (text.charCodeAt(i) === 125) return (found ? { found: { ...found, end: i + 1 }, shape } : undefined) as never;
    if (text.charCodeAt(i) !== 44) return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}
