import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { admin } from '../../api/endpoints';
import { ErrorBox, Pager, useAsync } from '../../components/common';
import { useI18n } from '../../i18n/i18n';

export function Courses() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(0);
  const courses = useAsync(() => admin.courses({ page }), [page]);
  const [form, setForm] = useState({ title: '', description: '', category: '', trainingType: 'SAEOPJU', level: 'BEGINNER', price: '0' });
  const [error, setError] = useState<unknown>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const course = await admin.createCourse({ ...form, title: form.title.trim(), category: form.category.trim(), price: Number(form.price) });
      navigate(`/admin/courses/${course.id}`);
    } catch (err) { setError(err); }
  };
  return (
    <div className="page">
      <h1>{t('admin.courses')}</h1>
      <details className="card" open={courses.data?.items.length === 0}>
        <summary data-testid="new-course">{t('admin.newCourse')}</summary>
        <form className="form grid-form" onSubmit={create}>
          <label className="field"><span>{t('admin.courseTitle')}</span><input name="title" required maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></label>
          <label className="field"><span>{t('admin.category')}</span><input name="category" required maxLength={50} value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })} /></label>
          <label className="field"><span>{t('catalog.trainingType')}</span>
            <select value={form.trainingType} onChange={(e) => setForm({ ...form, trainingType: e.target.value })}>
              {['SAEOPJU', 'NAEIL_CARD', 'SMART_MIXED'].map((v) => <option key={v} value={v}>{t(`trainingType.${v}`)}</option>)}</select></label>
          <label className="field"><span>{t('catalog.level')}</span>
            <select value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value })}>
              {['BEGINNER', 'INTERMEDIATE', 'ADVANCED'].map((v) => <option key={v} value={v}>{t(`level.${v}`)}</option>)}</select></label>
          <label className="field"><span>{t('admin.price')}</span><input type="number" min={0} required value={form.price} onChange={(e) => setForm({ ...form, price: e.target.value })} /></label>
          <label className="field wide"><span>{t('admin.description')}</span><textarea rows={3} maxLength={10000} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} /></label>
          <ErrorBox error={error} />
          <button type="submit" className="btn btn-primary" data-testid="create-course">{t('admin.create')}</button>
        </form>
      </details>
      <ErrorBox error={courses.error} />
      <table className="table" data-testid="admin-courses">
        <thead><tr><th>{t('admin.courseTitle')}</th><th>{t('admin.category')}</th><th>{t('catalog.trainingType')}</th><th>{t('admin.status')}</th><th /></tr></thead>
        <tbody>
          {courses.data?.items.map((c) => (
            <tr key={c.id}><td>{c.title}</td><td>{c.category}</td><td>{t(`trainingType.${c.trainingType}`)}</td><td>{t(`courseStatus.${c.status}`)}</td>
              <td><Link className="btn btn-small" to={`/admin/courses/${c.id}`}>{t('admin.edit')}</Link></td></tr>
          ))}
        </tbody>
      </table>
      {courses.data ? <Pager page={courses.data.page} onPage={setPage} /> : null}
    </div>
  );
}
