import { createI18n } from "vue-i18n";
import en from "./en";
import zhCN from "./zh-CN";

export type Locale = "zh-CN" | "en";
const STORE = "vg-console-lang";

function initial(): Locale {
  return localStorage.getItem(STORE) === "en" ? "en" : "zh-CN";
}

/** Chinese unless the person chose English here (remembered in this browser). */
export const i18n = createI18n({
  legacy: false,
  locale: initial(),
  fallbackLocale: "zh-CN",
  messages: { "zh-CN": zhCN, en },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale;
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORE, locale);
  document.documentElement.lang = locale;
}
