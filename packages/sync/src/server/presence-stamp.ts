/** Key lists by their joined text, so that stamps with the same fields share one array. */
const keyLists = new Map<string, readonly string[]>();

/**
 * Fields the server writes over every presence state of a connection: who the person really is,
 * whatever the client claims. Kept as the JSON text of those fields (one string per connection,
 * not a tree of objects: an idle tab's memory is what a crowded workshop pays).
 */
export class PresenceStamp {
  readonly #keys: readonly string[];
  /** `"name":…,"color":…` — the fields' JSON without its braces. */
  readonly #fields: string;

  /** The stamped fields as a JSON object: equal stamps have equal text. */
  get json(): string {
    return `{${this.#fields}}`;
  }

  constructor(fields: Readonly<Record<string, unknown>>) {
    const keys = Object.keys(fields);
    const joined = keys.join('\u0000');
    let shared = keyLists.get(joined);
    if (!shared) {
      shared = keys;
      keyLists.set(joined, shared);
    }
    this.#keys = shared;
    this.#fields = JSON.stringify(fields).slice(1, -1);
  }

  /**
   * The JSON of what the client may say of itself: `state` without the stamped fields. The room
   * keeps this (it is what differs between a person's states) and `wrap`s it when it sends.
   */
  strip(state: Readonly<Record<string, unknown>>): string {
    // Copied rather than `delete`d: a deleted key leaves an object V8 serialises slowly.
    const own: Record<string, unknown> = {};
    for (const key in state) if (!this.#keys.includes(key)) own[key] = state[key];
    return JSON.stringify(own);
  }

  /** A stripped state's JSON with the stamped fields added: what peers receive. */
  wrap(stripped: string): string {
    if (!this.#fields) return stripped;
    return stripped === '{}' ? `{${this.#fields}}` : `${stripped.slice(0, -1)},${this.#fields}}`;
  }
}
