// The shapes the services answer (docs/api.md; the OpenAPI documents at /v3/api-docs/<service>).
export interface Course {
  id: string; title: string; description: string; category: string; trainingType: string;
  level: string; price: number; coverUrl: string | null; status: string;
}
export interface Lesson {
  id: string; subjectId: string; position: number; title: string; vimeoVideoId: string | null;
  durationSeconds: number | null; recognisedSeconds: number | null; thumbnailUrl: string | null;
  materials: { name: string; url: string }[];
}
export interface Subject { id: string; position: number; title: string; lessons: Lesson[] }
export interface Outline { course: Course; subjects: Subject[] }
export interface Cohort {
  id: string; courseId: string; name: string; studyFrom: string; studyTo: string;
  enrollmentFrom: string; enrollmentTo: string; capacity: number; instructorIds: string[];
}
export interface Enrollment {
  id: string; cohortId: string; courseId: string; accountId: string; status: string; source: string;
  appliedAt: string; decidedAt: string | null; decisionReason: string | null;
}
export interface MyCourse {
  enrollmentId: string; courseId: string; courseTitle: string; cohortId: string; cohortName: string;
  studyFrom: string; studyTo: string; status: string; completedLessons: number; totalLessons: number;
  progressPercent: number;
}
export interface LessonProgress {
  lessonId: string; title: string; subjectPosition: number; position: number; durationSeconds: number | null;
  percent: number; completed: boolean; watchedSeconds: number; studyMillis: number; resumeSecond: number;
}
export interface ProgressRow {
  enrollmentId: string; accountId: string; status: string; completedLessons: number; progressPercent: number;
  lastStudied: string | null;
}
export interface GrantView {
  grant: string; expiresAt: string; videoId: string; durationSeconds: number; resumeSecond: number; policyVersion: string;
}
export interface QuizQuestion { id: string; atSecond: number; question: string; options: string[]; passed: boolean }
export interface QuizOutcome { correct: boolean; explanation: string; cuePass: string }
export interface CueQuiz {
  id: string; lessonId: string; atSecond: number; question: string; options: string[]; correctOption: number; explanation: string;
}
export interface Member {
  id: string; email: string; name: string; phone: string | null; roles: string[]; status: string;
  identityVerifiedAt: string | null; createdAt: string; lastLoginAt: string | null;
}
export interface Term { code: string; version: number; title: string; contentUrl: string; required: boolean; effectiveAt: string }
export interface Consent { termCode: string; termVersion: number; action: string; recordedAt: string }
export interface RoleRequest { id: string; accountId?: string; role: string; status: string; requestedAt: string; reason?: string | null }
