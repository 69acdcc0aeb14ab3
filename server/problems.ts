/**
 * What went wrong, for a person: a stable code for programs and tests, and one
 * sentence in Bahasa Indonesia and one in English. Every refusal of the posts,
 * approval and upload rules is one of these, so the API's 4xx body and the page's
 * message come from the same place.
 */

type Params = Record<string, string | number>;
type Sentence = (p: Params) => string;

const TEXT = {
  // Post fields
  required: { id: () => 'Wajib diisi.', en: () => 'Required.' },
  too_long: {
    id: (p) => `Terlalu panjang: paling banyak ${p.max} karakter.`,
    en: (p) => `Too long: at most ${p.max} characters.`,
  },
  bad_link: {
    id: () => 'Tautan harus alamat https:// yang lengkap.',
    en: () => 'The link must be a full https:// address.',
  },
  bad_hashtag: {
    id: (p) => `Tagar "${p.tag}" hanya boleh berisi huruf, angka dan garis bawah.`,
    en: (p) => `Hashtag "${p.tag}" may hold only letters, digits and underscores.`,
  },
  too_many: {
    id: (p) => `Terlalu banyak: paling banyak ${p.max}.`,
    en: (p) => `Too many: at most ${p.max}.`,
  },
  bad_platform: {
    id: (p) => `Platform "${p.platform}" tidak dikenal.`,
    en: (p) => `Unknown platform "${p.platform}".`,
  },
  bad_priority: {
    id: (p) => `Prioritas harus bilangan bulat dari ${p.min} sampai ${p.max}.`,
    en: (p) => `Priority must be a whole number from ${p.min} to ${p.max}.`,
  },
  bad_datetime: {
    id: () => 'Tanggal dan jam tidak terbaca; pakai format 2026-11-26 08:00.',
    en: () => 'Date and time not understood; use the form 2026-11-26 08:00.',
  },
  window_order: {
    id: (p) => `Masa tayang berakhir (${p.until}) sebelum dimulai (${p.from}). Periksa tanggal dan jamnya.`,
    en: (p) => `The window ends (${p.until}) before it starts (${p.from}). Check the dates and times.`,
  },
  bad_zone: {
    id: () => 'Zona waktu kantor harus WIB, WITA atau WIT.',
    en: () => "The office's time zone must be WIB, WITA or WIT.",
  },
  caption_over_limit: {
    id: (p) => `Keterangan untuk ${p.platform} terlalu panjang: ${p.length} dari ${p.limit}. Pendekkan sebelum diajukan.`,
    en: (p) => `The ${p.platform} caption is too long: ${p.length} of ${p.limit}. Shorten it before submitting.`,
  },
  // Warnings: the post may still be submitted
  caption_shortened: {
    id: (p) => `Keterangan umum terlalu panjang untuk ${p.platform} (${p.length} dari ${p.limit}); Siar akan memendekkannya di sana. Tulis keterangan khusus ${p.platform} agar tidak terpotong.`,
    en: (p) => `The default caption is too long for ${p.platform} (${p.length} of ${p.limit}); Siar will shorten it there. Write a ${p.platform} caption to avoid the cut.`,
  },
  hashtags_dropped: {
    id: (p) => `Tagar ${p.tags} tidak muat di ${p.platform} dan tidak ikut dibagikan.`,
    en: (p) => `Hashtags ${p.tags} do not fit on ${p.platform} and are left out.`,
  },
  instagram_no_image: {
    id: () => 'Instagram butuh gambar: unggah gambar, atau jangan pilih Instagram.',
    en: () => 'Instagram needs an image: upload one, or do not choose Instagram.',
  },
  link_unreachable: {
    id: (p) => `Tautan tidak menjawab (${p.reason_id}). Periksa alamatnya sebelum diajukan.`,
    en: (p) => `The link does not answer (${p.reason_en}). Check the address before submitting.`,
  },
  not_an_object: {
    id: () => 'Isian unggahan tidak terbaca.',
    en: () => 'The post could not be read.',
  },
  // Dashboard filters
  bad_date: { id: () => 'Tanggal tidak terbaca; pakai format 2026-11-26.', en: () => 'Date not understood; use the form 2026-11-26.' },
  range_order: {
    id: (p) => `Rentang tanggal terbalik: ${p.to} sebelum ${p.from}.`,
    en: (p) => `The dates are the wrong way round: ${p.to} is before ${p.from}.`,
  },
  range_too_long: {
    id: (p) => `Rentang terlalu panjang: paling lama ${p.max} hari.`,
    en: (p) => `The range is too long: at most ${p.max} days.`,
  },
  // Uploads
  image_too_large: {
    id: (p) => `Gambar terlalu besar: ${p.size}, paling besar ${p.max}.`,
    en: (p) => `The image is too large: ${p.size}, at most ${p.max}.`,
  },
  image_too_many_pixels: {
    id: (p) => `Gambar terlalu besar: ${p.width}×${p.height} piksel, paling banyak ${p.max} megapiksel.`,
    en: (p) => `The image is too large: ${p.width}×${p.height} pixels, at most ${p.max} megapixels.`,
  },
  image_empty: { id: () => 'Berkasnya kosong.', en: () => 'The file is empty.' },
  not_an_image: {
    id: () => 'Berkas ini bukan gambar PNG, JPEG, WebP atau GIF.',
    en: () => 'This file is not a PNG, JPEG, WebP or GIF image.',
  },
  image_unreadable: {
    id: () => 'Gambar ini rusak atau tidak bisa dibaca.',
    en: () => 'This image is damaged or cannot be read.',
  },
  // Approval
  not_found: { id: () => 'Unggahan ini tidak ada (mungkin alamatnya salah).', en: () => 'There is no such post (the address may be wrong).' },
  forbidden_role: {
    id: (p) => `Peran Anda (${p.role}) tidak boleh ${p.action_id}.`,
    en: (p) => `Your role (${p.role}) may not ${p.action_en}.`,
  },
  own_post: {
    id: () => 'Anda tidak dapat menyetujui unggahan yang Anda tulis atau ubah sendiri. Minta pimpinan lain.',
    en: () => 'You cannot approve a post you wrote or changed yourself. Ask another approver.',
  },
  already_approved_by_you: {
    id: () => 'Anda sudah menyetujui versi ini; persetujuan kedua harus dari orang lain.',
    en: () => 'You already approved this version; the second approval must come from someone else.',
  },
  stale_version: {
    id: (p) => `Unggahan ini sudah diubah oleh ${p.by} pada ${p.at} setelah Anda membukanya. Isian Anda tidak disimpan di atasnya: muat ulang, lalu terapkan lagi perubahan Anda.`,
    en: (p) => `This post was changed by ${p.by} at ${p.at} after you opened it. Your changes were not saved over it: reload, then apply your changes again.`,
  },
  bad_state: {
    id: (p) => `Tidak bisa ${p.action_id}: unggahan berstatus ${p.status_id}.`,
    en: (p) => `Cannot ${p.action_en}: the post is ${p.status_en}.`,
  },
  comment_required: {
    id: () => 'Tulis alasan pengembalian agar penyusun tahu apa yang harus diperbaiki.',
    en: () => 'Write why it is returned, so the editor knows what to fix.',
  },
  not_live: {
    id: () => 'Unggahan ini tidak sedang tayang, jadi tidak ada yang ditarik.',
    en: () => 'This post is not live, so there is nothing to withdraw.',
  },
} satisfies Record<string, { id: Sentence; en: Sentence }>;

export type ProblemCode = keyof typeof TEXT;

export interface Problem {
  code: ProblemCode;
  /** The field it is about, as a dot path (`captions.x.1`), when there is one. */
  field?: string;
  id: string;
  en: string;
}

export function problem(code: ProblemCode, params: Params = {}, field?: string): Problem {
  const text = TEXT[code];
  return { code, ...(field !== undefined ? { field } : {}), id: text.id(params), en: text.en(params) };
}

/** `1.5 MB` style sizes for messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
