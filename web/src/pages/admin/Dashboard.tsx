import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { admin } from '../../api/endpoints';
import type { Cohort } from '../../api/types';
import { ErrorBox, formatDate, useAsync } from '../../components/common';
import { useI18n } from '../../i18n/i18n';

/** Cohorts starting per month of this year and last year (from the cohort list; no statistics API yet). */
export function cohortsPerMonth(cohorts: Cohort[], year: number): number[] {
  const months = new Array<number>(12).fill(0);
  cohorts.forEach((c) => {
    const [y, m] = c.studyFrom.split('-').map(Number);
    if (y === year) months[m - 1] += 1;
  });
  return months;
}

function MonthlyChart({ cohorts }: { cohorts: Cohort[] }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let live = true;
    const year = new Date().getFullYear();
    import('chart.js').then(({ Chart, registerables }) => {
      if (!live || !canvas.current) return;
      Chart.register(...registerables);
      chart = new Chart(canvas.current, {
        type: 'bar',
        data: {
          labels: Array.from({ length: 12 }, (_, i) => t('admin.month', { m: i + 1 })),
          datasets: [
            { label: String(year - 1), data: cohortsPerMonth(cohorts, year - 1), backgroundColor: '#cbd5e1' },
            { label: String(year), data: cohortsPerMonth(cohorts, year), backgroundColor: '#1d4ed8' },
          ],
        },
        options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
      });
    });
    return () => { live = false; chart?.destroy(); };
  }, [cohorts, t]);
  return <div className="chart-box"><canvas ref={canvas} role="img" aria-label={t('admin.chartLabel')} /></div>;
}

export function Dashboard() {
  const { t, lang } = useI18n();
  const data = useAsync(async () => {
    const [members, courses, cohorts, roleRequests] = await Promise.all([
      admin.members({ page: 0 }), admin.courses({ page: 0 }), admin.cohorts({ page: 0, size: 100 }), admin.roleRequests(0),
    ]);
    return { members, courses, cohorts, roleRequests };
  }, []);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const running = data.data?.cohorts.items.filter((c) => c.studyFrom <= today && today <= c.studyTo) ?? [];
  return (
    <div className="page">
      <h1>{t('admin.dashboardTitle')}</h1>
      <ErrorBox error={data.error} />
      <div className="stat-cards" data-testid="admin-dashboard">
        <div className="stat"><strong>{data.data?.members.page.total ?? '—'}</strong><span>{t('admin.statMembers')}</span></div>
        <div className="stat"><strong>{data.data?.courses.page.total ?? '—'}</strong><span>{t('admin.statCourses')}</span></div>
        <div className="stat"><strong>{data.data?.cohorts.page.total ?? '—'}</strong><span>{t('admin.statCohorts')}</span></div>
        <div className="stat"><strong>{data.data?.roleRequests.page.total ?? '—'}</strong><span>{t('admin.statRoleRequests')}</span></div>
      </div>
      <section className="card">
        <h2>{t('admin.monthly')}</h2>
        {data.data ? <MonthlyChart cohorts={data.data.cohorts.items} /> : null}
      </section>
      <section className="card">
        <h2>{t('admin.running')}</h2>
        <table className="table">
          <thead><tr><th>{t('admin.cohort')}</th><th>{t('course.studyPeriod')}</th><th>{t('course.capacityLabel')}</th><th /></tr></thead>
          <tbody>
            {running.map((c) => (
              <tr key={c.id}><td>{c.name}</td><td>{formatDate(c.studyFrom, lang)} ~ {formatDate(c.studyTo, lang)}</td><td>{c.capacity}</td>
                <td><Link to={`/admin/cohorts/${c.id}`} className="btn btn-small">{t('admin.enrollments')}</Link></td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
