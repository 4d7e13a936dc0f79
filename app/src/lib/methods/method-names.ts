/**
 * Names of the library's methods by id, in the page's language, for the board's link from a
 * format to the method it was made from ("Methode: World Café"). The board's load reads them once;
 * a method picked in the picker is learnt at once (it may be newer than the load). A format whose
 * `methodId` is not known here (a method unknown on this server, e.g. in an imported plan) gets
 * no link, so there is never a link to a page that does not exist.
 */
import { getContext, setContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';

const CONTEXT = Symbol('method-names');

/** The known method names; reactive, shared by the board's formats through a context. */
export class MethodNames {
  readonly #names: SvelteMap<string, string>;

  constructor(names: Readonly<Record<string, string>>) {
    // A map, not an object: an imported plan's `methodId` could be "constructor".
    this.#names = new SvelteMap(Object.entries(names));
  }

  /** The name of the method `id`, or undefined when there is no id or it is not known. */
  nameOf(id: string | null): string | undefined {
    return id === null ? undefined : this.#names.get(id);
  }

  /** Remembers a method's name (one just picked from the library). */
  learn(id: string, name: string): void {
    this.#names.set(id, name);
  }
}

/** Puts the board's method names into the component context. */
export function setMethodNamesContext(names: MethodNames): void {
  setContext(CONTEXT, names);
}

/** The method names of the board around, or undefined (a version view: no links). */
export function getMethodNamesContext(): MethodNames | undefined {
  return getContext<MethodNames | undefined>(CONTEXT);
}
