import { KlLabElement, LabCommandError } from './klLabElement';

// embed.js's entry. A page may load it twice (two widgets, two copies); the first definition stays,
// as a second `define` of the same name would throw.
if (!customElements.get('kl-lab')) customElements.define('kl-lab', KlLabElement);

export { KlLabElement, LabCommandError };
