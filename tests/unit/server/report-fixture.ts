/** A valid PROTOCOL §3.3 report for server tests, shared an hour ago (the receiver refuses one over 30 days old). */
export function makeReport(overrides: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    feed_url: 'https://siar.example.go.id/feed.json',
    item_id: 'saik-2019-pembukaan',
    item_url: 'https://babel.antaranews.com/berita/1',
    platform: 'x',
    status: 'published',
    method: 'composer',
    post_url: 'https://x.com/budi_asn/status/1861234567890123456',
    shared_at: new Date(Date.now() - 3600_000).toISOString().replace('Z', '+00:00'),
    reporter: { id: '198703122010011001', name: 'Budi Santoso', unit: 'Diskominfo Kota Pangkalpinang' },
    client: { name: 'siar', version: '1.0.0' },
    ...overrides,
  };
}
