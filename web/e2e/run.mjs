// Browser journeys against the running suite (deploy/local/up.sh), in Debian's Chromium driven by
// playwright-core over CDP. Chromium is started by this script (not Playwright's launch(), whose focus
// emulation keeps every page visible) and joined with connectOverCDP(…, {noDefaults: true}), which leaves
// the default context's pages without that emulation: bringing another page to the front hides the one
// behind it — a real, trusted visibilitychange. So every journey brings its page to the front first.
//   BAEUM_WEB_URL   the gateway (default http://127.0.0.1:8080)
//   BAEUM_ROOT      the checkout whose var/log/auth-service.log has the demo accounts (default ..)
//   CHROMIUM        the browser binary (default /usr/bin/chromium)
// Screenshots: web/target/screenshots/*.png. Last line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const BASE = process.env.BAEUM_WEB_URL ?? 'http://127.0.0.1:8080';
const ROOT = resolve(process.env.BAEUM_ROOT ?? join(here, '..', '..'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(here, '..', 'target', 'screenshots');
const RUN = Date.now().toString(36);
mkdirSync(SHOTS, { recursive: true });

// ---------------------------------------------------------------- browser
const browsers = [];
async function startBrowser(name) {
  const dir = mkdtempSync(join(tmpdir(), `baeum-e2e-${name}-`));
  const child = spawn(CHROMIUM, [
    '--headless', '--remote-debugging-port=0', `--user-data-dir=${dir}`, '--no-sandbox', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--autoplay-policy=no-user-gesture-required', '--window-size=1440,900', '--lang=ko-KR',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', () => undefined);
  const portFile = join(dir, 'DevToolsActivePort');
  for (let i = 0; i < 200 && !existsSync(portFile); i++) await sleep(100);
  const [port, path] = readFileSync(portFile, 'utf8').trim().split('\n');
  // noDefaults: no focus emulation on the default context's pages (else they can never become hidden)
  const browser = await chromium.connectOverCDP(`ws://127.0.0.1:${port}${path}`, { noDefaults: true });
  const context = browser.contexts()[0];
  const entry = { browser, context, child, dir };
  browsers.push(entry);
  return entry;
}
async function stopBrowsers() {
  for (const b of browsers) {
    await b.browser.close().catch(() => undefined);
    const exited = new Promise((r) => b.child.once('exit', r));
    b.child.kill('SIGTERM');
    await Promise.race([exited, sleep(5000)]);
    try { rmSync(b.dir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* a temp dir left behind */ }
  }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function newPage(context) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  page.beats = [];
  page.on('response', async (response) => {
    if (/\/api\/v1\/playback\/sessions\/[^/]+\/(heartbeats|cues|identity-checks|end)/.test(response.url())) {
      try { page.beats.push((await response.json()).data); } catch { /* not JSON */ }
    }
  });
  page.on('pageerror', (error) => console.log(`    [page error] ${error.message}`));
  await page.bringToFront();
  return page;
}
async function shot(page, name) {
  // a headless background tab paints nothing: bring it to the front (this hides the others)
  await page.bringToFront();
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}
async function until(what, check, timeoutMs = 30000, stepMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try { last = await check(); if (last) return last; } catch (e) { last = e; }
    await sleep(stepMs);
  }
  throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
}

// ---------------------------------------------------------------- API (test set-up only)
async function api(method, path, body, token) {
  const response = await fetch(BASE + path, {
    method, headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json?.error ?? json)}`);
  return json.data;
}
function demoAccounts() {
  const log = readFileSync(join(ROOT, 'var/log/auth-service.log'), 'utf8');
  const found = {};
  for (const m of log.matchAll(/demo account: (\S+) \/ (\S+) \((ADMIN|INSTRUCTOR|TRAINEE)\)/g)) found[m[3]] = { email: m[1], password: m[2] };
  return found;
}
const tokens = {};
async function tokenOf(account) {
  if (!tokens[account.email]) tokens[account.email] = (await api('POST', '/api/v1/auth/login', account)).accessToken;
  return tokens[account.email];
}
async function newVerifiedTrainee(nickname, verify = true) {
  const terms = (await api('GET', '/api/v1/terms')).filter((t) => t.required).map((t) => ({ code: t.code, version: t.version }));
  const email = `e2e-${RUN}-${nickname}@e2e.baeum.local`;
  const password = `Kx!${RUN}${Math.random().toString(36).slice(2)}Aa9`;
  const me = await api('POST', '/api/v1/auth/signup', { email, password, name: `수강생 ${nickname}`, phone: '010' + String(10000000 + Math.floor(Math.random() * 89999999)), agreedTerms: terms });
  let token = (await api('POST', '/api/v1/auth/login', { email, password })).accessToken;
  if (!verify) return { id: me.id, email, password, token };
  const idv = await api('POST', '/api/v1/identity-verifications', undefined, token);
  token = (await api('POST', `/api/v1/identity-verifications/${idv.identityVerificationId}/complete`, undefined, token)).accessToken;
  return { id: me.id, email, password, token };
}
/** A published course of one lesson (sandbox video → /media/sample.mp4) and a running cohort. */
async function courseByApi(adminToken, instructorId, title, recognisedSeconds, price = 0) {
  const course = await api('POST', '/api/v1/admin/courses', { title, category: 'e2e', trainingType: 'SAEOPJU', level: 'BEGINNER', price }, adminToken);
  const subject = await api('POST', `/api/v1/admin/courses/${course.id}/subjects`, { title: '1과목', position: 0 }, adminToken);
  const lesson = await api('POST', `/api/v1/admin/subjects/${subject.id}/lessons`, { title: '1차시', position: 0, vimeoVideoId: '1505', recognisedSeconds }, adminToken);
  await api('POST', `/api/v1/admin/courses/${course.id}/publish`, undefined, adminToken);
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const later = new Date(Date.now() + 30 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const cohort = await api('POST', `/api/v1/admin/courses/${course.id}/cohorts`, { name: `e2e ${RUN}`, studyFrom: today, studyTo: later,
    enrollmentFrom: today, enrollmentTo: later, capacity: 10, instructorIds: [instructorId] }, adminToken);
  return { courseId: course.id, lessonId: lesson.id, cohortId: cohort.id };
}

async function logIn(page, account) {
  await page.goto(`${BASE}/login`);
  await page.fill('input[name=email]', account.email);
  await page.fill('input[name=password]', account.password);
  await page.click('form button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
const video = (page) => page.locator('video[data-testid=video]');
const media = (page) => page.evaluate(() => {
  const v = document.querySelector('video');
  return v ? { time: v.currentTime, rate: v.playbackRate, paused: v.paused, hidden: document.visibilityState } : null;
});

// ---------------------------------------------------------------- journeys
const results = [];
class Skip extends Error {}
async function journey(name, body) {
  // E2E_ONLY=<part of a journey name>[,<another part>…]
  if (process.env.E2E_ONLY && !process.env.E2E_ONLY.split(',').some((part) => name.includes(part.trim()))) return;
  const started = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ok    ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    if (error instanceof Skip) {
      results.push({ name, ok: true, skipped: true });
      console.log(`  SKIP  ${name}: ${error.message}`);
      return;
    }
    results.push({ name, ok: false });
    console.log(`  FAIL  ${name}: ${error.stack ?? error}`);
    // what each open page showed, for the report
    let n = 0;
    for (const b of browsers) {
      for (const page of b.context.pages()) {
        n += 1;
        const text = await page.locator('[data-testid=error], [data-testid=player-notice]').allTextContents().catch(() => []);
        console.log(`    page ${n}: ${page.url()} ${text.join(' | ')}`);
        await page.screenshot({ path: join(SHOTS, `fail-${results.length}-${n}.png`), timeout: 5000 }).catch(() => undefined);
      }
    }
  }
}

const demo = demoAccounts();
const state = {};
const { context } = await startBrowser('main');

await journey('the home page is Korean, fast, and the catalog lists courses', async () => {
  const page = await newPage(context);
  const start = Date.now();
  await page.goto(BASE + '/');
  await page.getByRole('heading', { level: 1 }).waitFor();
  state.homeRenderMs = Date.now() - start;
  const lang = await page.getAttribute('html', 'lang');
  if (lang !== 'ko') throw new Error(`html lang ${lang}`);
  await until('course count', async () => (await page.textContent('[data-testid=course-count]')) !== '—');
  await shot(page, '01-home');
  await page.goto(BASE + '/courses');
  await page.locator('.course-card').first().waitFor();
  await shot(page, '02-catalog');
  await page.close();
});

await journey('an admin creates a course in the console (subject, lesson, cue quiz, publish, cohort)', async () => {
  const instructorToken = await tokenOf(demo.INSTRUCTOR);
  state.instructorId = (await api('GET', '/api/v1/me', undefined, instructorToken)).id;
  const page = await newPage(context);
  await logIn(page, demo.ADMIN);
  if (!page.url().endsWith('/admin')) throw new Error(`admin landed on ${page.url()}`);
  await page.locator('[data-testid=admin-dashboard] .stat strong').first().waitFor();
  await until('dashboard figures', async () => !(await page.textContent('[data-testid=admin-dashboard]')).includes('—'));
  await sleep(500);
  await shot(page, '10-admin-dashboard');
  await page.goto(BASE + '/admin/courses');
  await page.click('[data-testid=new-course]');
  state.courseTitle = `E2E 산업안전 기초 ${RUN}`;
  await page.fill('input[name=title]', state.courseTitle);
  await page.fill('input[name=category]', '안전');
  await page.click('[data-testid=create-course]');
  await page.waitForURL(/\/admin\/courses\/[0-9a-f-]{36}$/);
  state.courseId = page.url().split('/').pop();
  await page.fill('[data-testid=subject-title]', '1과목 안전의 기초');
  await page.click('[data-testid=subject-add]');
  await page.locator('[data-testid=lesson-title]').waitFor();
  await page.fill('[data-testid=lesson-title]', '1차시 작업장 안전수칙');
  await page.fill('[data-testid=lesson-video]', '1505');
  await page.fill('[data-testid=lesson-recognised]', '10');
  await page.click('[data-testid=lesson-add]');
  await page.locator('[data-testid=cue-question]').waitFor();
  await page.fill('[data-testid=cue-at]', '3');
  await page.fill('[data-testid=cue-question]', '작업 전 반드시 착용해야 하는 것은?');
  await page.fill('[data-testid=cue-options]', '안전모\n슬리퍼\n이어폰');
  await page.fill('[data-testid=cue-correct]', '0');
  await page.click('[data-testid=cue-add]');
  await page.getByText('작업 전 반드시 착용해야 하는 것은?').first().waitFor();
  await page.click('[data-testid=publish]');
  await until('published', async () => (await page.textContent('[data-testid=course-status]')) === '공개');
  await page.fill('[data-testid=cohort-name]', `E2E ${RUN} 1기`);
  await page.fill('[data-testid=cohort-instructors]', state.instructorId);
  await page.click('[data-testid=cohort-create]');
  await page.locator('table a[href^="/admin/cohorts/"]').first().waitFor();
  state.cohortId = (await page.getAttribute('table a[href^="/admin/cohorts/"]', 'href')).split('/').pop();
  await shot(page, '11-admin-course-editor');
  state.adminPage = page;
});

await journey('a trainee signs up with the terms, verifies identity, applies; the admin approves in the console', async () => {
  const page = await newPage(context);
  // a second browser context keeps the admin's tab session apart (tokens live per tab)
  await page.goto(BASE + '/signup');
  await page.locator('[data-testid=agree-all]').waitFor();
  state.trainee = { email: `e2e-${RUN}-ui@e2e.baeum.local`, password: `Kx!${RUN}Ui-pass-9` };
  await page.fill('input[name=email]', state.trainee.email);
  await page.fill('input[name=password]', state.trainee.password);
  await page.fill('input[name=name]', '김배움');
  await page.fill('input[name=phone]', '010' + String(10000000 + Math.floor(Math.random() * 89999999)));
  await page.check('[data-testid=agree-all]');
  await shot(page, '03-signup');
  await page.click('form button[type=submit]');
  await page.waitForURL(/\/me/);
  await page.click('[data-testid=verify-identity]');
  await until('identity verified', async () => (await page.textContent('[data-testid=identity-status]')).startsWith('완료'));
  await shot(page, '04-mypage');
  state.traineeId = await page.evaluate(() => JSON.parse(atob(sessionStorage.getItem('baeum.access').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).sub);
  await page.goto(`${BASE}/courses/${state.courseId}`);
  await page.click(`[data-testid=apply-${state.cohortId}]`);
  await page.locator('[data-testid=applied]').waitFor();
  await shot(page, '05-course-detail-applied');
  const admin = state.adminPage;
  await admin.bringToFront(); // a tab behind another is hidden: its animation frames (Playwright's "stable") wait
  await admin.goto(`${BASE}/admin/cohorts/${state.cohortId}`);
  await admin.click(`[data-testid=approve-${state.traineeId}]`);
  await until('approved', async () => (await admin.locator(`[data-testid=approve-${state.traineeId}]`).count()) === 0);
  await shot(admin, '12-admin-enrollments');
  state.traineePage = page;
});

await journey('the trainee watches the lesson: the quiz stops the video at its cue, and 진도율 rises', async () => {
  const page = state.traineePage;
  await page.bringToFront();
  const started = Date.now();
  await page.goto(BASE + '/classroom');
  await page.locator('[data-testid=classroom-card]').first().waitFor();
  state.classroomRenderMs = Date.now() - started;
  await shot(page, '06-classroom');
  await page.click('[data-testid=classroom-card] a.btn');
  await page.click('[data-testid=continue]');
  await video(page).waitFor();
  await until('player ready', async () => page.isEnabled('[data-testid=play]'));
  await page.click('[data-testid=play]');
  await page.locator('[data-testid=quiz]').waitFor({ timeout: 20000 });
  const atQuiz = await media(page);
  if (!atQuiz.paused || atQuiz.time < 2.9 || atQuiz.time > 5) throw new Error(`at the cue: ${JSON.stringify(atQuiz)}`);
  await shot(page, '07-player-quiz');
  await page.locator('[data-testid=quiz] input[type=radio]').nth(1).check();
  await page.click('[data-testid=quiz-submit]');
  await page.locator('[data-testid=quiz-wrong]').waitFor();
  await page.locator('[data-testid=quiz] input[type=radio]').nth(0).check();
  await page.click('[data-testid=quiz-submit]');
  await page.locator('[data-testid=quiz]').waitFor({ state: 'detached' });
  await until('playing again', async () => !(await media(page)).paused, 10000);
  await until('the lesson complete (server totals)', async () => (await page.textContent('[data-testid=lesson-percent]')) === '100%', 60000, 500);
  await shot(page, '08-player-complete');
  await page.goto(BASE + '/classroom');
  await until('진도율 in the classroom', async () => {
    await page.reload();
    await page.locator('[data-testid=progress-percent]').first().waitFor();
    return (await page.textContent('[data-testid=progress-percent]')) === '100.0%';
  }, 45000, 1500);
  await shot(page, '09-classroom-progress');
});

await journey('the anti-cheat measures, for real: seek ahead, 4x, a second browser', async () => {
  const adminToken = await tokenOf(demo.ADMIN);
  const course = state.cheatCourse = await courseByApi(adminToken, state.instructorId ?? (await api('GET', '/api/v1/me', undefined, await tokenOf(demo.INSTRUCTOR))).id, `E2E 부정수강 ${RUN}`, 600);
  const cheat = await newVerifiedTrainee('cheat');
  const enrollment = await api('POST', `/api/v1/cohorts/${course.cohortId}/enrollments`, {}, cheat.token);
  await api('POST', `/api/v1/admin/enrollments/${enrollment.id}/approve`, {}, adminToken);
  const { context: own } = await startBrowser('cheat');
  const page = await newPage(own);
  await logIn(page, cheat);
  await page.goto(`${BASE}/classroom/${enrollment.id}/lessons/${course.lessonId}`);
  await video(page).waitFor();
  await until('player ready', async () => page.isEnabled('[data-testid=play]'));
  await page.click('[data-testid=play]');
  await until('4 s watched', async () => (await media(page)).time > 4, 15000);

  // 3. seeking past the furthest watched point snaps back
  await page.evaluate(() => { document.querySelector('video').currentTime = 30; });
  await until('snapped back', async () => (await media(page)).time < 8, 5000);
  await until('seek notice', async () => (await page.getAttribute('[data-testid=player-notice]', 'data-key')) === 'seekBlocked', 5000);
  await until('server SEEK_AHEAD', async () => page.beats.some((b) => b?.refusal === 'SEEK_AHEAD'), 10000);
  await shot(page, '13-anticheat-seek');

  // 2. a rate above the cap is clamped and reported
  await page.evaluate(() => { document.querySelector('video').playbackRate = 4; });
  await until('clamped to 2x', async () => (await media(page)).rate === 2, 5000);
  await until('server RATE_TOO_HIGH', async () => page.beats.some((b) => b?.refusal === 'RATE_TOO_HIGH'), 10000);
  await shot(page, '14-anticheat-rate');
  await page.evaluate(() => { document.querySelector('video').playbackRate = 1; });

  // 5. a second browser on the same account ends the first one's session
  await page.click('[data-testid=play]').catch(() => undefined);
  const { context: second } = await startBrowser('second');
  const page2 = await newPage(second);
  await logIn(page2, cheat);
  await page2.goto(`${BASE}/classroom/${enrollment.id}/lessons/${course.lessonId}`);
  await video(page2).waitFor();
  await page.locator('[data-testid=terminated]').waitFor({ timeout: 30000 });
  const reason = await page.textContent('[data-testid=terminated-reason]');
  if (!reason.includes('다른 기기')) throw new Error(`reason: ${reason}`);
  if (!(await media(page)).paused) throw new Error('the terminated player still plays');
  await shot(page, '16-anticheat-second-browser');
});


await journey('the anti-cheat measures, for real: leaving the tab pauses and earns nothing', async () => {
  const adminToken = await tokenOf(demo.ADMIN);
  const course = state.cheatCourse;
  if (!course) throw new Error('needs the course of the previous journey');
  const cheat = await newVerifiedTrainee('hidden');
  const enrollment = await api('POST', `/api/v1/cohorts/${course.cohortId}/enrollments`, {}, cheat.token);
  await api('POST', `/api/v1/admin/enrollments/${enrollment.id}/approve`, {}, adminToken);
  const { context: own } = await startBrowser('hidden');
  const page = await newPage(own);
  await logIn(page, cheat);
  await page.goto(`${BASE}/classroom/${enrollment.id}/lessons/${course.lessonId}`);
  await video(page).waitFor();
  await until('player ready', async () => page.isEnabled('[data-testid=play]'));
  await page.click('[data-testid=play]');
  await until('playing', async () => (await media(page)).time > 2, 15000);
  // 1. leaving the tab pauses the video; the server refuses the hidden time. Another page in front
  // hides this one (the default context has no focus emulation: noDefaults), a trusted visibilitychange.
  const other = await own.newPage();
  await other.goto(BASE + '/courses');
  await other.bringToFront();
  const how = 'another tab in front';
  await until('the player tab hidden', async () => (await media(page)).hidden === 'hidden', 5000);
  console.log(`    hidden by ${how}: ${JSON.stringify(await media(page))}`);
  await until('hidden and paused', async () => { const m = await media(page); return m.hidden === 'hidden' && m.paused && m; }, 10000);
  await until('server HIDDEN', async () => page.beats.some((b) => b?.refusal === 'HIDDEN'), 15000);
  const hiddenAt = await media(page);
  await sleep(1500);
  const later = await media(page);
  if (later.time - hiddenAt.time > 0.3) throw new Error(`the hidden player went on: ${JSON.stringify([hiddenAt, later])}`);
  await page.bringToFront();
  await until('visible again', async () => (await media(page)).hidden === 'visible', 5000);
  // back in front: still paused until the trainee presses play (the guard never resumes on its own)
  if (!(await media(page)).paused) throw new Error('the player resumed by itself');
  await shot(page, '15-anticheat-hidden');
  await other.close();

  // minimising the window hides the page too (CDP Browser.setWindowBounds)
  await page.click('[data-testid=play]');
  await until('playing again', async () => !(await media(page)).paused, 10000);
  const cdp = await own.newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
  await until('minimised: hidden and paused', async () => { const m = await media(page); return m.hidden === 'hidden' && m.paused; }, 10000);
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await page.bringToFront();

});

// ---------------------------------------------------------------- exams, billing, chatbot
const isoIn = (seconds) => new Date(Date.now() + seconds * 1000).toISOString();
async function bankItem(adminToken, courseId, item) {
  return api('POST', '/api/v1/admin/question-banks/items', { courseId, difficulty: 'LOW', points: 10, ...item }, adminToken);
}
async function publishedEvaluation(adminToken, body) {
  const evaluation = await api('POST', '/api/v1/admin/exams', { kind: 'STAGE', passScore: 60, maxAttempts: 1, rules: { courseProgress: 0 }, ...body }, adminToken);
  await api('POST', `/api/v1/admin/exams/${evaluation.id}/publish`, undefined, adminToken);
  return evaluation;
}
/** The evaluation's row on /exams, once exam-service knows the trainee's enrolment (learning's events). */
async function evaluationRow(page, title) {
  const row = page.locator('[data-testid=evaluation-row]', { hasText: title });
  await until(`"${title}" on /exams`, async () => {
    await page.goto(BASE + '/exams');
    await page.locator('[data-testid=evaluations]').waitFor();
    await sleep(300);
    return (await row.count()) > 0;
  }, 60000, 2000);
  return row;
}

await journey('exams: the trainee takes an exam with autosave and submits; the instructor grades; the result shows the 해설', async () => {
  if (!state.traineePage || !state.courseId) throw new Error('needs the trainee and course of the earlier journeys');
  const adminToken = await tokenOf(demo.ADMIN);
  const choice = await bankItem(adminToken, state.courseId, { type: 'SINGLE_CHOICE', stem: `작업 전 착용해야 하는 보호구는? (${RUN})`,
    choices: ['안전모', '슬리퍼', '이어폰'], correctChoices: [1], explanation: '머리 보호를 위해 안전모를 착용합니다.' });
  const short = await bankItem(adminToken, state.courseId, { type: 'SHORT_ANSWER', stem: `비상구 표지의 색은? (${RUN})`,
    acceptedAnswers: ['녹색', '초록색'], explanation: '비상구 표지는 녹색입니다.' });
  const essay = await bankItem(adminToken, state.courseId, { type: 'ESSAY', stem: `작업장 안전수칙 두 가지를 쓰시오. (${RUN})`, points: 20,
    explanation: '보호구 착용, 정리정돈 등.' });
  state.examTitle = `E2E 진행단계평가 ${RUN}`;
  await publishedEvaluation(adminToken, { courseId: state.courseId, title: state.examTitle, opensAt: isoIn(-120), closesAt: isoIn(3600),
    timeLimitSeconds: 1200, fixedItems: [choice.id, short.id, essay.id] });

  const page = state.traineePage;
  await page.bringToFront();
  const row = await evaluationRow(page, state.examTitle);
  if ((await row.locator('[data-testid=evaluation-state]').textContent()) !== '응시 가능') throw new Error('not open');
  await shot(page, '20-exams-list');
  await row.locator('[data-testid=start-evaluation]').click();
  await page.waitForURL(/\/exams\/attempts\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid=question]').first().waitFor();
  const timer = await page.textContent('[data-testid=exam-timer] strong');
  if (!/^(19|20):\d\d$/.test(timer)) throw new Error(`timer ${timer}`);
  await page.locator('[data-testid=question]').nth(0).locator('[data-testid=choice]').nth(0).check();
  await page.fill('[data-testid=short-answer]', '녹 색');
  await page.fill('[data-testid=essay]', '작업 전에는 안전모 등 보호구를 착용하고, 통로와 작업대를 늘 정리정돈합니다.');
  await until('autosaved', async () => (await page.textContent('[data-testid=save-state]')).startsWith('자동 저장됨'), 10000);
  // a reload resumes the attempt with the saved answers
  await sleep(1000);
  await page.reload();
  await page.locator('[data-testid=essay]').waitFor();
  if (!(await page.inputValue('[data-testid=essay]')).includes('정리정돈')) throw new Error('the essay was not saved');
  if (!(await page.locator('[data-testid=choice]').nth(0).isChecked())) throw new Error('the choice was not saved');
  await shot(page, '21-exam-taking');
  await page.click('[data-testid=submit]');
  await page.click('[data-testid=confirm-submit]');
  await page.locator('[data-testid=grading-pending]').waitFor();
  await shot(page, '22-exam-submitted');
  state.attemptUrl = page.url();

  // the instructor grades the essay
  const { context: teacher } = await startBrowser('instructor');
  const ip = await newPage(teacher);
  await logIn(ip, demo.INSTRUCTOR);
  await ip.click('[data-testid=nav-grading]');
  const card = ip.locator('[data-testid=grade-card]', { hasText: `작업장 안전수칙 두 가지를 쓰시오. (${RUN})` });
  await card.waitFor();
  await shot(ip, '23-instructor-grading');
  await card.locator('[data-testid=grade-points]').fill('18');
  await card.locator('[data-testid=grade-feedback]').fill('핵심을 잘 짚었습니다.');
  await card.locator('[data-testid=grade-save]').click();
  await card.waitFor({ state: 'detached' });
  state.instructorPage = ip;

  await page.bringToFront();
  await until('graded', async () => {
    await page.goto(state.attemptUrl);
    await page.locator('[data-testid=result]').waitFor();
    return (await page.locator('[data-testid=result-score]').count()) > 0;
  }, 30000, 1500);
  const score = await page.textContent('[data-testid=result-score]');
  if (!score.includes('95.00점') || !score.includes('합격')) throw new Error(`result ${score}`);
  const explanations = await page.locator('[data-testid=explanation]').allTextContents();
  if (!explanations.some((e) => e.includes('안전모를 착용합니다'))) throw new Error(`해설 ${explanations}`);
  await shot(page, '24-exam-result');
});

await journey('exams: at 0 the attempt is submitted automatically (server deadline)', async () => {
  if (!state.traineePage || !state.courseId) throw new Error('needs the trainee and course of the earlier journeys');
  const adminToken = await tokenOf(demo.ADMIN);
  const item = await bankItem(adminToken, state.courseId, { type: 'SINGLE_CHOICE', stem: `추락 방지 설비는? (${RUN})`,
    choices: ['안전난간', '의자'], correctChoices: [1], explanation: '안전난간이 추락을 막습니다.' });
  const title = `E2E 시간제한 ${RUN}`;
  // closes 45 s from now: the deadline is min(start + limit, close), on the server clock
  await publishedEvaluation(adminToken, { courseId: state.courseId, title, opensAt: isoIn(-60), closesAt: isoIn(45), timeLimitSeconds: 600,
    fixedItems: [item.id] });
  const page = state.traineePage;
  await page.bringToFront();
  const row = await evaluationRow(page, title);
  await row.locator('[data-testid=start-evaluation]').click();
  await page.locator('[data-testid=choice]').first().waitFor();
  const left = await page.textContent('[data-testid=exam-timer] strong');
  const seconds = Number(left.split(':')[0]) * 60 + Number(left.split(':')[1]);
  if (seconds > 45 || seconds < 5) throw new Error(`timer ${left} is not the server's closing time`);
  await page.locator('[data-testid=choice]').first().check();
  await until('autosaved', async () => (await page.textContent('[data-testid=save-state]')).startsWith('자동 저장됨'), 10000);
  await until('last minute warning', async () => (await page.locator('.exam-timer-warn').count()) > 0, 5000);
  await shot(page, '25-exam-countdown');
  // nobody presses submit: the page submits at 0 (and the server's sweep would at deadline + grace)
  await page.locator('[data-testid=result]').waitFor({ timeout: (seconds + 15) * 1000 });
  if ((await page.locator('[data-testid=submit]').count()) > 0) throw new Error('still open');
  await until('graded at once (objective only)', async () => {
    await page.reload();
    await page.locator('[data-testid=result]').waitFor();
    return (await page.locator('[data-testid=result-score]').count()) > 0;
  }, 20000, 1500);
  await shot(page, '26-exam-auto-submitted');
});

await journey('the question bank: the admin downloads the template and imports it; a broken file is refused', async () => {
  const page = state.adminPage;
  if (!page) throw new Error('needs the admin of the earlier journeys');
  await page.bringToFront();
  await page.goto(BASE + '/admin/question-bank');
  await page.locator('[data-testid=bank-file]').waitFor();
  // the template the page offers, fetched with the admin's token
  const token = await page.evaluate(() => sessionStorage.getItem('baeum.access'));
  const template = Buffer.from(await (await fetch(BASE + '/api/v1/admin/question-banks/template', { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer());
  await page.setInputFiles('[data-testid=bank-file]', { name: 'template.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: template });
  await until('import answered', async () => (await page.locator('[data-testid=bank-imported], [data-testid=error]').count()) > 0, 20000);
  await shot(page, '27-question-bank-import');
  const answer = await page.locator('[data-testid=bank-imported], [data-testid=error]').first().textContent();
  if (!/행 처리|행별|Import|가져오|오류|rejected|거부/.test(answer)) throw new Error(`import: ${answer}`);
  // a file that is not a workbook: the service's message, nothing imported
  await page.setInputFiles('[data-testid=bank-file]', { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
  await page.locator('[data-testid=error]').waitFor();
  if (state.courseId) {
    await page.selectOption('[data-testid=bank-course]', state.courseId);
    await page.locator('[data-testid=bank-items]').waitFor();
    await sleep(500);
  }
  await shot(page, '28-question-bank-items');
});

/**
 * Stand-in for learning's cohort event: billing's catalogue is filled from `io.baeum.learning.CohortOffered.v1`
 * on billing-events, but learning-service (main, 2026-12-03) publishes `CohortScheduled` without the course
 * title, which billing ignores — so no cohort is ever sellable. The journey sends the event billing reads
 * (test set-up, like the API calls above) to the suite's ElasticMQ; remove once learning sends it.
 */
async function offerToBilling(course, title, price) {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const later = new Date(Date.now() + 30 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });
  const event = { specversion: '1.0', id: `e2e-offer-${RUN}-${course.cohortId}`, type: 'io.baeum.learning.CohortOffered.v1',
    source: '/learning-service', subject: course.cohortId, time: new Date().toISOString(), datacontenttype: 'application/json',
    data: { cohortId: course.cohortId, courseId: course.courseId, courseTitle: title, price, studyFrom: today, studyTo: later,
      trainingType: 'GENERAL', delivery: 'NON_REALTIME_REMOTE', currency: 'KRW', sellable: true, lessonCount: 1, sessionCount: 0 } };
  const sqs = process.env.BAEUM_SQS_URL ?? 'http://127.0.0.1:9324';
  const response = await fetch(`${sqs}/queue/billing-events`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Action: 'SendMessage', MessageBody: JSON.stringify(event) }) });
  if (!response.ok) throw new Error(`ElasticMQ SendMessage → ${response.status} ${await response.text()}`);
}

await journey('billing: a trainee adds a priced cohort to the cart, pays in the sandbox, sees the receipt and the refund quote', async () => {
  const adminToken = await tokenOf(demo.ADMIN);
  const instructorId = state.instructorId ?? (await api('GET', '/api/v1/me', undefined, await tokenOf(demo.INSTRUCTOR))).id;
  const course = await courseByApi(adminToken, instructorId, `E2E 유료과정 ${RUN}`, 600, 50000);
  await offerToBilling(course, `E2E 유료과정 ${RUN}`, 50000);
  const buyer = await newVerifiedTrainee('buyer');
  const { context: own } = await startBrowser('buyer');
  const page = await newPage(own);
  await logIn(page, buyer);
  await page.goto(`${BASE}/courses/${course.courseId}`);
  // billing learns the cohort's price from learning's events: retry until it sells it
  await until('added to the cart', async () => {
    await page.click(`[data-testid=cart-${course.cohortId}]`);
    await until('an answer', async () => (await page.locator('[data-testid=carted], [data-testid=error]').count()) > 0, 5000);
    return (await page.locator('[data-testid=carted]').count()) > 0;
  }, 60000, 2000);
  await page.click('[data-testid=nav-cart]');
  await page.locator('[data-testid=cart-line]').first().waitFor();
  const total = await page.textContent('[data-testid=cart-total]');
  if (!total.includes('50,000')) throw new Error(`total ${total}`);
  await shot(page, '30-cart');
  await page.click('[data-testid=place-order]');
  await page.waitForURL(/\/checkout\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid=sandbox-pay]').waitFor();
  await shot(page, '31-checkout-sandbox');
  await page.click('[data-testid=sandbox-approve]');
  await page.locator('[data-testid=paid]').waitFor({ timeout: 20000 });
  await shot(page, '32-checkout-paid');
  // learning enrols on EnrollmentPaid
  await until('the paid course in the classroom', async () => {
    await page.goto(BASE + '/classroom');
    await page.locator('[data-testid=classroom]').waitFor();
    await sleep(500);
    return (await page.locator('[data-testid=classroom-card]', { hasText: `E2E 유료과정 ${RUN}` }).count()) > 0;
  }, 60000, 2000);
  await page.goto(BASE + '/orders');
  await page.locator('[data-testid=order]').first().waitFor();
  const download = page.waitForEvent('download', { timeout: 10000 }).catch(() => null);
  await page.click('[data-testid=receipt]');
  await download;
  await page.click('[data-testid=refund-quote]');
  await page.locator('[data-testid=refund-form]').waitFor();
  const quote = await page.textContent('[data-testid=quote-amount]');
  if (!/[0-9]/.test(quote)) throw new Error(`quote ${quote}`);
  await shot(page, '33-refund-quote');
  await page.fill('[data-testid=refund-reason]', '개인 사정으로 수강이 어렵습니다.');
  await page.click('[data-testid=refund-confirm]');
  await page.locator('[data-testid=refund]').first().waitFor();
  await shot(page, '34-orders-refund-requested');
});

await journey('the chatbot streams an answer with citations, and says so when the materials do not answer', async () => {
  const adminToken = await tokenOf(demo.ADMIN);
  const faq = await api('POST', '/api/v1/admin/chatbot/documents', { kind: 'FAQ', title: `수강 취소와 환불 안내 ${RUN}`, mediaType: 'text/markdown',
    body: '# 수강 취소와 환불\n\n수강 시작 전에 취소하면 결제 금액 전액을 환불합니다. 환불 신청은 결제 내역 화면에서 할 수 있습니다.\n\n'
      + '# 수료 기준\n\n진도율 80% 이상이고 최종평가 60점 이상이면 수료합니다. 수료증은 나의 강의실에서 내려받습니다.\n' }, adminToken);
  await until('the FAQ indexed', async () => (await api('GET', `/api/v1/admin/chatbot/documents/${faq.id}`, undefined, adminToken)).status === 'INDEXED', 60000, 1000);
  const page = await newPage(context);
  await logIn(page, demo.TRAINEE);
  await page.goto(BASE + '/support');
  await page.locator('[data-testid=chat-input]').waitFor();
  await page.fill('[data-testid=chat-input]', '수강 시작 전에 취소하면 환불은 얼마나 되나요?');
  await page.keyboard.press('Enter'); // keyboard: Enter sends
  await page.locator('[data-testid=chat-citations]').first().waitFor({ timeout: 30000 });
  const answer = await page.locator('[data-testid=chat-answer]').first().textContent();
  if (!answer.includes('환불')) throw new Error(`answer ${answer}`);
  await shot(page, '35-chatbot-support');
  await page.fill('[data-testid=chat-input]', '화성 탐사선의 연료 효율은 어떻게 계산하나요?');
  await page.click('[data-testid=chat-send]');
  await page.locator('[data-testid=chat-not-found]').waitFor({ timeout: 30000 });
  await shot(page, '36-chatbot-not-found');
});

await journey('the study assistant on the course page answers from that course\'s materials', async () => {
  const page = state.traineePage;
  if (!page || !state.courseId) throw new Error('needs the trainee and course of the earlier journeys');
  const adminToken = await tokenOf(demo.ADMIN);
  // learning does not send course and lesson texts to rag-service yet: a course material by the admin API
  const material = await api('POST', '/api/v1/admin/chatbot/documents', { kind: 'MATERIAL', courseId: state.courseId,
    title: `1차시 작업장 안전수칙 교안 ${RUN}`, mediaType: 'text/markdown',
    body: '# 작업장 안전수칙\n\n작업 전에는 안전모와 안전화를 반드시 착용합니다. 통로에는 물건을 두지 않고 정리정돈을 합니다.\n\n'
      + '# 비상 시 대피\n\n화재가 나면 비상구 표지(녹색)를 따라 계단으로 대피합니다. 엘리베이터는 사용하지 않습니다.\n' }, adminToken);
  await until('the material indexed', async () => (await api('GET', `/api/v1/admin/chatbot/documents/${material.id}`, undefined, adminToken)).status === 'INDEXED', 60000, 1000);
  await page.bringToFront();
  await page.goto(BASE + '/classroom');
  await page.locator('[data-testid=classroom-card] a.btn').first().click();
  await page.locator('[data-testid=lessons]').waitFor();
  await page.click('[data-testid=assistant-toggle]');
  const panel = page.locator('[data-testid=chat-study]');
  // rag-service learns the enrolment from learning's events: ask until it lets the trainee in
  await until('an answer with citations', async () => {
    await panel.locator('[data-testid=chat-input]').fill('화재가 나면 어디로 대피하나요?');
    await panel.locator('[data-testid=chat-input]').press('Enter');
    await until('the answer finished', async () => (await panel.locator('[data-testid=chat-send], [data-testid=chat-input]:focus').count()) > 0
      && (await panel.locator('.chat-turn').last().locator('[data-testid=chat-citations], [data-testid=error], [data-testid=chat-not-found]').count()) > 0, 30000, 500);
    return (await panel.locator('.chat-turn').last().locator('[data-testid=chat-citations]').count()) > 0;
  }, 60000, 3000);
  const answer = await panel.locator('.chat-turn').last().textContent();
  if (!answer.includes('비상구')) throw new Error(`answer ${answer}`);
  await shot(page, '37-study-assistant');
});

await journey('identity check: a lesson at a step-up point stays blocked until the trainee does 본인인증', async () => {
  // the policies in force ask for a fresh (≤ 1 day) 본인인증 every 8th lesson, the first included
  // (learning V2 seed); a trainee who never verified is refused the grant with STEP_UP_REQUIRED
  const adminToken = await tokenOf(demo.ADMIN);
  const course = state.cheatCourse ?? await courseByApi(adminToken, state.instructorId ?? (await api('GET', '/api/v1/me', undefined, await tokenOf(demo.INSTRUCTOR))).id, `E2E 본인인증 ${RUN}`, 600);
  const trainee = await newVerifiedTrainee('stepup', false);
  const enrollment = await api('POST', `/api/v1/cohorts/${course.cohortId}/enrollments`, {}, trainee.token);
  await api('POST', `/api/v1/admin/enrollments/${enrollment.id}/approve`, {}, adminToken);
  const { context: own } = await startBrowser('stepup');
  const page = await newPage(own);
  await logIn(page, trainee);
  await page.goto(`${BASE}/classroom/${enrollment.id}/lessons/${course.lessonId}`);
  await page.locator('[data-testid=step-up-verify]').waitFor({ timeout: 30000 });
  if ((await page.locator('[data-testid=error]').textContent()).length === 0) throw new Error('no reason shown');
  if ((await page.locator('[data-testid=play]').count()) > 0 && await page.isEnabled('[data-testid=play]')) throw new Error('playable without 본인인증');
  await shot(page, '38-identity-step-up-blocked');
  await page.click('[data-testid=step-up-verify]');
  await video(page).waitFor({ timeout: 30000 });
  await until('player ready after 본인인증', async () => page.isEnabled('[data-testid=play]'), 30000);
  await page.click('[data-testid=play]');
  await until('playing', async () => (await media(page)).time > 1, 15000);
  await shot(page, '39-identity-step-up-passed');
});

await journey('the demo accounts reach their three dashboards', async () => {
  const { context: fresh } = await startBrowser('demo');
  for (const [role, path, name] of [['ADMIN', '/admin', '17-demo-admin'], ['INSTRUCTOR', '/instructor', '18-demo-instructor'], ['TRAINEE', '/classroom', '19-demo-trainee']]) {
    if (!demo[role]) throw new Error(`no demo ${role} in var/log/auth-service.log`);
    const page = await newPage(fresh);
    await logIn(page, demo[role]);
    if (new URL(page.url()).pathname !== path) throw new Error(`${role} landed on ${page.url()}`);
    await page.locator('h1').first().waitFor();
    await sleep(700);
    if (role === 'INSTRUCTOR') {
      await page.locator('[data-testid=instructor-cohorts] tbody tr').first().waitFor();
      await page.click('[data-testid=instructor-cohorts] tbody tr a');
      await page.locator('[data-testid=progress-table]').waitFor();
      await sleep(500);
    }
    await shot(page, name);
    await page.close();
  }
});

await stopBrowsers();
if (state.homeRenderMs) console.log(`  home first render: ${state.homeRenderMs} ms; classroom first render: ${state.classroomRenderMs ?? '-'} ms`);
console.log(`  screenshots: ${SHOTS}`);
const passed = results.filter((r) => r.ok && !r.skipped).length;
const skipped = results.filter((r) => r.skipped).length;
const failed = results.filter((r) => !r.ok).length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
