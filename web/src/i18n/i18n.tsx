// Korean first, English second: messages live in ko.json / en.json, never in components.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import ko from './ko.json';
import en from './en.json';

export type Language = 'ko' | 'en';
type Messages = Record<string, string>;
const bundles: Record<Language, Messages> = { ko, en };
const KEY = 'baeum.lang';

let language: Language = (typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'en') ? 'en' : 'ko';

/** The language the API is asked to answer in (Accept-Language). */
export function currentLanguage(): string {
  return language === 'ko' ? 'ko-KR,ko;q=0.9,en;q=0.5' : 'en;q=1.0,ko;q=0.5';
}

export function translate(lang: Language, key: string, vars?: Record<string, string | number>): string {
  const text = bundles[lang][key] ?? bundles.ko[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
}

interface I18n { lang: Language; setLang: (lang: Language) => void; t: (key: string, vars?: Record<string, string | number>) => string }
const I18nContext = createContext<I18n>({ lang: 'ko', setLang: () => undefined, t: (k) => k });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(language);
  const setLang = useCallback((next: Language) => {
    language = next;
    localStorage.setItem(KEY, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
