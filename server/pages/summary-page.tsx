import type { ReactNode } from 'react';
import { SharesChart } from '../../components/history/SharesChart';
import { I18nProvider } from '../../components/i18n';
import { PLATFORM_NAMES, isPlatformId } from '../../lib/share/platforms';
import type { Problem } from '../problems';
import type { DateRange } from '../stats/date-range';
import { formatRate, overallRate } from '../stats/participation';
import type { Summary } from '../stats/summary-data';
import type { DayCount } from '../stats/trend';
import { Both, Problems } from './posts/bits';

/** `/dashboard`: who shared over a range, which unit is behind (by rate), the trend, shares by post, platform and person, and the latest shares with their links. */

const safeLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);
const platformName = (id: string) => (isPlatformId(id) ? PLATFORM_NAMES[id] : id);

export function SummaryPage({ range, summary, trend, today, problems }: { range: DateRange; summary: Summary; trend: DayCount[]; today: string; problems: Problem[] }) {
  const rate = overallRate(summary.participation);
  const caption = `Bagikan per hari / shares per day, ${range.from} – ${range.to}`;
  return (
    <>
      <h1>
        <Both id="Dasbor laporan Siar" en="Siar report dashboard" />
      </h1>
      <form method="get" action="/dashboard" className="actions" aria-label="Rentang tanggal / date range">
        <label>
          <Both id="Dari" en="From" /> <input type="date" name="from" defaultValue={range.from} />
        </label>
        <label>
          <Both id="Sampai" en="To" /> <input type="date" name="to" defaultValue={range.to} />
        </label>
        <button type="submit">
          <Both id="Tampilkan" en="Show" />
        </button>
        <a className="button primary" href={`/dashboard.csv?from=${range.from}&to=${range.to}`}>
          <Both id="Ekspor CSV (;)" en="Export CSV" />
        </a>
        <a className="button" href={`/dashboard.csv?from=${range.from}&to=${range.to}&sep=comma`}>
          CSV (,)
        </a>
      </form>
      <Problems problems={problems} kind="error" title={['Rentang tanggal tidak sah', 'Invalid date range']} />
      <div className="totals">
        <div className="total">
          <strong data-total="rate">{formatRate(rate, 'id')}</strong>
          <Both id="partisipasi" en="participation" />
        </div>
        <div className="total">
          <strong data-total="sharers">{summary.sharers}</strong>
          <Both id="pegawai membagikan" en="people shared" />
        </div>
        <div className="total">
          <strong data-total="shares">{summary.shares}</strong>
          <Both id="bagikan" en="shares" />
        </div>
        <div className="total">
          <strong data-total="verified">{summary.shares - summary.unverified}</strong>
          <Both id="terverifikasi" en="verified" />
        </div>
        <div className="total">
          <strong data-total="unverified">{summary.unverified}</strong>
          <Both id="belum terverifikasi" en="unverified" />
        </div>
      </div>
      <I18nProvider language="id">
        <SharesChart days={trend.map((d) => ({ date: d.date, count: d.shares }))} caption={caption} lastIsToday={range.to === today} />
      </I18nProvider>
      <div className="grid">
        <section data-section="participation">
          <h2>
            <Both id="Partisipasi per unit kerja" en="Participation per unit" />
          </h2>
          <p className="muted">
            <Both id="Yang membagikan ÷ pegawai terdaftar: adil untuk unit 3 orang maupun 300 orang." en="People who shared ÷ people enrolled: fair to a unit of 3 and a unit of 300." />
          </p>
          <table data-table-on-phone>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Unit</th>
                <th scope="col">
                  <Both id="Partisipasi" en="Rate" />
                </th>
                <th scope="col">
                  <Both id="Membagikan / terdaftar" en="Shared / enrolled" />
                </th>
                <th scope="col">
                  <Both id="Bagikan" en="Shares" />
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.participation.map((row) => (
                <tr key={row.unit} data-unit={row.unit} data-rate={row.rate ?? ''}>
                  <td>{row.rank}</td>
                  <td>{row.unit}</td>
                  <td>
                    <strong>{formatRate(row.rate, 'id')}</strong>
                    <div className="bar" aria-hidden="true">
                      <span style={{ width: `${Math.round((row.rate ?? 0) * 100)}%` }} />
                    </div>
                  </td>
                  <td>
                    {row.sharers} / {row.enrolled}
                  </td>
                  <td>{row.shares}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.unverifiedByUnit.length > 0 ? (
            <>
              <h3>
                <Both id="Belum terverifikasi, menurut unit yang dilaporkan" en="Unverified, by the unit the reports claim" />
              </h3>
              <p className="muted">
                <Both id="Dilaporkan dengan token bersama lama: pelapor tidak diperiksa, tidak dihitung dalam partisipasi." en="Sent with the legacy shared token: the reporter was not checked; not counted in participation." />
              </p>
              <CountTable rows={summary.unverifiedByUnit} rowKey={(row) => row.unit} rowAttributes={(row) => ({ 'data-unverified-unit': row.unit })} label={(row) => row.unit || '—'} count={(row) => <strong>{row.shares}</strong>} />
            </>
          ) : null}
        </section>
        <div>
          <section data-section="platforms">
            <h2>Per platform</h2>
            <CountTable rows={summary.byPlatform} rowKey={(row) => row.platform} label={(row) => platformName(row.platform)} count={(row) => <strong>{row.shares}</strong>} />
          </section>
          <section data-section="people">
            <h2>
              <Both id="Per pegawai" en="Per person" />
            </h2>
            <CountTable
              rows={summary.byPerson}
              rowKey={(row) => row.nip}
              rowAttributes={(row) => ({ 'data-person': row.nip })}
              label={(row) => (
                <>
                  {row.name}
                  <br />
                  <small>
                    {row.nip} · {row.unit}
                  </small>
                </>
              )}
              count={(row) => <strong>{row.shares}</strong>}
            />
          </section>
        </div>
      </div>
      <section data-section="posts">
        <h2>
          <Both id="Per unggahan" en="Per post" />
        </h2>
        <CountTable
          rows={summary.byPost}
          rowKey={(row) => row.item_id}
          label={(row) => (
            <>
              {safeLink(row.item_url) ? <a href={safeLink(row.item_url)!}>{row.title ?? row.item_id}</a> : (row.title ?? row.item_id)}
              {row.title ? (
                <>
                  <br />
                  <small>{row.item_id}</small>
                </>
              ) : null}
            </>
          )}
          count={(row) => (
            <>
              <Both
                id={
                  <>
                    dibagikan <strong>{row.shares}</strong> kali oleh {row.sharers} orang
                  </>
                }
                en={`shared ${row.shares} ${row.shares === 1 ? 'time' : 'times'} by ${row.sharers} ${row.sharers === 1 ? 'person' : 'people'}`}
              />
              {row.unverified > 0 ? (
                <>
                  {' '}
                  <small data-unverified={row.unverified}>
                    (<Both id={`${row.unverified} belum terverifikasi`} en={`${row.unverified} unverified`} />)
                  </small>
                </>
              ) : null}
            </>
          )}
        />
      </section>
      <section data-section="list">
        <h2>
          <Both id="Bagikan terbaru, dengan tautannya" en="Latest shares, with their links" />
        </h2>
        <table className="stack">
          <thead>
            <tr>
              <th scope="col">
                <Both id="Waktu" en="Time" />
              </th>
              <th scope="col">
                <Both id="Pegawai" en="Person" />
              </th>
              <th scope="col">
                <Both id="Unggahan" en="Post" />
              </th>
              <th scope="col">Platform</th>
              <th scope="col">
                <Both id="Tautan" en="Link" />
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.list.map((row) => (
              <tr key={row.id} data-verified={row.verified}>
                <td>{row.shared_at.slice(0, 16).replace('T', ' ')}</td>
                <td>
                  {row.name} <small>({row.unit})</small>
                  {row.verified ? null : (
                    <>
                      {' '}
                      <span className="badge">
                        belum terverifikasi <span lang="en">/ unverified</span>
                      </span>
                    </>
                  )}
                </td>
                <td>{safeLink(row.item_url) ? <a href={safeLink(row.item_url)!}>{row.item_id}</a> : row.item_id}</td>
                <td>{platformName(row.platform)}</td>
                <td>{safeLink(row.post_url) ? <a href={safeLink(row.post_url)!}>buka / open</a> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

/** A two-column table of counts: what was counted, and how many (per platform, person, post). */
function CountTable<Row>({
  rows,
  rowKey,
  rowAttributes,
  label,
  count,
}: {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowAttributes?: (row: Row) => Record<string, string>;
  label: (row: Row) => ReactNode;
  count: (row: Row) => ReactNode;
}) {
  return (
    <table>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowAttributes?.(row)}>
            <td>{label(row)}</td>
            <td>{count(row)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
