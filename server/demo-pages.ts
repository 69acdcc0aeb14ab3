import { DEMO_ARTICLES } from './demo-feed';
import { escapeHtml } from './html';

const POSTERS: Record<string, { from: string; to: string; lines: string[] }> = {
  '1': { from: '#8e1b16', to: '#d9481f', lines: ['SAIK 2019', 'Pangkalpinang'] },
  '2': { from: '#0f4c81', to: '#2a8bd1', lines: ['ASN Humas', 'aktif bermedsos'] },
  '3': { from: '#1d5c3a', to: '#3fa36b', lines: ['Humas di', 'era digital'] },
};

/** A 1200×675 poster for a demo item: no binary files in the repository. */
export function demoPoster(name: string): string | null {
  const poster = POSTERS[name];
  if (!poster) return null;
  const text = poster.lines
    .map((line, i) => `<text x="80" y="${300 + i * 110}" font-size="96" font-weight="700">${escapeHtml(line)}</text>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${poster.from}"/><stop offset="1" stop-color="${poster.to}"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/>
<circle cx="1040" cy="130" r="190" fill="#ffffff" fill-opacity="0.08"/>
<g fill="#ffffff" font-family="Noto Sans, DejaVu Sans, sans-serif">${text}
<text x="80" y="590" font-size="36" fill-opacity="0.85">Siar · demo</text></g></svg>`;
}

export function demoArticlePage(slug: string): string | null {
  const article = DEMO_ARTICLES[slug];
  if (!article) return null;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6">
<p><small>Siar · artikel demo</small></p><h1>${escapeHtml(article.title)}</h1>
${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><small>Ditulis untuk demo Siar dari berita ANTARA Bangka Belitung tentang SAIK 2019.</small></p></body></html>`;
}
