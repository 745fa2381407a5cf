import { createApp } from "vue";
import App from "./App.vue";
import { currentLocale, i18n } from "./i18n";
import { router } from "./router";
import "./styles.css";

document.documentElement.lang = currentLocale();
createApp(App).use(i18n).use(router).mount("#app");
