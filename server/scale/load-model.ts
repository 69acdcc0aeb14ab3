/**
 * The shape of a civil service's reports, for seeding and load: a few large units and
 * many small ones (Zipf), platforms by an assumed share, and shares clustered in the
 * morning after the day's posts are approved. The weights are assumptions stated here
 * (docs/SCALE.md), not measurements; every draw comes from a seeded generator, so a
 * seed gives the same data each time.
 */

/** mulberry32: small, fast and good enough to shape test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks an index by weight (weights need not sum to 1). */
export function weightedPicker(weights: readonly number[]): (random: () => number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

const KINDS = ['Diskominfo', 'Dinas Pendidikan', 'Dinas Kesehatan', 'Bappeda', 'Sekretariat Daerah', 'Dinas Perhubungan', 'BPBD', 'Dinas Sosial'];
const PLACES = ['Kota Pangkalpinang', 'Kab. Bangka', 'Kab. Belitung', 'Kab. Bangka Barat', 'Kab. Bangka Tengah', 'Kab. Bangka Selatan', 'Kab. Belitung Timur', 'Provinsi Kep. Bangka Belitung'];

export function unitName(i: number): string {
  const name = `${KINDS[i % KINDS.length]} ${PLACES[Math.floor(i / KINDS.length) % PLACES.length]}`;
  const round = Math.floor(i / (KINDS.length * PLACES.length));
  return round === 0 ? name : `${name} ${round + 1}`;
}

/** Unit i has weight 1/(i+1): the first units are large, the tail is long. */
export function unitWeights(units: number): number[] {
  return Array.from({ length: units }, (_, i) => 1 / (i + 1));
}

/** Assumed shares of reports per platform: chat apps and Facebook first. */
export const PLATFORM_WEIGHTS = {
  whatsapp: 30,
  facebook: 25,
  instagram: 15,
  x: 10,
  tiktok: 5,
  threads: 4,
  telegram: 4,
  youtube: 3,
  linkedin: 2,
  bluesky: 1,
  mastodon: 1,
} as const;
export type SeedPlatform = keyof typeof PLATFORM_WEIGHTS;
export const SEED_PLATFORMS = Object.keys(PLATFORM_WEIGHTS) as SeedPlatform[];
export const pickPlatform = weightedPicker(Object.values(PLATFORM_WEIGHTS));

/**
 * Assumed shares of a day's reports by local hour (WIB): a peak from 07:00 to 09:00
 * after the morning's posts are approved, a smaller one at noon and in the evening.
 */
export const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.3, 1, 3, 12, 14, 9, 6, 5, 6, 5, 4, 4, 3, 3, 4, 5, 4, 3, 1.5, 0.5];
export const pickHour = weightedPicker(HOUR_WEIGHTS);

/** Busiest hour's share of a day: what turns a daily average into a peak rate. */
export function peakHourFactor(): number {
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  return (Math.max(...HOUR_WEIGHTS) / total) * 24;
}

export const isChatPlatform = (platform: string) => platform === 'whatsapp' || platform === 'telegram';
