import { remove as confusableSkeleton } from 'confusables';

/**
 * Names people could mistake for another: letters from two look-alike scripts in one name
 * (`xlеad` with a Cyrillic е), or a name that looks like an existing one.
 */

const LOOK_ALIKE_SCRIPTS = [
  { name: 'Latin', letters: /\p{Script=Latin}/u },
  { name: 'Cyrillic', letters: /\p{Script=Cyrillic}/u },
  { name: 'Greek', letters: /\p{Script=Greek}/u },
  { name: 'Armenian', letters: /\p{Script=Armenian}/u },
  { name: 'Cherokee', letters: /\p{Script=Cherokee}/u },
];

/** The look-alike scripts a name mixes ("Latin and Cyrillic"), or null when it keeps to one. */
export function mixedScripts(name: string): string | null {
  const used = LOOK_ALIKE_SCRIPTS.filter((script) => [...name].some((ch) => script.letters.test(ch))).map((s) => s.name);
  return used.length > 1 ? used.join(' and ') : null;
}

/** What a name looks like, ignoring case and look-alike letters: equal skeletons read the same. */
export function nameSkeleton(name: string): string {
  return confusableSkeleton(name.normalize('NFKC').toLowerCase()).toLowerCase();
}

/** The existing name this one could be mistaken for (other than itself), if any. */
export function lookAlikeName(name: string, existing: readonly string[]): string | undefined {
  const skeleton = nameSkeleton(name);
  return existing.find((other) => other.toLowerCase() !== name.toLowerCase() && nameSkeleton(other) === skeleton);
}
