// exam-service: evaluations, attempts on the server's clock, grading, the question bank (exam-service/README.md).
import { get, getPage, post, put, query, upload } from './http';

export type EvaluationKind = 'STAGE' | 'FINAL' | 'ASSIGNMENT';
export type ItemType = 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'SHORT_ANSWER' | 'ESSAY';

export interface EvaluationSummary {
  id: string; courseId: string; cohortId: string | null; kind: EvaluationKind; title: string; status: string;
  opensAt: string; closesAt: string; timeLimitSeconds: number | null; passScore: number; maxAttempts: number;
}
export interface AttemptSummary {
  id: string; evaluationId: string; attemptNo: number; status: string; startedAt: string; deadline: string;
  submittedAt: string | null; score: number | null; passed: boolean | null;
}
export interface SavedAnswer { choices: number[]; text: string | null; seq: number; savedAt: string }
export interface Marking {
  points: number; feedback: string | null; correctChoices: number[]; acceptedAnswers: string[]; explanation: string | null;
}
export interface AttemptQuestion {
  itemId: string; position: number; type: ItemType; stem: string; choices: string[]; points: number;
  answer: SavedAnswer | null; marking: Marking | null;
}
export interface AttemptFile { id: string; fileName: string; size: number; sha256: string; uploadedAt: string }
export interface AttemptView {
  id: string; evaluationId: string; title: string; kind: EvaluationKind; attemptNo: number; status: string;
  startedAt: string; deadline: string; serverTime: string; submittedAt: string | null; autoSubmitted: boolean;
  onTime: boolean | null; items: AttemptQuestion[]; text: SavedAnswer | null; files: AttemptFile[];
  result: { score: number; passed: boolean; reason: string | null; assignmentPoints: number | null; feedback: string | null } | null;
}
export interface SaveResult { applied: boolean; seq: number; serverTime: string }
export interface PendingGrade {
  attemptId: string; evaluationId: string; traineeId: string; submittedAt: string | null; partId: string; type: string;
  prompt: string; maxPoints: number; answerKey: Record<string, unknown> | null; answer: Record<string, unknown> | null;
}
export interface GradedView { attemptId: string; status: string; score: number | null; passed: boolean | null; resultRevision: number }
export interface BankItem {
  id: string; familyId: string; version: number; current: boolean; courseId: string; subject: string | null; type: ItemType;
  difficulty: string; stem: string; choices: string[]; correctChoices: number[]; acceptedAnswers: string[]; points: number;
  explanation: string | null; tags: string[]; createdAt: string;
}
export interface RowProblem { row: number; field: string; code: string; ko: string; en: string }
export interface ImportReport { applied: boolean; rows: number; created: number; unchanged: number; problems: RowProblem[] }

export const exams = {
  evaluations: () => get<EvaluationSummary[]>('/api/v1/exams/evaluations'),
  attempts: () => getPage<AttemptSummary>('/api/v1/exams/attempts' + query({ size: 100 })),
  start: (evaluationId: string) => post<AttemptView>(`/api/v1/exams/evaluations/${evaluationId}/attempts`, {}),
  attempt: (id: string) => get<AttemptView>(`/api/v1/exams/attempts/${id}`),
  save: (id: string, partId: string, body: { seq: number; choices?: number[]; text?: string }) =>
    put<SaveResult>(`/api/v1/exams/attempts/${id}/answers/${partId}`, body),
  submit: (id: string) => post<AttemptView>(`/api/v1/exams/attempts/${id}/submit`, {}),
  uploadFile: (id: string, file: File) => upload<AttemptFile>(`/api/v1/exams/attempts/${id}/files`, file),
};

export const grading = {
  queue: (params: { evaluationId?: string; itemId?: string; traineeId?: string; page?: number }) =>
    getPage<PendingGrade>('/api/v1/exams/manage/grading' + query({ ...params, size: 20 })),
  grade: (attemptId: string, partId: string, body: { points: number; feedback?: string }) =>
    put<GradedView>(`/api/v1/exams/manage/attempts/${attemptId}/grades/${partId}`, body),
};

export const questionBank = {
  items: (params: { courseId: string; difficulty?: string; type?: string; tag?: string; page?: number }) =>
    getPage<BankItem>('/api/v1/admin/question-banks/items' + query({ ...params, size: 20 })),
  templateUrl: '/api/v1/admin/question-banks/template',
  importSheet: (file: File) => upload<ImportReport>('/api/v1/admin/question-banks/imports', file),
};
