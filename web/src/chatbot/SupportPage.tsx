import { ChatPanel } from './ChatPanel';
import { useI18n } from '../i18n/i18n';

/** 고객센터: the support channel (FAQ entries and notices), for any signed-in account. */
export default function SupportPage() {
  const { t } = useI18n();
  return (
    <div className="page narrow">
      <h1>{t('chat.supportTitle')}</h1>
      <p className="lead">{t('chat.supportLead')}</p>
      <div className="card"><ChatPanel channel="support" title={t('chat.supportTitle')} /></div>
    </div>
  );
}
