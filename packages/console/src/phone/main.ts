import { createApp } from "vue";
import { currentLocale, i18n } from "../i18n";
import PhoneApp from "./PhoneApp.vue";
import { router } from "./router";
import "./phone.css";

/** The member's phone pages under /m/: the same API, session and messages as the console. */
document.documentElement.lang = currentLocale();
createApp(PhoneApp).use(i18n).use(router).mount("#app");
