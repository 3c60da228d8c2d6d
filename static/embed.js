// folio's embed loader. On the host page:
//
//   <div data-folio="https://example.org/news/" data-query="Tokayev"
//        data-publisher="RFE/RL" data-country="Kazakhstan" data-theme="dark"
//        data-chrome="compact" data-links="new-tab" data-title="News archive"></div>
//   <script src="https://example.org/news/embed.js" async></script>
//
// Each element becomes an iframe of folio with those options. The frame
// reports its height and the loader sizes it, so there is no inner
// scrollbar. A message is accepted only from folio's origin and from that
// very frame's window; everything else is ignored.
(function () {
  'use strict';
  var frames = [];

  function mount(element) {
    var site = new URL(element.getAttribute('data-folio'), document.baseURI);
    var src = new URL(site.href);
    var options = element.dataset;
    if (options.query) src.searchParams.set('q', options.query);
    if (options.publisher) src.searchParams.append('publisher', options.publisher);
    if (options.country) src.searchParams.append('country', options.country);
    var embed = [options.chrome === 'compact' ? 'compact' : 'full'];
    if (options.links !== 'same-frame') embed.push('new-tab');
    if (options.theme) embed.push(options.theme);
    src.searchParams.set('embed', embed.join(','));
    var iframe = document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = options.title || 'Articles';
    iframe.style.width = '100%';
    iframe.style.height = '600px';
    iframe.style.border = '0';
    iframe.style.display = 'block';
    if (options.sandbox !== undefined) iframe.setAttribute('sandbox', options.sandbox);
    element.replaceChildren(iframe);
    frames.push({ iframe: iframe, origin: site.origin });
  }

  window.addEventListener('message', function (event) {
    var frame = null;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === event.source) frame = frames[i];
    }
    if (!frame || event.origin !== frame.origin) return;
    var data = event.data;
    if (!data || data.type !== 'folio:height') return;
    var height = Number(data.height);
    if (isFinite(height) && height > 0 && height < 1e6) frame.iframe.style.height = Math.ceil(height) + 'px';
  });

  var elements = document.querySelectorAll('[data-folio]');
  for (var i = 0; i < elements.length; i++) mount(elements[i]);
})();
