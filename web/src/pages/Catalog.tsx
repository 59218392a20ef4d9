import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { catalog } from '../api/endpoints';
import type { Course } from '../api/types';
import { ErrorBox, Loading, Pager, useAsync } from '../components/common';
import { useI18n } from '../i18n/i18n';

export function CourseCard({ course }: { course: Course }) {
  const { t, lang } = useI18n();
  return (
    <article className="course-card">
      <div className="course-cover" aria-hidden="true"><span>{course.category}</span></div>
      <div className="course-body">
        <p className="tags">
          <span className="tag">{t(`trainingType.${course.trainingType}`)}</span>
          <span className="tag tag-muted">{t(`level.${course.level}`)}</span>
        </p>
        <h3><Link to={`/courses/${course.id}`}>{course.title}</Link></h3>
        <p className="muted clamp">{course.description}</p>
        <p className="price">{course.price === 0 ? t('catalog.free') : course.price.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US') + t('catalog.won')}</p>
      </div>
    </article>
  );
}

export function Catalog() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const level = params.get('level') ?? '';
  const trainingType = params.get('trainingType') ?? '';
  const page = Number(params.get('page') ?? 0);
  const [text, setText] = useState(q);
  const courses = useAsync(() => catalog.search({ q, level, trainingType, page, size: 12 }), [q, level, trainingType, page]);
  const set = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    Object.entries(patch).forEach(([k, v]) => (v ? next.set(k, v) : next.delete(k)));
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const search = (e: FormEvent) => { e.preventDefault(); set({ q: text.trim() }); };
  return (
    <div className="page">
      <h1>{t('catalog.title')}</h1>
      <form className="filters" onSubmit={search} role="search">
        <label className="field grow">
          <span>{t('catalog.search')}</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('catalog.searchPlaceholder')} maxLength={100} />
        </label>
        <label className="field">
          <span>{t('catalog.trainingType')}</span>
          <select value={trainingType} onChange={(e) => set({ trainingType: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {['SAEOPJU', 'NAEIL_CARD', 'SMART_MIXED'].map((v) => <option key={v} value={v}>{t(`trainingType.${v}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.level')}</span>
          <select value={level} onChange={(e) => set({ level: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {['BEGINNER', 'INTERMEDIATE', 'ADVANCED'].map((v) => <option key={v} value={v}>{t(`level.${v}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="btn btn-primary">{t('catalog.searchButton')}</button>
      </form>
      <ErrorBox error={courses.error} />
      {courses.loading && !courses.data ? <Loading /> : null}
      <div className="grid">
        {courses.data?.items.map((c) => <CourseCard key={c.id} course={c} />)}
      </div>
      {courses.data && courses.data.items.length === 0 ? <p className="muted">{t('catalog.empty')}</p> : null}
      {courses.data ? <Pager page={courses.data.page} onPage={(p) => set({ page: String(p) })} /> : null}
    </div>
  );
}
