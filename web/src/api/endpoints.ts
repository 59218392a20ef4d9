// Every API call of the web app, in one place, named as the services name them.
import { del, get, getPage, post, put, query } from './http';
import type { TokenPair } from './session';
import type {
  Cohort, Consent, Course, CueQuiz, Enrollment, GrantView, LessonProgress, Member, MyCourse, Outline, ProgressRow,
  QuizOutcome, QuizQuestion, RoleRequest, Term,
} from './types';

export const auth = {
  terms: () => get<Term[]>('/api/v1/terms', { anonymous: true }),
  signUp: (body: { email: string; password: string; name: string; phone: string; agreedTerms: { code: string; version: number }[] }) =>
    post<Member>('/api/v1/auth/signup', body, { anonymous: true }),
  logIn: (email: string, password: string) => post<TokenPair>('/api/v1/auth/login', { email, password }, { anonymous: true }),
  logOut: () => post<{ sessionId: string }>('/api/v1/auth/logout'),
  me: () => get<Member>('/api/v1/me'),
  changePassword: (currentPassword: string, newPassword: string) =>
    post<{ sessionsRevoked: number }>('/api/v1/me/password', { currentPassword, newPassword }),
  consents: () => get<Consent[]>('/api/v1/me/consents'),
  roleRequests: () => get<RoleRequest[]>('/api/v1/me/role-requests'),
  requestRole: (role: string) => post<RoleRequest>('/api/v1/me/role-requests', { role }),
  /** 본인인증: start at the provider (sandbox locally), then complete: a fresh token pair carrying idv_at. */
  startIdentityVerification: () => post<{ identityVerificationId: string }>('/api/v1/identity-verifications'),
  completeIdentityVerification: (id: string) => post<TokenPair>(`/api/v1/identity-verifications/${encodeURIComponent(id)}/complete`),
  socialAuthorize: (provider: string) => get<{ authorizationUrl?: string; url?: string }>(`/api/v1/auth/social/${provider}/authorize`, { anonymous: true }),
};

export const catalog = {
  search: (params: { q?: string; category?: string; level?: string; trainingType?: string; page?: number; size?: number }) =>
    getPage<Course>('/api/v1/catalog/courses' + query(params), { anonymous: true }),
  outline: (id: string) => get<Outline>(`/api/v1/catalog/courses/${id}`, { anonymous: true }),
  cohorts: (courseId: string) => getPage<Cohort>(`/api/v1/catalog/courses/${courseId}/cohorts`, { anonymous: true }),
};

export const learning = {
  apply: (cohortId: string) => post<Enrollment>(`/api/v1/cohorts/${cohortId}/enrollments`, {}),
  cancel: (enrollmentId: string) => post<Enrollment>(`/api/v1/enrollments/${enrollmentId}/cancel`, {}),
  myCourses: () => get<MyCourse[]>('/api/v1/me/enrollments'),
  lessons: (enrollmentId: string) => get<LessonProgress[]>(`/api/v1/enrollments/${enrollmentId}/progress`),
  openLesson: (enrollmentId: string, lessonId: string) =>
    post<GrantView>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/playback`, {}),
  quizzes: (enrollmentId: string, lessonId: string) =>
    get<QuizQuestion[]>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/cue-quizzes`),
  answerQuiz: (enrollmentId: string, lessonId: string, quizId: string, option: number) =>
    post<QuizOutcome>(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/cue-quizzes/${quizId}/attempts`, { option }),
};

export const instructor = {
  cohorts: (page = 0) => getPage<Cohort>('/api/v1/instructor/cohorts' + query({ page, size: 20 })),
  progress: (cohortId: string, params: { q?: string; page?: number }) =>
    getPage<ProgressRow>(`/api/v1/instructor/cohorts/${cohortId}/progress` + query({ ...params, size: 20 })),
};

export const admin = {
  members: (params: { email?: string; namePrefix?: string; role?: string; status?: string; page?: number }) =>
    getPage<Member>('/api/v1/admin/members' + query({ ...params, size: 20 })),
  suspend: (id: string) => post<Member>(`/api/v1/admin/members/${id}/suspend`, {}),
  reactivate: (id: string) => post<Member>(`/api/v1/admin/members/${id}/reactivate`, {}),
  roleRequests: (page = 0) => getPage<RoleRequest>('/api/v1/admin/role-requests' + query({ page, size: 20, status: 'PENDING' })),
  approveRole: (id: string) => post<RoleRequest>(`/api/v1/admin/role-requests/${id}/approve`, {}),
  rejectRole: (id: string) => post<RoleRequest>(`/api/v1/admin/role-requests/${id}/reject`, {}),
  courses: (params: { q?: string; status?: string; page?: number }) =>
    getPage<Course>('/api/v1/admin/courses' + query({ ...params, size: 20 })),
  course: (id: string) => get<Outline>(`/api/v1/admin/courses/${id}`),
  createCourse: (body: { title: string; description: string; category: string; trainingType: string; level: string; price: number }) =>
    post<Course>('/api/v1/admin/courses', body),
  publish: (id: string) => post<Course>(`/api/v1/admin/courses/${id}/publish`, {}),
  archive: (id: string) => post<Course>(`/api/v1/admin/courses/${id}/archive`, {}),
  addSubject: (courseId: string, title: string, position: number) =>
    post<unknown>(`/api/v1/admin/courses/${courseId}/subjects`, { title, position }),
  removeSubject: (id: string) => del<void>(`/api/v1/admin/subjects/${id}`),
  addLesson: (subjectId: string, body: { title: string; position: number; vimeoVideoId: string; recognisedSeconds: number }) =>
    post<unknown>(`/api/v1/admin/subjects/${subjectId}/lessons`, body),
  removeLesson: (id: string) => del<void>(`/api/v1/admin/lessons/${id}`),
  cueQuizzes: (lessonId: string) => get<CueQuiz[]>(`/api/v1/manage/lessons/${lessonId}/cue-quizzes`),
  addCueQuiz: (lessonId: string, body: { atSecond: number; question: string; options: string[]; correctOption: number; explanation: string }) =>
    post<CueQuiz>(`/api/v1/manage/lessons/${lessonId}/cue-quizzes`, body),
  removeCueQuiz: (quizId: string) => del<void>(`/api/v1/manage/cue-quizzes/${quizId}`),
  cohorts: (params: { courseId?: string; page?: number; size?: number }) => getPage<Cohort>('/api/v1/admin/cohorts' + query({ size: 20, ...params })),
  createCohort: (courseId: string, body: Omit<Cohort, 'id' | 'courseId'>) => post<Cohort>(`/api/v1/admin/courses/${courseId}/cohorts`, body),
  setInstructors: (cohortId: string, instructorIds: string[]) => put<Cohort>(`/api/v1/admin/cohorts/${cohortId}/instructors`, { instructorIds }),
  enrollments: (cohortId: string, params: { status?: string; page?: number }) =>
    getPage<Enrollment>(`/api/v1/admin/cohorts/${cohortId}/enrollments` + query({ ...params, size: 20 })),
  approve: (id: string) => post<Enrollment>(`/api/v1/admin/enrollments/${id}/approve`, {}),
  reject: (id: string, reason: string) => post<Enrollment>(`/api/v1/admin/enrollments/${id}/reject`, { reason }),
  assign: (cohortId: string, accountId: string) => post<Enrollment>(`/api/v1/admin/cohorts/${cohortId}/enrollments`, { accountId }),
  progress: (cohortId: string, page = 0, q = '') => getPage<ProgressRow>(`/api/v1/admin/cohorts/${cohortId}/progress` + query({ page, q, size: 20 })),
};
