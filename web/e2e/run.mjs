// Browser journeys against the running suite (deploy/local/up.sh), in Debian's Chromium driven by
// playwright-core over CDP. Chromium is started by this script (not Playwright's launch(), whose focus
// emulation keeps every page visible), so leaving a tab is a real, trusted visibilitychange.
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
  const browser = await chromium.connectOverCDP(`ws://127.0.0.1:${port}${path}`);
  const context = browser.contexts()[0] ?? await browser.newContext();
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
async function newVerifiedTrainee(nickname) {
  const terms = (await api('GET', '/api/v1/terms')).filter((t) => t.required).map((t) => ({ code: t.code, version: t.version }));
  const email = `e2e-${RUN}-${nickname}@e2e.baeum.local`;
  const password = `Kx!${RUN}${Math.random().toString(36).slice(2)}Aa9`;
  const me = await api('POST', '/api/v1/auth/signup', { email, password, name: `수강생 ${nickname}`, phone: '010' + String(10000000 + Math.floor(Math.random() * 89999999)), agreedTerms: terms });
  let token = (await api('POST', '/api/v1/auth/login', { email, password })).accessToken;
  const idv = await api('POST', '/api/v1/identity-verifications', undefined, token);
  token = (await api('POST', `/api/v1/identity-verifications/${idv.identityVerificationId}/complete`, undefined, token)).accessToken;
  return { id: me.id, email, password, token };
}
/** A published course of one lesson (sandbox video → /media/sample.mp4) and a running cohort. */
async function courseByApi(adminToken, instructorId, title, recognisedSeconds) {
  const course = await api('POST', '/api/v1/admin/courses', { title, category: 'e2e', trainingType: 'SAEOPJU', level: 'BEGINNER', price: 0 }, adminToken);
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
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return; // E2E_ONLY=<part of a name>
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
  // 1. leaving the tab pauses the video; the server refuses the hidden time
  // minimise the window (CDP): a real visibilitychange; else another tab in front
  const cdp = await own.newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
  let other = null;
  const isHidden = (ms) => until('hidden', async () => (await media(page)).hidden === 'hidden', ms).then(() => true, () => false);
  let how = 'minimising the window';
  if (!(await isHidden(3000))) {
    // a new tab in the same window, activated (Target.createTarget newWindow: false)
    how = 'a new tab in the same window';
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
    const browserCdp = await browsers[browsers.length - 1].browser.newBrowserCDPSession();
    const { targetId } = await browserCdp.send('Target.createTarget', { url: 'about:blank', newWindow: false, background: false });
    await browserCdp.send('Target.activateTarget', { targetId });
    other = { close: () => browserCdp.send('Target.closeTarget', { targetId }).catch(() => undefined) };
    if (!(await isHidden(3000))) {
      how = 'another page in front';
      const page2 = await own.newPage();
      await page2.bringToFront();
      const first = other;
      other = { close: async () => { await first.close(); await page2.close(); } };
      if (!(await isHidden(3000))) {
        await other.close();
        throw new Skip('this headless Chromium never hid the page (minimised window, new tab, another page in front)');
      }
    }
  }
  console.log(`    hidden by ${how}: ${JSON.stringify(await media(page))}`);
  await until('hidden and paused', async () => { const m = await media(page); return m.hidden === 'hidden' && m.paused && m; }, 10000);
  await until('server HIDDEN', async () => page.beats.some((b) => b?.refusal === 'HIDDEN'), 15000);
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
  await page.bringToFront();
  await other?.close();
  await until('visible again', async () => (await media(page)).hidden === 'visible', 5000);
  await shot(page, '15-anticheat-hidden');

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
