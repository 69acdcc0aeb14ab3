import type { Language } from '../../lib/i18n';

/**
 * Every sentence of Siar Kantor's staff pages, in Bahasa Indonesia (`id`, the default)
 * and English (`en`). A key without both is a type error; a key no page uses fails
 * tests/unit/server/messages.test.ts. Pages say `t('key')` and never hold text of their
 * own. The refusals the API also sends, both languages in one JSON body, are the
 * `problem.*` entries (../problems.ts). The CSV export's header row is machine-readable
 * and stays as it is.
 */

export const LANGUAGES: readonly Language[] = ['id', 'en'];
export const isLanguage = (value: unknown): value is Language => value === 'id' || value === 'en';

type Params = Record<string, string | number>;
type Entry = { id: string; en: string } | { id: (p: never) => string; en: (p: never) => string };

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const MESSAGES = {
  // The frame: header, language switch, short message pages
  'frame.dashboard': { id: 'Dasbor', en: 'Dashboard' },
  'frame.posts': { id: 'Unggahan', en: 'Posts' },
  'frame.audit': { id: 'Audit', en: 'Audit' },
  'frame.people': { id: 'Pegawai', en: 'People' },
  'frame.account': { id: 'Akun', en: 'Account' },
  'frame.signOut': { id: 'Keluar', en: 'Sign out' },
  'frame.language': { id: 'Bahasa', en: 'Language' },
  'frame.back': { id: 'Kembali ke Siar Kantor', en: 'Back to Siar Kantor' },
  // Failures answered as a short page (plugins/errors.ts, plugins/auth.ts)
  'error.invalid': { id: 'Isian tidak sah.', en: 'The request is not valid.' },
  'error.tooLarge': { id: 'Kiriman terlalu besar.', en: 'The body is too large.' },
  'error.mediaType': { id: 'Jenis isi tidak didukung.', en: 'Unsupported content type.' },
  'error.notJson': { id: 'Isi bukan JSON.', en: 'The body is not JSON.' },
  'error.csrf': {
    id: 'Formulir ini kedaluwarsa atau tidak berasal dari Siar Kantor. Muat ulang halaman lalu coba lagi.',
    en: 'This form expired or did not come from Siar Kantor. Reload the page and try again.',
  },
  'error.rateLimited': { id: 'Terlalu banyak percobaan. Tunggu sebentar.', en: 'Too many attempts. Wait a little.' },
  'error.server': { id: 'Terjadi kesalahan di server. Sudah dicatat.', en: 'The server failed. It was logged.' },
  'error.notFound': { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },
  'error.refused': { id: (p: { status: number }) => `Permintaan ditolak (${p.status}).`, en: (p: { status: number }) => `The request was refused (${p.status}).` },
  'error.signInFirst': { id: 'Silakan masuk dulu.', en: 'Sign in first.' },
  'error.roleOnly': {
    id: (p: { roles: string }) => `Halaman ini hanya untuk peran: ${p.roles}.`,
    en: (p: { roles: string }) => `This page is for these roles only: ${p.roles}.`,
  },
  // Sign-in and account
  'login.title': { id: 'Siar Kantor — masuk', en: 'Siar Kantor — sign in' },
  'login.intro': { id: 'Masuk untuk melihat laporan kantor.', en: 'Sign in to see the office’s reports.' },
  'login.wrong': { id: 'Nama atau kata sandi salah.', en: 'Wrong name or password.' },
  'login.throttled': { id: 'Terlalu banyak percobaan gagal. Coba lagi 15 menit lagi.', en: 'Too many failed attempts. Try again in 15 minutes.' },
  'login.name': { id: 'Nama pengguna', en: 'User name' },
  'login.password': { id: 'Kata sandi', en: 'Password' },
  'login.submit': { id: 'Masuk', en: 'Sign in' },
  'account.title': { id: 'Siar Kantor — akun', en: 'Siar Kantor — account' },
  'account.changed': { id: 'Kata sandi sudah diganti.', en: 'Your password was changed.' },
  'account.wrongPassword': { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  'account.shortPassword': {
    id: (p: { min: number }) => `Kata sandi baru minimal ${p.min} karakter.`,
    en: (p: { min: number }) => `A new password has at least ${p.min} characters.`,
  },
  'account.mismatch': { id: 'Kedua kata sandi baru tidak sama.', en: 'The two new passwords differ.' },
  'account.current': { id: 'Kata sandi saat ini', en: 'Current password' },
  'account.new': { id: 'Kata sandi baru', en: 'New password' },
  'account.repeat': { id: 'Ulangi kata sandi baru', en: 'Repeat the new password' },
  'account.submit': { id: 'Ganti kata sandi', en: 'Change password' },
  // People
  'people.title': { id: 'Siar Kantor — pegawai', en: 'Siar Kantor — people' },
  'people.codesMade': { id: (p: { n: number }) => `${p.n} kode dibuat`, en: (p: { n: number }) => `${p.n} ${plural(p.n, 'code', 'codes')} made` },
  'people.sendLinks': {
    id: 'Kirim setiap tautan ke pemiliknya. Kode hanya tampil sekali ini; berlaku 14 hari.',
    en: 'Send each link to its owner. The codes are shown this once; they last 14 days.',
  },
  'people.downloadCodes': { id: 'Unduh CSV kode', en: 'Download the codes CSV' },
  'people.nothingImported': { id: 'Tidak ada yang diimpor', en: 'Nothing was imported' },
  'people.fixLines': { id: 'Perbaiki baris berikut lalu impor lagi seluruh berkas.', en: 'Fix these lines, then import the whole file again.' },
  'people.line': { id: (p: { line: number }) => `Baris ${p.line}`, en: (p: { line: number }) => `Line ${p.line}` },
  'people.revoked': { id: 'dicabut', en: 'revoked' },
  'people.enrolled': { id: 'terdaftar', en: 'enrolled' },
  'people.codeSent': { id: 'menunggu kode', en: 'code sent' },
  'people.noCode': { id: 'tanpa kode', en: 'no code' },
  'people.newCode': { id: 'Kode baru', en: 'New code' },
  'people.revoke': { id: 'Cabut', en: 'Revoke' },
  'people.import': { id: 'Impor CSV', en: 'Import a CSV' },
  'people.columns': { id: 'Kolom: nip,nama,unit[,surel]. Semua baris diimpor, atau tidak satu pun.', en: 'Columns: nip,name,unit[,email]. Every line is imported, or none.' },
  'people.importButton': { id: 'Impor', en: 'Import' },
  'people.count': { id: (p: { n: number }) => `${p.n} orang`, en: (p: { n: number }) => `${p.n} ${plural(p.n, 'person', 'people')}` },
  'people.link': { id: 'Tautan', en: 'Link' },
  // The people CSV's line problems (store/people-csv.ts; the CLI prints both languages)
  'csv.bad_nip': { id: 'NIP harus 18 angka', en: 'an NIP is 18 digits' },
  'csv.duplicate_nip': { id: 'NIP ini sudah ada di baris', en: 'this NIP is already on line' },
  'csv.missing_name': { id: 'nama kosong', en: 'the name is empty' },
  'csv.missing_unit': { id: 'unit kerja kosong', en: 'the unit is empty' },
  'csv.bad_email': { id: 'surel tidak sah', en: 'not an e-mail address' },
  'csv.bad_columns': { id: 'harus 3 atau 4 kolom: nip,nama,unit[,surel]', en: 'needs 3 or 4 columns: nip,name,unit[,email]' },
  'csv.malformed_csv': { id: 'CSV rusak', en: 'malformed CSV' },
  'csv.already_registered': { id: 'NIP ini sudah terdaftar', en: 'this NIP is already registered' },
  'csv.empty_file': { id: 'berkas kosong', en: 'the file holds nobody' },
  // Shared words of tables
  'word.name': { id: 'Nama', en: 'Name' },
  'word.unit': { id: 'Unit', en: 'Unit' },
  'word.status': { id: 'Status', en: 'Status' },
  'word.platform': { id: 'Platform', en: 'Platform' },
  'word.noneYet': { id: 'Belum ada.', en: 'None yet.' },
  'word.unverified': { id: 'belum terverifikasi', en: 'unverified' },
  // `/`: reports received
  'reports.title': { id: 'Siar — laporan diterima', en: 'Siar — reports received' },
  'reports.goTo': { id: 'Laporan dikirim ke', en: 'Reports go to' },
  'reports.none': { id: 'Belum ada laporan.', en: 'No reports yet.' },
  'reports.latest': { id: (p: { n: number }) => `${p.n} laporan terbaru`, en: (p: { n: number }) => `The latest ${p.n} ${plural(p.n, 'report', 'reports')}` },
  'reports.received': { id: 'Diterima (UTC)', en: 'Received (UTC)' },
  'reports.reporter': { id: 'Pelapor', en: 'Reporter' },
  'reports.item': { id: 'Unggahan', en: 'Post' },
  'reports.link': { id: 'Tautan', en: 'Link' },
  // `/daftar`: where an enrollment link lands
  'enroll.title': { id: 'Siar — pendaftaran', en: 'Siar — enrollment' },
  'enroll.heading': { id: 'Daftar ke Siar', en: 'Enroll in Siar' },
  'enroll.intro': { id: 'Anda menerima tautan pendaftaran dari kantor Anda. Untuk memakainya:', en: 'Your office sent you an enrollment link. To use it:' },
  'enroll.step1': { id: 'Pasang ekstensi Siar di peramban Anda.', en: 'Install the Siar extension in your browser.' },
  'enroll.step2': { id: 'Buka Pengaturan Siar (klik kanan ikon Siar → Opsi).', en: 'Open Siar’s options (right-click the Siar icon → Options).' },
  'enroll.step3': {
    id: 'Tempel seluruh tautan ini di kolom “Kode pendaftaran”, lalu tekan “Daftar”.',
    en: 'Paste the whole link into the “Enrollment code” field and press “Enroll”.',
  },
  'enroll.once': { id: 'Kode berlaku 14 hari dan hanya sekali pakai. Jangan bagikan tautan ini kepada orang lain.', en: 'A code works for 14 days, once. Do not share this link with anyone.' },
  // Audit
  'audit.heading': { id: 'Log audit', en: 'Audit log' },
  'audit.export': { id: 'Ekspor CSV', en: 'Export CSV' },
  'audit.time': { id: 'Waktu (UTC)', en: 'Time (UTC)' },
  'audit.who': { id: 'Siapa', en: 'Who' },
  'audit.what': { id: 'Apa', en: 'What' },
  'audit.subject': { id: 'Subjek', en: 'Subject' },
  'audit.before': { id: 'Sebelumnya', en: 'Before' },
  'audit.detail': { id: 'Catatan', en: 'Detail' },
  // Posts: the list
  'posts.title': { id: 'Unggahan', en: 'Posts' },
  'posts.columnTitle': { id: 'Judul', en: 'Title' },
  'posts.lastChange': { id: 'Terakhir diubah', en: 'Last change' },
  'posts.window': { id: 'Tayang', en: 'Window' },
  'posts.live': { id: 'tayang', en: 'live' },
  'posts.fromApproval': { id: 'sejak disetujui', en: 'from approval on' },
  'posts.writeNew': { id: 'Tulis unggahan baru', en: 'Write a new post' },
  'posts.approvalsRequired': {
    id: (p: { n: number }) => `Perlu ${p.n} persetujuan`,
    en: (p: { n: number }) => `${p.n} ${plural(p.n, 'approval', 'approvals')} required`,
  },
  'posts.waiting': { id: 'Menunggu persetujuan Anda', en: 'Waiting for your approval' },
  'posts.waitingEmpty': { id: 'Tidak ada yang menunggu Anda.', en: 'Nothing waits for you.' },
  'posts.writing': { id: 'Sedang ditulis dan diajukan', en: 'Being written and submitted' },
  'posts.writingEmpty': { id: 'Tidak ada draf.', en: 'No drafts.' },
  'posts.approved': { id: 'Disetujui', en: 'Approved' },
  'posts.withdrawn': { id: 'Ditarik', en: 'Withdrawn' },
  'posts.withdrawnEmpty': { id: 'Tidak ada.', en: 'None.' },
  // Posts: a post's statuses (also in the API's bad_state problem)
  'status.draft': { id: 'draf', en: 'draft' },
  'status.submitted': { id: 'menunggu persetujuan', en: 'waiting for approval' },
  'status.returned': { id: 'dikembalikan', en: 'returned' },
  'status.approved': { id: 'disetujui', en: 'approved' },
  'status.withdrawn': { id: 'ditarik', en: 'withdrawn' },
  // What a role may not do, in the API's forbidden_role and bad_state problems: `tidak boleh <id>` / `may not <en>`
  'verb.edit': { id: 'mengubah unggahan', en: 'edit posts' },
  'verb.submit': { id: 'mengajukan unggahan', en: 'submit posts' },
  'verb.approve': { id: 'menyetujui unggahan', en: 'approve posts' },
  'verb.return': { id: 'mengembalikan unggahan', en: 'return posts' },
  'verb.withdraw': { id: 'menarik unggahan', en: 'withdraw posts' },
  // Why a post's link did not answer (the link_unreachable warning)
  'link.timeout': { id: (p: { seconds: number }) => `tidak ada jawaban dalam ${p.seconds} detik`, en: (p: { seconds: number }) => `no answer within ${p.seconds} seconds` },
  'link.network': { id: 'server tidak dapat dihubungi', en: 'the server cannot be reached' },
  'link.status': { id: (p: { status: number }) => `jawaban HTTP ${p.status}`, en: (p: { status: number }) => `HTTP status ${p.status}` },
  'link.private_address': { id: 'alamatnya di jaringan internal', en: 'the address is inside a private network' },
  'link.unsafe_url': { id: 'alamat tidak aman', en: 'unsafe address' },
  'link.too_many_redirects': { id: 'terlalu banyak pengalihan', en: 'too many redirects' },
  // Posts: one post
  'post.new': { id: 'Unggahan baru', en: 'New post' },
  'post.all': { id: 'Semua unggahan', en: 'All posts' },
  'post.version': { id: (p: { n: number }) => `versi ${p.n}`, en: (p: { n: number }) => `version ${p.n}` },
  'post.liveRevision': { id: (p: { n: number }) => `revisi ${p.n} tayang`, en: (p: { n: number }) => `revision ${p.n} is live` },
  'post.approvals': {
    id: (p: { n: number; of: number }) => `${p.n} dari ${p.of} persetujuan`,
    en: (p: { n: number; of: number }) => `${p.n} of ${p.of} ${plural(p.of, 'approval', 'approvals')}`,
  },
  'post.saved': { id: 'Tersimpan.', en: 'Saved.' },
  'post.done': { id: 'Selesai.', en: 'Done.' },
  'post.notSaved': { id: 'Belum tersimpan: periksa isian ini', en: 'Not saved: check these fields' },
  'post.cannotEdit': { id: 'Anda tidak dapat mengubah unggahan ini sekarang.', en: 'You cannot edit this post now.' },
  'post.fieldTitle': { id: 'Judul', en: 'Title' },
  'post.fieldSummary': { id: 'Ringkasan', en: 'Summary' },
  'post.fieldLink': { id: 'Tautan berita', en: 'Article link' },
  'post.fieldImage': { id: 'Gambar (PNG, JPEG, WebP, GIF; paling besar 5 MB)', en: 'Image (PNG, JPEG, WebP, GIF; at most 5 MB)' },
  'post.imageSaved': { id: 'Gambar tersimpan; pilih berkas lain untuk menggantinya.', en: 'Image saved; choose another file to replace it.' },
  'post.captions': { id: 'Keterangan per platform', en: 'Captions per platform' },
  'post.captionDefault': { id: 'Umum', en: 'Default' },
  'post.variant': { id: (p: { n: number }) => `varian ${p.n}`, en: (p: { n: number }) => `variant ${p.n}` },
  'post.fieldHashtags': { id: 'Tagar', en: 'Hashtags' },
  'post.platforms': { id: 'Platform (kosong: semua)', en: 'Platforms (none: all)' },
  'post.fieldCampaign': { id: 'Kampanye', en: 'Campaign' },
  'post.fieldPriority': { id: 'Prioritas (−100…100)', en: 'Priority (−100…100)' },
  'post.shownFrom': { id: (p: { zone: string }) => `Tayang mulai (${p.zone})`, en: (p: { zone: string }) => `Shown from (${p.zone})` },
  'post.shownUntil': { id: (p: { zone: string }) => `Tayang sampai (${p.zone})`, en: (p: { zone: string }) => `Shown until (${p.zone})` },
  'post.save': { id: 'Simpan & pratinjau', en: 'Save & preview' },
  'post.submit': { id: 'Ajukan untuk disetujui', en: 'Submit for approval' },
  'post.approve': { id: 'Setujui', en: 'Approve' },
  'post.return': { id: 'Kembalikan', en: 'Return' },
  'post.withdraw': { id: 'Tarik dari feed', en: 'Withdraw' },
  'post.reason': { id: 'Alasan', en: 'Reason' },
  'post.note': { id: 'Catatan', en: 'Note' },
  // Posts: the preview
  'preview.title': { id: 'Pratinjau seperti di Siar', en: 'Preview as in Siar' },
  'preview.blocking': { id: 'Harus diperbaiki sebelum diajukan', en: 'Fix before submitting' },
  'preview.warnings': { id: 'Perhatikan', en: 'Warnings' },
  'preview.variant': { id: (p: { n: number }) => `Varian ${p.n}`, en: (p: { n: number }) => `Variant ${p.n}` },
  'preview.shortened': { id: 'dipendekkan', en: 'shortened' },
  // The dashboard
  'dash.title': { id: (p: { from: string; to: string }) => `Siar — dasbor ${p.from} – ${p.to}`, en: (p: { from: string; to: string }) => `Siar — dashboard ${p.from} – ${p.to}` },
  'dash.heading': { id: 'Dasbor laporan Siar', en: 'Siar report dashboard' },
  'dash.range': { id: 'Rentang tanggal', en: 'Date range' },
  'dash.from': { id: 'Dari', en: 'From' },
  'dash.to': { id: 'Sampai', en: 'To' },
  'dash.show': { id: 'Tampilkan', en: 'Show' },
  'dash.export': { id: 'Ekspor CSV (;)', en: 'Export CSV (;)' },
  'dash.badRange': { id: 'Rentang tanggal tidak sah', en: 'Invalid date range' },
  'dash.participation': { id: 'partisipasi', en: 'participation' },
  'dash.sharers': { id: 'pegawai membagikan', en: 'people shared' },
  'dash.shares': { id: 'bagikan', en: 'shares' },
  'dash.verified': { id: 'terverifikasi', en: 'verified' },
  'dash.chart': {
    id: (p: { from: string; to: string }) => `Bagikan per hari, ${p.from} – ${p.to}`,
    en: (p: { from: string; to: string }) => `Shares per day, ${p.from} – ${p.to}`,
  },
  'dash.perUnit': { id: 'Partisipasi per unit kerja', en: 'Participation per unit' },
  'dash.perUnitWhy': {
    id: 'Yang membagikan ÷ pegawai terdaftar: adil untuk unit 3 orang maupun 300 orang.',
    en: 'People who shared ÷ people enrolled: fair to a unit of 3 and a unit of 300.',
  },
  'dash.rate': { id: 'Partisipasi', en: 'Rate' },
  'dash.sharedEnrolled': { id: 'Membagikan / terdaftar', en: 'Shared / enrolled' },
  'dash.sharesColumn': { id: 'Bagikan', en: 'Shares' },
  'dash.unverifiedByUnit': { id: 'Belum terverifikasi, menurut unit yang dilaporkan', en: 'Unverified, by the unit the reports claim' },
  'dash.unverifiedWhy': {
    id: 'Dilaporkan dengan token bersama lama: pelapor tidak diperiksa, tidak dihitung dalam partisipasi.',
    en: 'Sent with the legacy shared token: the reporter was not checked; not counted in participation.',
  },
  'dash.perPlatform': { id: 'Per platform', en: 'Per platform' },
  'dash.perPerson': { id: 'Per pegawai', en: 'Per person' },
  'dash.perPost': { id: 'Per unggahan', en: 'Per post' },
  'dash.sharedBy': {
    id: (p: { shares: number; sharers: number }) => `dibagikan ${p.shares} kali oleh ${p.sharers} orang`,
    en: (p: { shares: number; sharers: number }) => `shared ${p.shares} ${plural(p.shares, 'time', 'times')} by ${p.sharers} ${plural(p.sharers, 'person', 'people')}`,
  },
  'dash.unverifiedCount': { id: (p: { n: number }) => `${p.n} belum terverifikasi`, en: (p: { n: number }) => `${p.n} unverified` },
  'dash.latest': { id: 'Bagikan terbaru, dengan tautannya', en: 'Latest shares, with their links' },
  'dash.time': { id: 'Waktu', en: 'Time' },
  'dash.person': { id: 'Pegawai', en: 'Person' },
  'dash.post': { id: 'Unggahan', en: 'Post' },
  'dash.link': { id: 'Tautan', en: 'Link' },
  'dash.open': { id: 'buka', en: 'open' },
  // The site check above the dashboard (site-health/site-health-block.ts)
  'health.title': { id: 'Kesehatan situs', en: 'Site check' },
  'health.step.composer': { id: 'Penyisipan', en: 'Insertion' },
  'health.step.caption': { id: 'Penyisipan', en: 'Insertion' },
  'health.step.publish': { id: 'Pencatatan', en: 'Recording' },
  'health.step.permalink': { id: 'Pengambilan tautan', en: 'Link capture' },
  'health.why.composer': { id: 'kotak posting tidak ditemukan', en: 'the post box is not found' },
  'health.why.caption': { id: 'keterangan tidak terverifikasi', en: 'the caption is not verified' },
  'health.why.publish': { id: 'terbitnya unggahan tidak terlihat', en: 'the post going out is not seen' },
  'health.why.permalink': { id: 'tautan unggahan tidak tertangkap', en: 'the post’s link is not captured' },
  'health.failing': {
    id: (p: { step: string; site: string; since: string }) => `${p.step} di ${p.site} gagal sejak ${p.since}`,
    en: (p: { step: string; site: string; since: string }) => `${p.step} on ${p.site} failing since ${p.since}`,
  },
  'health.version': { id: (p: { version: string }) => `versi ${p.version}`, en: (p: { version: string }) => `version ${p.version}` },
  'health.counts': {
    id: (p: { failures: number; people: number }) => `${p.failures} gagal · ${p.people} orang`,
    en: (p: { failures: number; people: number }) => `${p.failures} ${plural(p.failures, 'failure', 'failures')} · ${p.people} ${plural(p.people, 'person', 'people')}`,
  },
  'health.advice': {
    id: (p: { zone: string }) => `Siar di situs itu mungkin usang. Sampai diperbarui, pegawai tetap bisa berbagi: Salin lalu halaman bagikan. Jam menurut zona waktu kantor (${p.zone}).`,
    en: (p: { zone: string }) => `Siar on that site may be out of date. Until it is updated, people can still share: Copy, then the share page. Times in the office’s time zone (${p.zone}).`,
  },
  // Problems: Post fields
  'problem.required': { id: () => 'Wajib diisi.', en: () => 'Required.' },
  'problem.too_long': {
    id: (p: Params) => `Terlalu panjang: paling banyak ${p.max} karakter.`,
    en: (p: Params) => `Too long: at most ${p.max} characters.`,
  },
  'problem.bad_link': {
    id: () => 'Tautan harus alamat https:// yang lengkap.',
    en: () => 'The link must be a full https:// address.',
  },
  'problem.bad_hashtag': {
    id: (p: Params) => `Tagar "${p.tag}" hanya boleh berisi huruf, angka dan garis bawah.`,
    en: (p: Params) => `Hashtag "${p.tag}" may hold only letters, digits and underscores.`,
  },
  'problem.too_many': {
    id: (p: Params) => `Terlalu banyak: paling banyak ${p.max}.`,
    en: (p: Params) => `Too many: at most ${p.max}.`,
  },
  'problem.bad_platform': {
    id: (p: Params) => `Platform "${p.platform}" tidak dikenal.`,
    en: (p: Params) => `Unknown platform "${p.platform}".`,
  },
  'problem.bad_priority': {
    id: (p: Params) => `Prioritas harus bilangan bulat dari ${p.min} sampai ${p.max}.`,
    en: (p: Params) => `Priority must be a whole number from ${p.min} to ${p.max}.`,
  },
  'problem.bad_datetime': {
    id: () => 'Tanggal dan jam tidak terbaca; pakai format 2026-11-26 08:00.',
    en: () => 'Date and time not understood; use the form 2026-11-26 08:00.',
  },
  'problem.window_order': {
    id: (p: Params) => `Masa tayang berakhir (${p.until}) sebelum dimulai (${p.from}). Periksa tanggal dan jamnya.`,
    en: (p: Params) => `The window ends (${p.until}) before it starts (${p.from}). Check the dates and times.`,
  },
  'problem.caption_over_limit': {
    id: (p: Params) => `Keterangan untuk ${p.platform} terlalu panjang: ${p.length} dari ${p.limit}. Pendekkan sebelum diajukan.`,
    en: (p: Params) => `The ${p.platform} caption is too long: ${p.length} of ${p.limit}. Shorten it before submitting.`,
  },
  // Problems: Warnings: the post may still be submitted
  'problem.caption_shortened': {
    id: (p: Params) => `Keterangan umum terlalu panjang untuk ${p.platform} (${p.length} dari ${p.limit}); Siar akan memendekkannya di sana. Tulis keterangan khusus ${p.platform} agar tidak terpotong.`,
    en: (p: Params) => `The default caption is too long for ${p.platform} (${p.length} of ${p.limit}); Siar will shorten it there. Write a ${p.platform} caption to avoid the cut.`,
  },
  'problem.hashtags_dropped': {
    id: (p: Params) => `Tagar ${p.tags} tidak muat di ${p.platform} dan tidak ikut dibagikan.`,
    en: (p: Params) => `Hashtags ${p.tags} do not fit on ${p.platform} and are left out.`,
  },
  'problem.instagram_no_image': {
    id: () => 'Instagram butuh gambar: unggah gambar, atau jangan pilih Instagram.',
    en: () => 'Instagram needs an image: upload one, or do not choose Instagram.',
  },
  'problem.link_unreachable': {
    id: (p: Params) => `Tautan tidak menjawab (${p.reason_id}). Periksa alamatnya sebelum diajukan.`,
    en: (p: Params) => `The link does not answer (${p.reason_en}). Check the address before submitting.`,
  },
  'problem.not_an_object': {
    id: () => 'Isian unggahan tidak terbaca.',
    en: () => 'The post could not be read.',
  },
  // Problems: Dashboard filters
  'problem.bad_date': { id: () => 'Tanggal tidak terbaca; pakai format 2026-11-26.', en: () => 'Date not understood; use the form 2026-11-26.' },
  'problem.range_order': {
    id: (p: Params) => `Rentang tanggal terbalik: ${p.to} sebelum ${p.from}.`,
    en: (p: Params) => `The dates are the wrong way round: ${p.to} is before ${p.from}.`,
  },
  'problem.range_too_long': {
    id: (p: Params) => `Rentang terlalu panjang: paling lama ${p.max} hari.`,
    en: (p: Params) => `The range is too long: at most ${p.max} days.`,
  },
  // Problems: Uploads
  'problem.image_too_large': {
    id: (p: Params) => `Gambar terlalu besar: ${p.size}, paling besar ${p.max}.`,
    en: (p: Params) => `The image is too large: ${p.size}, at most ${p.max}.`,
  },
  'problem.image_too_many_pixels': {
    id: (p: Params) => `Gambar terlalu besar: ${p.width}×${p.height} piksel, paling banyak ${p.max} megapiksel.`,
    en: (p: Params) => `The image is too large: ${p.width}×${p.height} pixels, at most ${p.max} megapixels.`,
  },
  'problem.image_empty': { id: () => 'Berkasnya kosong.', en: () => 'The file is empty.' },
  'problem.not_an_image': {
    id: () => 'Berkas ini bukan gambar PNG, JPEG, WebP atau GIF.',
    en: () => 'This file is not a PNG, JPEG, WebP or GIF image.',
  },
  'problem.image_unreadable': {
    id: () => 'Gambar ini rusak atau tidak bisa dibaca.',
    en: () => 'This image is damaged or cannot be read.',
  },
  // Problems: Approval
  'problem.not_found': { id: () => 'Unggahan ini tidak ada (mungkin alamatnya salah).', en: () => 'There is no such post (the address may be wrong).' },
  'problem.forbidden_role': {
    id: (p: Params) => `Peran Anda (${p.role}) tidak boleh ${p.action_id}.`,
    en: (p: Params) => `Your role (${p.role}) may not ${p.action_en}.`,
  },
  'problem.own_post': {
    id: () => 'Anda tidak dapat menyetujui unggahan yang Anda tulis atau ubah sendiri. Minta pimpinan lain.',
    en: () => 'You cannot approve a post you wrote or changed yourself. Ask another approver.',
  },
  'problem.already_approved_by_you': {
    id: () => 'Anda sudah menyetujui versi ini; persetujuan kedua harus dari orang lain.',
    en: () => 'You already approved this version; the second approval must come from someone else.',
  },
  'problem.stale_version': {
    id: (p: Params) => `Unggahan ini sudah diubah oleh ${p.by} pada ${p.at} setelah Anda membukanya. Isian Anda tidak disimpan di atasnya: muat ulang, lalu terapkan lagi perubahan Anda.`,
    en: (p: Params) => `This post was changed by ${p.by} at ${p.at} after you opened it. Your changes were not saved over it: reload, then apply your changes again.`,
  },
  'problem.bad_state': {
    id: (p: Params) => `Tidak bisa ${p.action_id}: unggahan berstatus ${p.status_id}.`,
    en: (p: Params) => `Cannot ${p.action_en}: the post’s status is “${p.status_en}”.`,
  },
  'problem.comment_required': {
    id: () => 'Tulis alasan pengembalian agar penyusun tahu apa yang harus diperbaiki.',
    en: () => 'Write why it is returned, so the editor knows what to fix.',
  },
  'problem.not_live': {
    id: () => 'Unggahan ini tidak sedang tayang, jadi tidak ada yang ditarik.',
    en: () => 'This post is not live, so there is nothing to withdraw.',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;
type ParamsOf<K extends MessageKey> = (typeof MESSAGES)[K]['id'] extends (p: infer P) => string ? [params: P] : [];

/** The keys that take no parameters. */
export type PlainKey = { [K in MessageKey]: (typeof MESSAGES)[K]['id'] extends string ? K : never }[MessageKey];

export type T = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

/** One sentence in one language. */
export function message<K extends MessageKey>(lang: Language, key: K, ...params: ParamsOf<K>): string {
  const text = (MESSAGES[key] as Entry)[lang];
  return typeof text === 'string' ? text : (text as (p: Params) => string)((params[0] ?? {}) as Params);
}

/** A sentence without parameters, chosen at run time (e.g. from a table of outcomes). */
export function plain(lang: Language, key: PlainKey): string {
  return (MESSAGES[key] as { id: string; en: string })[lang];
}

/** `t('key', params)` for one language. */
export function translator(lang: Language): T {
  return (key, ...params) => message(lang, key, ...params);
}

/** One sentence in both languages, `id / en`, where a program's output (the CLI, the API's JSON) keeps both. */
export function bothLanguages<K extends MessageKey>(key: K, ...params: ParamsOf<K>): string {
  return `${message('id', key, ...params)} / ${message('en', key, ...params)}`;
}
