import { frame as frameEn } from '../i18n/en/frame';
import { frame as frameZh } from '../i18n/zh/frame';
import type { HostReply } from './hostCommands';
import {
  labAddress,
  labBesideScript,
  OBSERVED_ATTRIBUTES,
  PAGE_ATTRIBUTES,
  settingForAttribute,
  settingValue,
} from './labAttributes';

/**
 * `<kl-lab>`: the lab framed in any page (MkDocs, Docusaurus, plain HTML) by one script tag. It
 * frames the lab when it nears the viewport, speaks the Host API (docs/EMBED.md) with it, and turns
 * the lab's events into DOM events. No React and no TF.js here: they load inside the frame.
 */

export type LabReply = Extract<HostReply, { ok: true }>;
type RefusedReply = Extract<HostReply, { ok: false }>;

/** A command the lab refused; `message` is the lab's reason, `reply` the whole reply. */
export class LabCommandError extends Error {
  readonly reply: RefusedReply;
  constructor(reply: RefusedReply) {
    super(reply.error);
    this.name = 'LabCommandError';
    this.reply = reply;
  }
}

// The frame height docs/EMBED.md's host example uses; the lab's first `resize` corrects it.
const INITIAL_HEIGHT = 650;
// Frame a little before it scrolls into view, so the lab is loading by the time it is seen.
const NEAR_VIEWPORT = '200px';
// English only: this element has no catalogs, and the lab inside the frame speaks the reader's language.
const STYLE = `:host{display:block}:host([hidden]){display:none}
div{height:${INITIAL_HEIGHT}px}iframe{display:block;width:100%;height:100%;border:0}`;

const DEFAULT_LAB = labBesideScript(import.meta.url);
const isPageAttribute = (name: string) => (PAGE_ATTRIBUTES as readonly string[]).includes(name);

interface Waiting {
  resolve: (reply: LabReply) => void;
  reject: (error: Error) => void;
  /** Sent to the lab (else still queued for its `ready`). */
  posted: boolean;
}

export class KlLabElement extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return OBSERVED_ATTRIBUTES;
  }

  readonly #box = document.createElement('div');
  #frame: HTMLIFrameElement | null = null;
  #labOrigin = '';
  #observer: IntersectionObserver | null = null;
  /** The lab said `ready` since the frame (re)loaded: commands can go now. */
  #ready = false;
  #queued: { id: string }[] = [];
  readonly #waiting = new Map<string, Waiting>();
  #nextId = 1;

  constructor() {
    super();
    const style = document.createElement('style');
    style.textContent = STYLE;
    // A shadow root keeps the host page's CSS (a theme's `iframe { … }` rules) off the frame.
    this.attachShadow({ mode: 'open' }).append(style, this.#box);
  }

  connectedCallback(): void {
    window.addEventListener('message', this.#onMessage);
    if (this.#frame) return;
    if (typeof IntersectionObserver !== 'function') {
      this.#load();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#load();
      },
      { rootMargin: NEAR_VIEWPORT },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.#onMessage);
    this.#observer?.disconnect();
    this.#observer = null;
    // A frame taken out of the page unloads; put back, it loads again and says `ready` anew.
    this.#unready('the lab was removed from the page');
  }

  attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (old === value) return;
    if (name === 'title') {
      if (this.#frame) this.#frame.title = value || this.#defaultTitle();
      return;
    }
    if (!this.#frame) return; // read when the frame is made
    const setting = settingForAttribute(name);
    if (setting) {
      this.set({ [setting.name]: settingValue(setting, value, this.getAttribute('scenario')) }).catch(
        (error: Error) => console.warn(`<kl-lab ${name}="${value ?? ''}">: ${error.message}`),
      );
    } else if (name === 'src' || isPageAttribute(name)) {
      // The lab reads these once, when it loads.
      this.#unready('the lab reloaded');
      this.#frame.src = this.#address();
    }
  }

  play(): Promise<LabReply> {
    return this.#command({ type: 'play' });
  }

  pause(): Promise<LabReply> {
    return this.#command({ type: 'pause' });
  }

  reset(): Promise<LabReply> {
    return this.#command({ type: 'reset' });
  }

  step(count = 1): Promise<LabReply> {
    return this.#command({ type: 'step', count });
  }

  set(settings: Record<string, unknown>): Promise<LabReply> {
    return this.#command({ type: 'set', settings });
  }

  getState(): Promise<LabReply> {
    return this.#command({ type: 'getState' });
  }

  /** In the lab's language: its `lang` attribute, else the host page's. */
  #defaultTitle(): string {
    const lang = this.getAttribute('lang') || document.documentElement.lang;
    return (lang.startsWith('zh') ? frameZh : frameEn)['frame.title'];
  }

  #address(): string {
    const address = labAddress(DEFAULT_LAB, this.attributes, location.origin);
    this.#labOrigin = address.origin;
    return address.href;
  }

  #load(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    if (this.#frame) return;
    const frame = document.createElement('iframe');
    frame.title = this.getAttribute('title') || this.#defaultTitle();
    frame.allow = 'fullscreen';
    frame.src = this.#address();
    this.#frame = frame;
    this.#box.append(frame);
  }

  /** Commands wait for `ready`: the lab may still be loading, or not framed yet. */
  #command(command: object): Promise<LabReply> {
    const id = `kl-lab-${this.#nextId++}`;
    const message = { kllab: 1, ...command, id };
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject, posted: false });
      if (this.#ready) this.#post(message);
      else this.#queued.push(message);
    });
  }

  #post(message: { id: string }): void {
    const waiting = this.#waiting.get(message.id);
    if (waiting) waiting.posted = true;
    this.#frame?.contentWindow?.postMessage(message, this.#labOrigin);
  }

  /** Commands already posted will never be answered by this load of the lab; queued ones wait. */
  #unready(reason: string): void {
    this.#ready = false;
    for (const [id, { reject, posted }] of this.#waiting) {
      if (!posted) continue;
      reject(new Error(reason));
      this.#waiting.delete(id);
    }
  }

  #onMessage = (event: MessageEvent): void => {
    if (!this.#frame || event.source !== this.#frame.contentWindow || event.origin !== this.#labOrigin)
      return;
    const message = event.data;
    if (typeof message !== 'object' || message === null || message.kllab !== 1) return;
    if (typeof message.type !== 'string') return;
    if (message.type === 'reply') {
      this.#answer(message as HostReply);
      return;
    }
    if (message.type === 'ready') {
      // Only a fresh load says `ready` (this element never pings): what the last one held is lost.
      if (this.#ready) this.#unready('the lab reloaded');
      this.#ready = true;
      for (const queued of this.#queued.splice(0)) this.#post(queued);
    }
    if (message.type === 'resize' && Number.isFinite(message.height) && message.height > 0)
      this.#box.style.height = `${Math.ceil(message.height)}px`;
    this.dispatchEvent(
      new CustomEvent(`kllab-${message.type}`, { detail: message, bubbles: true, composed: true }),
    );
  };

  #answer(reply: HostReply): void {
    const waiting = typeof reply.id === 'string' ? this.#waiting.get(reply.id) : undefined;
    if (!waiting) return;
    this.#waiting.delete(reply.id as string);
    if (reply.ok) waiting.resolve(reply);
    else waiting.reject(new LabCommandError(reply));
  }
}
