import type { RuleFailure } from "./rule";

/**
 * A kind of versioned district rule set: the numbers of one area that a district may change
 * (docs/domain.md names each set and its defaults). A district publishes whole versions; a new one
 * never replaces an old one, so every decision keeps citing the version it was made with. Version 0
 * is the defaults, never stored.
 */
export interface RuleSetKind<R, M extends string = string> {
  /** the directory's `rule_sets.module` the versions are stored under */
  readonly module: M;
  readonly defaults: R;
  /**
   * A stored or sent body read over the defaults: a version stored before a number existed keeps
   * working with that number's default.
   */
  resolve(body: unknown): R;
  /** What a schema cannot say: a set a district wants to publish must hang together. */
  check(rules: R): RuleFailure[];
}

/** The rules a decision used, with the version it cites. */
export interface Versioned<R> {
  version: number;
  rules: R;
}

/** A kind's version 0: its defaults. */
export function defaultVersion<R>(kind: RuleSetKind<R>): Versioned<R> {
  return { version: 0, rules: kind.defaults };
}
