// From a third origin: pretend to be folio and ask for a 5px frame, again and
// again. The loader must ignore every one.
setInterval(function () {
  parent.postMessage({ type: 'folio:height', height: 5 }, '*');
}, 100);
window.name = 'forger';
