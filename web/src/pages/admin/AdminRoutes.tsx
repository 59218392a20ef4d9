import { NavLink, Route, Routes } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { Dashboard } from './Dashboard';
import { Members } from './Members';
import { Courses } from './Courses';
import { CourseEditor } from './CourseEditor';
import { Cohorts, CohortEnrollments } from './Cohorts';
import QuestionBank from '../../exams/QuestionBank';
import Grading from '../../exams/Grading';
import AdminBilling from '../../billing/AdminBilling';

/** The operator console: its own chunk, loaded only for admins. */
export default function AdminRoutes() {
  const { t } = useI18n();
  return (
    <div className="console">
      <nav className="console-nav" aria-label={t('nav.admin')}>
        <NavLink end to="/admin">{t('admin.dashboard')}</NavLink>
        <NavLink to="/admin/members">{t('admin.members')}</NavLink>
        <NavLink to="/admin/courses">{t('admin.courses')}</NavLink>
        <NavLink to="/admin/cohorts">{t('admin.cohorts')}</NavLink>
        <NavLink to="/admin/question-bank">{t('bank.title')}</NavLink>
        <NavLink to="/admin/grading">{t('grading.title')}</NavLink>
        <NavLink to="/admin/billing">{t('adminBilling.title')}</NavLink>
        <span className="console-later" title={t('admin.laterHint')}>{t('admin.later')}</span>
      </nav>
      <div className="console-body">
        <Routes>
          <Route index element={<Dashboard />} />
          <Route path="members" element={<Members />} />
          <Route path="courses" element={<Courses />} />
          <Route path="courses/:courseId" element={<CourseEditor />} />
          <Route path="cohorts" element={<Cohorts />} />
          <Route path="cohorts/:cohortId" element={<CohortEnrollments />} />
          <Route path="question-bank" element={<QuestionBank />} />
          <Route path="grading" element={<Grading />} />
          <Route path="billing" element={<AdminBilling />} />
        </Routes>
      </div>
    </div>
  );
}
