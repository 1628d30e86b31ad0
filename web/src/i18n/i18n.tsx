// The language of the interface: Vietnamese first, English on request; the choice is kept in localStorage.
// t("key", {name: value}) looks the key up in the dictionary of the language and fills {name} in.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, type RequestFailure } from '../api/client';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type Lang = 'vi' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const LANG_KEY = 'motcua.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

function translator(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) => {
    const text = dictionary[key];
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };
}

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
  // The text of a failed request: the server's message in the language (Vietnamese message, or
  // message_en in English), else a generic one.
  failureText: (failure: RequestFailure) => string;
}

function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  const t = translator(lang);
  const failureText = (failure: RequestFailure): string => {
    if (!(failure instanceof ApiError)) return t(failure.timedOut ? 'error.timeout' : 'error.network');
    const text = lang === 'en' ? failure.messageEn || failure.messageVi : failure.messageVi || failure.messageEn;
    return text || t('error.http', { status: failure.status });
  };
  return { lang, t, setLang, failureText };
}

const I18nContext = createContext<I18n>(makeI18n('vi', () => {}));

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const value = useMemo(
    () =>
      makeI18n(lang, (next) => {
        localStorage.setItem(LANG_KEY, next);
        setLangState(next);
      }),
    [lang],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
