import { addDays, formatWithOffset, startOfDate, calendarDate } from '../lib/time/zoned-date';

/**
 * The bundled demo feed: JSON Feed 1.1 with the Siar extension, dated relative to
 * today in Asia/Jakarta so that it always has today's posts. Written by us from
 * the ANTARA article on SAIK 2019 in Pangkalpinang. Three items are there on
 * purpose to be hidden: one not approved, one expired, one not yet valid.
 */

export const DEMO_TIMEZONE = 'Asia/Jakarta';

/** The ids the popup must show today, in the order it must show them. */
export const DEMO_SHOWN_IDS = ['saik-2019-pembukaan', 'tantangan-gpr-digital', 'asn-wajib-bermedsos'];
export const DEMO_HIDDEN_IDS = ['draf-rekap-saik', 'pengumuman-kemarin', 'siaran-penutupan-besok', 'berita-kemarin'];
/** Hidden ones that Siar Kantor does not publish at all yet: their window has not opened (embargo). */
export const DEMO_EMBARGOED_IDS = ['siaran-penutupan-besok'];

export function demoFeed(origin: string, now: Date = new Date()) {
  const today = calendarDate(now, DEMO_TIMEZONE);
  const at = (date: string, time: string) => {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return formatWithOffset(new Date(startOfDate(date, DEMO_TIMEZONE).getTime() + (h * 60 + m) * 60_000), DEMO_TIMEZONE);
  };
  const yesterday = addDays(today, -1);
  const tomorrow = addDays(today, 1);
  const article = (slug: string) => `${origin}/demo/artikel/${slug}`;
  const image = (n: number) => `${origin}/demo/images/${n}.svg`;

  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Siar Demo — Diskominfo Provinsi Kepulauan Bangka Belitung',
    home_page_url: `${origin}/`,
    feed_url: `${origin}/feed.json`,
    language: 'id',
    _siar: {
      version: 1,
      publisher: 'Diskominfo Provinsi Kepulauan Bangka Belitung (demo)',
      timezone: DEMO_TIMEZONE,
      report_url: `${origin}/api/v1/shares`,
    },
    items: [
      {
        id: 'asn-wajib-bermedsos',
        url: article('asn-wajib-bermedsos'),
        title: 'ASN Humas diajak aktif di media sosial setiap hari',
        content_text:
          'Kemenkominfo mencanangkan agar pegawai Informasi dan Pelayanan Publik aktif di media sosial dan setiap hari menyebarkan program serta kebijakan pemerintah kepada masyarakat.',
        image: image(2),
        date_published: at(today, '07:00'),
        _siar: {
          approved: true,
          approved_by: 'Kabid IKP',
          approved_at: at(today, '06:45'),
          captions: {
            default: 'ASN Humas diajak aktif di media sosial dan menyebarkan program pemerintah setiap hari.',
            x: [
              'ASN Humas diajak aktif bermedia sosial dan menyebarkan program pemerintah setiap hari.',
              'Humas pemerintah harus hadir di media sosial: sebarkan kabar baik program pemerintah setiap hari.',
            ],
          },
          hashtags: ['ASNMilenial', 'SAIK2019'],
          platforms: ['x', 'facebook', 'threads', 'whatsapp', 'telegram'],
          campaign: 'SAIK 2019',
        },
      },
      {
        id: 'saik-2019-pembukaan',
        url: article('saik-2019-pembukaan'),
        title: 'SAIK 2019 dibuka di Pangkalpinang: humas pemerintah diajak bekerja di era milenial',
        content_text:
          'Dirjen Informasi dan Komunikasi Publik membuka Sinergi Aksi dan Komunikasi Publik (SAIK) 2019 di Pangkalpinang dan mengajak government public relations bekerja di era milenial.',
        image: image(1),
        date_published: at(today, '06:00'),
        _siar: {
          approved: true,
          approved_by: 'Kabid IKP',
          approved_at: at(today, '05:30'),
          valid_from: at(today, '00:00'),
          valid_until: at(tomorrow, '00:00'),
          captions: {
            default: 'SAIK 2019 resmi dibuka di Pangkalpinang. Mari bekerja di era milenial!',
            x: [
              'SAIK 2019 resmi dibuka di Pangkalpinang. Humas pemerintah diajak bekerja di era milenial!',
              'Dari Pangkalpinang: SAIK 2019 dibuka, humas pemerintah siap bekerja di era milenial.',
              'Sinergi Aksi dan Komunikasi Publik 2019 dimulai di Pangkalpinang. Ayo jadi humas milenial!',
            ],
            facebook:
              'SAIK 2019 resmi dibuka di Pangkalpinang!\n\nRibuan ASN dari kementerian, lembaga, BUMN, Diskominfo dan Humas se-Indonesia hadir.\n\n"Mari bekerja di era milenial."',
            whatsapp:
              '*SAIK 2019 dibuka di Pangkalpinang*\n\nHumas pemerintah diajak bekerja di era milenial dan aktif di media sosial.\n\n_Bagikan ke grup Anda._',
            instagram:
              'SAIK 2019 resmi dibuka di Pangkalpinang.\nHumas pemerintah diajak bekerja di era milenial.',
          },
          hashtags: ['SAIK2019', 'ASNMilenial', 'HumasPemerintah'],
          priority: 10,
          campaign: 'SAIK 2019',
        },
      },
      {
        id: 'tantangan-gpr-digital',
        url: article('tantangan-gpr-digital'),
        title: 'Tantangan government public relations di era digital',
        content_text:
          'Perkembangan teknologi informasi menjadi tantangan bagi government public relations untuk memperoleh pemahaman dan dukungan publik terhadap program pemerintah.',
        image: image(3),
        date_published: at(today, '09:00'),
        _siar: {
          approved: true,
          approved_by: 'Kabid IKP',
          captions: {
            default:
              'Teknologi informasi berkembang pesat.\nItu tantangan bagi humas pemerintah:\nsampaikan informasi yang simpatik dan menyenangkan,\nagar masyarakat ikut membangun negeri.',
          },
          hashtags: ['GPR', 'SAIK2019'],
          campaign: 'SAIK 2019',
        },
      },
      {
        id: 'draf-rekap-saik',
        url: article('draf-rekap-saik'),
        title: 'DRAF — rekap kegiatan SAIK 2019 (belum disetujui)',
        content_text: 'Draf yang belum disetujui: tidak boleh tampil di Siar.',
        date_published: at(today, '08:00'),
        _siar: { approved: false, captions: { default: 'Draf: jangan dibagikan.' } },
      },
      {
        id: 'pengumuman-kemarin',
        url: article('pengumuman-kemarin'),
        title: 'Pengumuman kemarin (sudah kedaluwarsa)',
        content_text: 'Masa tayangnya berakhir tadi malam pukul 00.00 WIB.',
        date_published: at(yesterday, '07:00'),
        _siar: {
          approved: true,
          valid_from: at(yesterday, '00:00'),
          valid_until: at(today, '00:00'),
          captions: { default: 'Pengumuman kemarin.' },
        },
      },
      {
        id: 'siaran-penutupan-besok',
        url: article('siaran-penutupan-besok'),
        title: 'Besok: siaran langsung penutupan SAIK 2019',
        content_text: 'Ditahan sampai besok pukul 00.00 WIB.',
        date_published: at(today, '10:00'),
        _siar: {
          approved: true,
          valid_from: at(tomorrow, '00:00'),
          valid_until: at(addDays(tomorrow, 1), '00:00'),
          captions: { default: 'Saksikan siaran langsung penutupan SAIK 2019.' },
        },
      },
      {
        id: 'berita-kemarin',
        url: article('berita-kemarin'),
        title: 'Berita kemarin (tanpa masa tayang)',
        content_text: 'Terbit kemarin, jadi bukan unggahan hari ini.',
        date_published: at(yesterday, '15:00'),
        _siar: { approved: true, captions: { default: 'Berita kemarin.' } },
      },
    ],
  };
}

/** Short article pages that the demo items link to, so that the demo needs no internet. */
export const DEMO_ARTICLES: Record<string, { title: string; paragraphs: string[] }> = {
  'saik-2019-pembukaan': {
    title: 'SAIK 2019 dibuka di Pangkalpinang',
    paragraphs: [
      'Kementerian Komunikasi dan Informatika mengajak aparatur sipil negara pada Diskominfo dan Humas pemerintah daerah untuk bersikap milenial dan memiliki media sosial.',
      'Ajakan itu disampaikan saat pembukaan Sinergi Aksi dan Komunikasi Publik (SAIK) 2019 di Pangkalpinang, yang dihadiri ribuan ASN dari kementerian, lembaga, BUMN, serta Diskominfo dan Humas se-Indonesia.',
    ],
  },
  'asn-wajib-bermedsos': {
    title: 'ASN Humas diajak aktif di media sosial',
    paragraphs: [
      'Pegawai Informasi dan Pelayanan Publik diharapkan memiliki media sosial, aktif di dalamnya, dan setiap hari memposting program serta kebijakan pemerintah kepada masyarakat.',
    ],
  },
  'tantangan-gpr-digital': {
    title: 'Tantangan government public relations',
    paragraphs: [
      'Teknologi informasi dan komunikasi yang berkembang pesat menjadi tantangan bagi government public relations untuk memperoleh pemahaman dan dukungan publik.',
    ],
  },
};
