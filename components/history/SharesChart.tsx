// Relative imports: Siar Kantor renders this component on the server, where WXT's '@/' alias (from .wxt/) does not exist in a server-only install.
import type { DayCount } from '../../lib/reports/history';
import { useI18n } from '../i18n';

const WIDTH = 1000;
const HEIGHT = 170;
const TOP = 16;
const BOTTOM = 22;

/** "26 Nov" for a YYYY-MM-DD, in the page's language. */
function shortDate(date: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/**
 * Shares per day over the last 30 days: plain SVG bars, today's in the accent colour.
 * Siar Kantor's dashboard renders the same chart on the server (any date range, its own caption).
 */
export function SharesChart({ days, caption: givenCaption, lastIsToday = true }: { days: DayCount[]; caption?: string; lastIsToday?: boolean }) {
  const { t, language } = useI18n();
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const max = Math.max(1, ...days.map((day) => day.count));
  const slot = WIDTH / Math.max(1, days.length);
  const plot = HEIGHT - TOP - BOTTOM;
  const caption = givenCaption ?? t('historyChartTitle', total);
  const labelled = new Set([0, Math.floor((days.length - 1) / 2), days.length - 1]);
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={caption}>
        <line className="chart-axis" x1="0" x2={WIDTH} y1={HEIGHT - BOTTOM} y2={HEIGHT - BOTTOM} />
        {days.map((day, i) => {
          const height = (day.count / max) * plot;
          const x = i * slot + slot * 0.15;
          const y = HEIGHT - BOTTOM - height;
          const today = lastIsToday && i === days.length - 1;
          return (
            <g key={day.date} data-date={day.date} data-count={day.count}>
              <title>{`${shortDate(day.date, language)}: ${day.count}`}</title>
              <rect className={today ? 'chart-bar chart-bar--today' : 'chart-bar'} x={x} y={y} width={slot * 0.7} height={Math.max(height, day.count > 0 ? 1 : 0)} rx="2" />
              {day.count > 0 ? (
                <text className="chart-count" x={x + slot * 0.35} y={y - 3} textAnchor="middle">
                  {day.count}
                </text>
              ) : null}
              {labelled.has(i) ? (
                <text className="chart-label" x={x + slot * 0.35} y={HEIGHT - 6} textAnchor={i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}>
                  {today ? t('historyToday') : shortDate(day.date, language)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
