import { useState } from 'react';
import { platformLabel } from '@/lib/share/platform-label';
import type { PlatformId } from '@/lib/share/platforms';
import { useI18n } from '../i18n';

interface Props {
  platforms: PlatformId[];
  sharedOn: readonly PlatformId[];
  onConfirm: (platform: PlatformId, postUrl: string) => Promise<boolean>;
}

/** "I shared it": a manual confirmation, for where Siar cannot see the post (docs/protocol.md §3.2). */
export function ConfirmShare({ platforms, sharedOn, onConfirm }: Props) {
  const { t } = useI18n();
  const [postUrl, setPostUrl] = useState('');
  return (
    <details className="confirm">
      <summary>{t('iShared')}</summary>
      <p className="detail">{t('iSharedHelp')}</p>
      <label className="field">
        <span>{t('postLinkLabel')}</span>
        <input type="url" inputMode="url" placeholder="https://" value={postUrl} onChange={(event) => setPostUrl(event.target.value)} />
      </label>
      <p className="confirm-prompt">{t('sharedOnPrompt')}</p>
      <div className="confirm-platforms">
        {platforms.map((p) => (
          <button
            key={p}
            type="button"
            className="button button--small"
            data-siar-confirm={p}
            onClick={() => void onConfirm(p, postUrl).then((ok) => ok && setPostUrl(''))}
          >
            {sharedOn.includes(p) ? <span aria-hidden="true">✓ </span> : null}
            {platformLabel(p, t)}
          </button>
        ))}
      </div>
    </details>
  );
}
