// Points the example at the folio site named in ?folio=… and loads its
// embed loader; with ?forge=…, also adds a frame from a third origin that
// tries to resize folio's frame (the loader must ignore it).
var params = new URLSearchParams(location.search);
var site = params.get('folio');
if (site) document.getElementById('archive').setAttribute('data-folio', site);
if (params.has('sandbox')) document.getElementById('archive').setAttribute('data-sandbox', 'allow-scripts');
var loader = document.createElement('script');
loader.src = new URL('embed.js', site || 'https://example.org/news/').href;
document.body.appendChild(loader);
if (params.get('forge')) {
  var forger = document.createElement('iframe');
  forger.src = params.get('forge');
  forger.title = 'Someone else';
  forger.style.height = '40px';
  document.body.appendChild(forger);
}
