import type { SubscriptionTest } from '@/lib/feed/test-subscription';
import { skipSentence } from '../feed-skip-sentence';
import { useI18n } from '../i18n';

/** The outcome of a test fetch, in plain words, before the feed is saved. */
export function FeedTestResult({ result, signed }: { result: SubscriptionTest; signed: boolean }) {
  const { t } = useI18n();
  if (!result.ok) {
    return (
      <div className="feed-test feed-test--error" role="alert" data-feed-test="error">
        <p>{t('feedTestFailed', t(`feedError_${result.error.code}`))}</p>
        {result.error.detail ? <small className="detail">{result.error.detail}</small> : null}
      </div>
    );
  }
  return (
    <div className="feed-test feed-test--ok" role="status" data-feed-test="ok">
      <p>{t('feedTestOk', result.title, t(`feedFormat_${result.format}`), result.items, result.today)}</p>
      <p className="detail">{signed && result.signatureVerified ? t('feedTestSigned') : t('feedTestUnsigned')}</p>
      {result.skipped > 0 ? <p className="detail">{skipSentence(t, result.skipReasons, result.skipped)}</p> : null}
    </div>
  );
}
