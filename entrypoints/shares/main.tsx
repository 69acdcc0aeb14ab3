import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HistoryApp } from '@/components/history/HistoryApp';
import '@/assets/base.css';
import '@/assets/history.css';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <HistoryApp />
  </StrictMode>,
);
