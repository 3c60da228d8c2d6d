// The article page's "Listen" control, as the custom element <folio-listen>
// (src/ui/listen.rs renders it once the page is live; every page loads
// this script, so that it is there when the element is).
// It reads the article aloud with the browser's own speech synthesis:
// nothing to download, and it works offline. The title first, then each
// paragraph and sub-heading in order, one utterance each (Chromium stops
// a long utterance part way); the one being read is marked `speaking` and
// kept in the middle of the screen. The voice's language is the article's (`lang` on the
// <article>, which the app sets from its script). Where the browser has no
// speech synthesis the element stays empty: no control. JavaScript, not
// the app's wasm, to keep the page's wasm within its budget.
class FolioListen extends HTMLElement {
  connectedCallback() {
    this.synth = window.speechSynthesis;
    if (!this.synth || typeof window.SpeechSynthesisUtterance !== 'function') {
      this.hidden = true;
      return;
    }
    this.current = null;
    this.show('idle');
  }

  // Leaving the article (the app removes the element) stops the reading.
  disconnectedCallback() {
    if (this.synth && this.state !== 'idle') this.synth.cancel();
  }

  // The buttons of `state`: idle, speaking or paused.
  show(state) {
    this.state = state;
    const buttons = {
      idle: [['Listen', () => this.listen()]],
      speaking: [['Pause', () => { this.synth.pause(); this.show('paused'); }], ['Stop', () => this.stop()]],
      paused: [['Resume', () => { this.synth.resume(); this.show('speaking'); }], ['Stop', () => this.stop()]],
    }[state];
    // The first button keeps the focus across states, as a toggle would.
    const focused = this.contains(document.activeElement);
    this.replaceChildren();
    for (const [label, act] of buttons) {
      const button = this.appendChild(document.createElement('button'));
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', act);
    }
    if (focused) this.firstChild.focus();
  }

  // Queues the title and every block of the article this element is in.
  listen() {
    const article = this.closest('article');
    if (!article) return;
    const parts = [article.querySelector('h1'), ...article.querySelectorAll('.body > p, .body > h2')]
      .filter((part) => part && part.textContent.trim());
    const lang = article.lang === 'ru' ? 'ru-RU' : 'en-US';
    this.synth.cancel();
    parts.forEach((part, i) => {
      const utterance = new SpeechSynthesisUtterance(part.textContent);
      utterance.lang = lang;
      utterance.onstart = () => this.mark(part);
      if (i === parts.length - 1) utterance.onend = () => this.stop();
      this.synth.speak(utterance);
    });
    this.show('speaking');
  }

  stop() {
    this.synth.cancel();
    this.mark(null);
    this.show('idle');
  }

  // Marks `part` as the one being read, and scrolls it into view.
  mark(part) {
    if (this.current) this.current.classList.remove('speaking');
    this.current = part;
    if (!part) return;
    part.classList.add('speaking');
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    part.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  }
}

customElements.define('folio-listen', FolioListen);
