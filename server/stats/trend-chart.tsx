import { renderToStaticMarkup } from 'react-dom/server';
import { SharesChart } from '../../components/history/SharesChart';
import { I18nProvider } from '../../components/i18n';
import type { Language } from '../../lib/i18n';
import type { DayCount } from './trend';

/**
 * The dashboard's trend: the extension's own history chart (components/history),
 * rendered to an `<svg>` on the server, so the office and the civil servant read the
 * same picture. Styles: assets/history.css.
 */
export function trendChartHtml(series: readonly DayCount[], options: { language: Language; today: string }): string {
  const total = series.reduce((sum, day) => sum + day.shares, 0);
  const first = series[0]?.date ?? '';
  const last = series.at(-1)?.date ?? '';
  const caption =
    options.language === 'id'
      ? `Bagikan per hari, ${first} s.d. ${last} (jumlah ${total})`
      : `Shares per day, ${first} to ${last} (total ${total})`;
  return renderToStaticMarkup(
    <I18nProvider language={options.language}>
      <SharesChart days={series.map((day) => ({ date: day.date, count: day.shares }))} caption={caption} lastIsToday={last === options.today} />
    </I18nProvider>,
  );
}
