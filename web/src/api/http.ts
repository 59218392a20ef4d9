// The one HTTP client of the web app: the ApiResponse envelope, Accept-Language, bearer tokens and the
// single in-flight token refresh (auth-service treats two refreshes of one token as token reuse).
import { currentLanguage } from '../i18n/i18n';
import { session, type TokenPair } from './session';

export interface FieldError { field: string; code: string; message: string }
export interface ApiErrorBody {
  title: string; detail: string; status: number; code: string; fieldErrors?: FieldError[];
}
export interface PageInfo { page: number; size: number; total: number }
export interface Paged<T> { items: T[]; page: PageInfo }

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** The envelope's data on a failure, when the service sends one (e.g. an import's per-row report). */
  readonly data: unknown;
  constructor(status: number, body: Partial<ApiErrorBody> | undefined, data: unknown = null) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? 'HTTP_' + status;
    this.title = body?.title ?? `HTTP ${status}`;
    this.detail = body?.detail ?? '';
    this.fieldErrors = body?.fieldErrors ?? [];
    this.data = data;
  }
}

type Envelope<T> = { success: boolean; data: T; error: ApiErrorBody | null; metadata?: Record<string, unknown> };

let onSessionLost: (() => void) | null = null;
/** What to do when the session cannot be refreshed (the app sends the user to the login page). */
export function setSessionLostHandler(handler: () => void) { onSessionLost = handler; }

let refreshing: Promise<boolean> | null = null;

/** Refreshes the token pair at most once at a time: concurrent callers share one request. */
export function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function doRefresh(): Promise<boolean> {
  const refreshToken = session.refreshToken();
  if (!refreshToken) return false;
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': currentLanguage() },
    body: JSON.stringify({ refreshToken }),
  }).catch(() => null);
  if (!response || !response.ok) return false;
  const body = (await response.json()) as Envelope<TokenPair>;
  session.store(body.data);
  return true;
}

export interface RequestOptions {
  body?: unknown; token?: string | null; anonymous?: boolean;
  /** multipart body (file uploads); sent instead of {@code body} */
  form?: FormData;
  /** what the answer is (default JSON; the chatbot asks for text/event-stream) */
  accept?: string;
  signal?: AbortSignal;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', 'Accept-Language': currentLanguage() };
  if (options.body !== undefined && !options.form) headers['Content-Type'] = 'application/json';
  const token = options.token !== undefined ? options.token : options.anonymous ? null : session.accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(path, {
    method,
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });
}

/** Sends with the bearer token; on 401 refreshes once (shared) and retries, else reports the lost session. */
export async function authorizedFetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const usedToken = options.token !== undefined ? options.token : session.accessToken();
  let response = await send(method, path, options);
  if (response.status === 401 && usedToken && options.token === undefined && !options.anonymous) {
    // another call may have refreshed meanwhile: then just retry with the new token
    const renewed = session.accessToken() !== usedToken || (await refreshOnce());
    if (renewed) {
      response = await send(method, path, options);
    }
    if (response.status === 401) {
      session.clear();
      onSessionLost?.();
    }
  }
  return response;
}

/** Calls the API (see {@link authorizedFetch}) and unwraps the envelope; failures throw {@link ApiError}. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Envelope<T>> {
  const response = await authorizedFetch(method, path, options);
  let body: Envelope<T> | null = null;
  try {
    body = (await response.json()) as Envelope<T>;
  } catch {
    body = null;
  }
  if (!response.ok || !body || !body.success) {
    throw new ApiError(response.status, body?.error ?? undefined, body?.data ?? null);
  }
  return body;
}

export async function get<T>(path: string, options?: RequestOptions): Promise<T> {
  return (await request<T>('GET', path, options)).data;
}
export async function post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  return (await request<T>('POST', path, { ...options, body })).data;
}
export async function put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
  return (await request<T>('PUT', path, { ...options, body })).data;
}
/** A multipart upload of one file as the part {@code file}. */
export async function upload<T>(path: string, file: File | Blob, fileName?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, fileName ?? (file instanceof File ? file.name : 'file'));
  return (await request<T>('POST', path, { form })).data;
}
/**
 * Fetches a file with the bearer token and hands it to the browser as a download (an .xlsx template,
 * an HTML receipt: saved, never rendered under the app's origin).
 */
export async function download(path: string, fileName: string, accept = '*/*'): Promise<void> {
  const response = await authorizedFetch('GET', path, { accept });
  if (!response.ok) {
    let body: Envelope<unknown> | null = null;
    try { body = (await response.json()) as Envelope<unknown>; } catch { body = null; }
    throw new ApiError(response.status, body?.error ?? undefined);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
export async function del<T>(path: string, options?: RequestOptions): Promise<T> {
  return (await request<T>('DELETE', path, options)).data;
}

/** A list with its page: learning's {page,size,total} and auth's {page:{number,size,totalElements}}. */
export async function getPage<T>(path: string, options?: RequestOptions): Promise<Paged<T>> {
  const envelope = await request<T[]>('GET', path, options);
  const meta = (envelope.metadata ?? {}) as Record<string, unknown>;
  const nested = meta.page && typeof meta.page === 'object' ? (meta.page as Record<string, number>) : null;
  const page: PageInfo = nested
    ? { page: nested.number ?? 0, size: nested.size ?? envelope.data.length, total: nested.totalElements ?? envelope.data.length }
    : { page: Number(meta.page ?? 0), size: Number(meta.size ?? envelope.data.length), total: Number(meta.total ?? envelope.data.length) };
  return { items: envelope.data, page };
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
