// The settings' "Offline" group, as the custom element <folio-offline>
// (src/ui/settings.rs renders it, and the script that defines it, when the
// panel opens). It asks the service worker (sw.js), which keeps the whole
// archive, and shows what the worker tells: a sentence, a labelled
// progress bar while downloading, and the buttons that apply. It is
// JavaScript, not part of the app's wasm, to keep the page's wasm within
// its budget; every page of the site hears the same progress.
class FolioOffline extends HTMLElement {
  connectedCallback() {
    this.shown = null;
    this.hear = (event) => {
      if (event.data && event.data.kept) this.show(event.data.kept);
    };
    // Reaching `serviceWorker` throws in a sandboxed frame.
    try {
      this.workers = navigator.serviceWorker;
    } catch {
      this.workers = null;
    }
    if (!this.workers) {
      this.say('p', 'Keeping the archive offline needs this site’s service worker, which is not running here.');
      return;
    }
    this.workers.addEventListener('message', this.hear);
    this.workers.startMessages();
    this.ask('status');
  }

  disconnectedCallback() {
    if (this.workers) this.workers.removeEventListener('message', this.hear);
  }

  // Sends `what` to the active worker, once there is one (on a first
  // visit it may still be installing).
  ask(what) {
    this.workers.ready.then((registration) => registration.active && registration.active.postMessage(what));
  }

  // `kept`: { files, kept, running, failed, say } (sw.js `told`). The
  // same state updates the elements in place, so a focused button keeps
  // its focus while the progress moves.
  show(kept) {
    const state = kept.files === 0 ? 'whole' : kept.running ? 'running' : kept.kept === kept.files ? 'kept'
      : kept.kept === 0 && kept.failed === 0 ? 'none' : 'partial';
    if (state !== this.shown) {
      this.shown = state;
      this.text = this.say(state === 'running' ? 'label' : 'p', '');
      if (state === 'running') {
        // The bar is named by its label twice over: `for` is how a label
        // names a control, and `aria-labelledby` is the name in every
        // accessibility tree (Playwright's too, which skips `for` here).
        this.text.htmlFor = 'keep-progress';
        this.text.id = 'keep-said';
        this.bar = this.appendChild(document.createElement('progress'));
        this.bar.id = 'keep-progress';
        this.bar.setAttribute('aria-labelledby', 'keep-said');
      }
      const buttons = {
        whole: [],
        running: [['Cancel', 'cancel']],
        kept: [['Remove the offline archive', 'remove']],
        none: [['Keep the whole archive offline', 'start']],
        partial: [['Resume', 'start'], ['Remove the offline archive', 'remove']],
      }[state];
      for (const [label, what] of buttons) {
        const button = this.appendChild(document.createElement('button'));
        button.type = 'button';
        button.textContent = label;
        button.addEventListener('click', () => this.ask(what));
      }
    }
    this.text.textContent = kept.say;
    if (state === 'running') {
      this.bar.max = kept.files;
      this.bar.value = kept.kept;
    }
  }

  // Empties the element, then adds a `tag` saying `text`.
  say(tag, text) {
    this.replaceChildren();
    const element = this.appendChild(document.createElement(tag));
    element.textContent = text;
    return element;
  }
}

customElements.define('folio-offline', FolioOffline);
