/**
 * What a typed id turned out to be, from deliveries.list's answer (README "Search": one word is
 * looked up among the payments' correlation keys, exactly and, from 6 characters on, by its
 * start and then inside them): for the inbox's note, the Payments lookup and an empty timeline.
 * Data only; the components show it.
 */
import type { z } from 'zod';
import type { DeliveriesListOutput } from '../../../src-shared/contract/deliveries.js';
import type { CorrelationKey } from '../../../src-shared/domain/normalized.js';
import { hrefFor } from '../../app/router.js';
import { isShortcut, type ShortcutKeyEvent } from '../../ui/shortcuts.js';

/** The server looks a word up by its start and inside ids from this many characters on (a whole key at any length). */
export const PREFIX_MIN_LENGTH = 6;
/** Past this many keys starting with (or holding) the word, the server names none (of those holding it). */
export const PREFIX_LIMIT = 50;

/** As sent (an answer without the `containing` counts is one whose keys all start with the text). */
export type IdLookupAnswer = Pick<z.input<typeof DeliveriesListOutput>, 'matchedKey' | 'keyPrefix'>;

export interface IdMatch {
  /** The key the text names, in the case it is stored in (the timeline matches keys exactly). */
  matched: CorrelationKey | null;
  /** The other keys that start with the text, by value (the matched one left out). */
  starting: CorrelationKey[];
  /** Then the keys that hold the text further in (or start with it in another case), by value. */
  holding?: CorrelationKey[];
  /** More than PREFIX_LIMIT keys start with the text: none are named. */
  tooMany: boolean;
  /** More keys hold the text than PREFIX_LIMIT leaves room for: none of those are named. */
  moreHolding?: boolean;
}

/** The answer as a match; null when the text is no key and starts none (words, or an unknown id). */
export function idMatchOf(answer: IdLookupAnswer | null | undefined): IdMatch | null {
  if (!answer) return null;
  const matched = answer.matchedKey ?? null;
  const keys = answer.keyPrefix?.keys ?? [];
  const split = keys.length - (answer.keyPrefix?.containing ?? 0);
  const others = (list: CorrelationKey[]) => list.filter((key) => key.value !== matched?.value);
  const starting = others(keys.slice(0, split));
  const holding = others(keys.slice(split));
  const tooMany = answer.keyPrefix?.tooMany ?? false;
  const moreHolding = answer.keyPrefix?.moreContaining ?? false;
  return matched || starting.length > 0 || holding.length > 0 || tooMany || moreHolding ? { matched, starting, holding, tooMany, moreHolding } : null;
}

/** The keys a match lists besides the one it names: those the text starts, then those holding it. */
export const otherKeys = (match: IdMatch | null): CorrelationKey[] => (match ? [...match.starting, ...(match.holding ?? [])] : []);

/** The timelines a match offers: the key it names first, then the keys it starts; never `current` (the timeline on screen). */
export function timelineChoices(match: IdMatch | null, current?: string): CorrelationKey[] {
  if (!match) return [];
  return [...(match.matched ? [match.matched] : []), ...otherKeys(match)].filter((key) => key.value !== current);
}

/** The first `named` of a list, and how many are left unnamed. */
export function firstOf<T>(items: readonly T[], named: number): { named: T[]; more: number } {
  return { named: items.slice(0, named), more: Math.max(0, items.length - named) };
}

/**
 * "2 ids start with", "Also listed: 1 other id that starts with" (after a key the text names);
 * "… contain" when some of them hold the text further in.
 */
export function startingWords(count: number, afterMatched: boolean, inside = false): string {
  const verb = inside ? ['contains', 'contain'] : ['starts with', 'start with'];
  if (afterMatched) return `Also listed: ${count} other ${count === 1 ? `id that ${verb[0]}` : `ids that ${verb[1]}`}`;
  return `${count} ${count === 1 ? `id ${verb[0]}` : `ids ${verb[1]}`}`;
}

/** What the lookup says when more keys hold the text than can be listed. */
export const moreHoldingWords = (text: string) => `More ids contain “${text}” than can be listed: type more of it to see them.`;

/** A key's timeline; `inbox`: the inbox view it is opened from, which its "← Inbox" goes back to. */
export const timelineHref = (key: string, inbox?: URLSearchParams) => hrefFor({ page: 'timeline', key, ...(inbox ? { params: inbox } : {}) });

/**
 * The key Enter opens when no suggestion is chosen: the key the text names, in its stored case,
 * else the text as typed (a delivery id, or a key the lookup has not answered for yet). `match`
 * must be the answer for this very text. Null for nothing typed.
 */
export function keyToOpen(text: string, match: IdMatch | null): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  return match?.matched?.value ?? typed;
}

/** The option the arrows move to among `count`; -1 is the field itself (none chosen), between the last and the first. */
export function moveChoice(active: number, count: number, direction: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (direction === 'next') return active >= count - 1 ? -1 : active + 1;
  return active <= -1 ? count - 1 : active - 1;
}

/**
 * What a key pressed in the lookup's field does to the chosen option (the shortcuts table's
 * "Payments lookup" rows; Enter submits the form): the option it chooses, or null to leave the key
 * to the field (Escape with none chosen goes on to the page).
 */
export function lookupKey(event: ShortcutKeyEvent, active: number, count: number): number | null {
  if (isShortcut(event, 'lookup.next')) return moveChoice(active, count, 'next');
  if (isShortcut(event, 'lookup.previous')) return moveChoice(active, count, 'previous');
  if (isShortcut(event, 'lookup.clear') && active >= 0) return -1;
  return null;
}

/**
 * What the lookup says under its field once the text is answered: why nothing is offered, or
 * that the list stops short. Null while there is nothing to say.
 */
export function lookupNote(text: string, match: IdMatch | null): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (/\s/.test(typed)) return 'An id is one word: no spaces.';
  if (match?.tooMany) {
    return match.matched
      ? `More than ${PREFIX_LIMIT} other ids start with “${typed}”: type more of one to list them.`
      : `More than ${PREFIX_LIMIT} ids start with “${typed}”: type more of it.`;
  }
  if (match?.moreHolding) return moreHoldingWords(typed);
  if (match) return null;
  if ([...typed].length < PREFIX_MIN_LENGTH) {
    return `No payment key is “${typed}”. Ids are found by ${PREFIX_MIN_LENGTH} characters or more of them: type more, or press Enter to open it as typed.`;
  }
  return `No payment key is or contains “${typed}”. Press Enter to open its timeline as typed (a delivery id works too), or search the inbox.`;
}
