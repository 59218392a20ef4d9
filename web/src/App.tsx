import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setSessionLostHandler } from './api/http';
import { auth } from './api/endpoints';
import { homeOf, session } from './api/session';
import { Loading, useClaims } from './components/common';
import { useI18n } from './i18n/i18n';
import { Home } from './pages/Home';
import { Catalog } from './pages/Catalog';
import { CourseDetail } from './pages/CourseDetail';
import { Login } from './pages/Login';
import { SignUp } from './pages/SignUp';

// signed-in areas are split out of the public pages' bundle (docs/benchmarks.md, web budgets)
const MyPage = lazy(() => import('./pages/MyPage'));
const Classroom = lazy(() => import('./pages/Classroom'));
const EnrollmentLessons = lazy(() => import('./pages/EnrollmentLessons'));
const PlayerPage = lazy(() => import('./player/PlayerPage'));
const InstructorHome = lazy(() => import('./pages/Instructor'));
const AdminRoutes = lazy(() => import('./pages/admin/AdminRoutes'));
const MyExams = lazy(() => import('./exams/MyExams'));
const AttemptPage = lazy(() => import('./exams/AttemptPage'));
const Cart = lazy(() => import('./billing/Cart'));
const Checkout = lazy(() => import('./billing/Checkout'));
const Orders = lazy(() => import('./billing/Orders'));
const SupportPage = lazy(() => import('./chatbot/SupportPage'));

function RequireRole({ roles, children }: { roles?: string[]; children: ReactNode }) {
  const claims = useClaims();
  const location = useLocation();
  if (!claims) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (roles && !roles.some((r) => claims.roles.includes(r))) {
    return <Navigate to={homeOf(claims.roles)} replace />;
  }
  return <>{children}</>;
}

function Header() {
  const { t, lang, setLang } = useI18n();
  const claims = useClaims();
  const navigate = useNavigate();
  const roles = claims?.roles ?? [];
  const logOut = async () => {
    await auth.logOut().catch(() => undefined);
    session.clear();
    navigate('/');
  };
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="brand" aria-label={t('brand.home')}>
          <span className="brand-mark" aria-hidden="true">배</span>
          <span>{t('brand.name')}</span>
        </Link>
        <nav className="mainnav" aria-label={t('nav.main')}>
          <NavLink to="/courses">{t('nav.catalog')}</NavLink>
          {roles.includes('TRAINEE') ? <NavLink to="/classroom">{t('nav.classroom')}</NavLink> : null}
          {roles.includes('TRAINEE') ? <NavLink to="/exams">{t('nav.exams')}</NavLink> : null}
          {claims ? <NavLink to="/orders">{t('nav.orders')}</NavLink> : null}
          {claims ? <NavLink to="/support">{t('nav.support')}</NavLink> : null}
          {roles.includes('INSTRUCTOR') ? <NavLink to="/instructor">{t('nav.instructor')}</NavLink> : null}
          {roles.includes('ADMIN') ? <NavLink to="/admin">{t('nav.admin')}</NavLink> : null}
        </nav>
        <div className="topbar-actions">
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}
            aria-label={t('nav.language')}>{lang === 'ko' ? 'English' : '한국어'}</button>
          {claims ? (
            <>
              <NavLink to="/cart" className="btn btn-ghost btn-small" data-testid="nav-cart">{t('nav.cart')}</NavLink>
              <NavLink to="/me" className="btn btn-ghost btn-small">{t('nav.mypage')}</NavLink>
              <button type="button" className="btn btn-small" onClick={logOut} data-testid="logout">{t('nav.logout')}</button>
            </>
          ) : (
            <>
              <NavLink to="/login" className="btn btn-ghost btn-small">{t('nav.login')}</NavLink>
              <NavLink to="/signup" className="btn btn-primary btn-small">{t('nav.signup')}</NavLink>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

export function App() {
  const navigate = useNavigate();
  const location = useLocation();
  const { t } = useI18n();
  useEffect(() => {
    setSessionLostHandler(() => {
      const here = window.location.pathname + window.location.search;
      if (!here.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here)}&expired=1`);
    });
  }, [navigate]);
  useEffect(() => { window.scrollTo(0, 0); }, [location.pathname]);
  return (
    <div className="app">
      <a href="#main" className="skip-link">{t('nav.skip')}</a>
      <Header />
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/courses" element={<Catalog />} />
            <Route path="/courses/:courseId" element={<CourseDetail />} />
            <Route path="/login" element={<Login />} />
            <Route path="/signup" element={<SignUp />} />
            <Route path="/me" element={<RequireRole><MyPage /></RequireRole>} />
            <Route path="/classroom" element={<RequireRole roles={['TRAINEE']}><Classroom /></RequireRole>} />
            <Route path="/classroom/:enrollmentId" element={<RequireRole roles={['TRAINEE']}><EnrollmentLessons /></RequireRole>} />
            <Route path="/classroom/:enrollmentId/lessons/:lessonId" element={<RequireRole roles={['TRAINEE']}><PlayerPage /></RequireRole>} />
            <Route path="/exams" element={<RequireRole roles={['TRAINEE']}><MyExams /></RequireRole>} />
            <Route path="/exams/attempts/:attemptId" element={<RequireRole roles={['TRAINEE']}><AttemptPage /></RequireRole>} />
            <Route path="/cart" element={<RequireRole><Cart /></RequireRole>} />
            <Route path="/checkout/:orderId" element={<RequireRole><Checkout /></RequireRole>} />
            <Route path="/orders" element={<RequireRole><Orders /></RequireRole>} />
            <Route path="/support" element={<RequireRole><SupportPage /></RequireRole>} />
            <Route path="/instructor/*" element={<RequireRole roles={['INSTRUCTOR', 'ADMIN']}><InstructorHome /></RequireRole>} />
            <Route path="/admin/*" element={<RequireRole roles={['ADMIN']}><AdminRoutes /></RequireRole>} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('footer.text')}</p>
      </footer>
    </div>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <div className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </div>
  );
}
