import type { ShareRecord } from '@/lib/reports/types';

export const RECEIVER = 'https://siar.example.go.id/api/v1/shares';

export function makeRecord(id: string, overrides: Partial<ShareRecord> = {}): ShareRecord {
  return {
    report: {
      id,
      feed_url: 'https://siar.example.go.id/feed.json',
      item_id: 'a',
      item_url: null,
      platform: 'x',
      status: 'confirmed',
      method: 'manual',
      post_url: null,
      shared_at: '2026-11-26T09:14:03+07:00',
      reporter: { id: '1', name: 'Budi', unit: 'Diskominfo' },
      client: { name: 'siar', version: '0.1.0' },
    },
    title: 'A',
    receiver: RECEIVER,
    delivery: 'pending',
    reason: null,
    attempts: 0,
    nextAttemptAt: 0,
    deliveredAt: null,
    ...overrides,
  };
}
