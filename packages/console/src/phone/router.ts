import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { loadSession, session } from "../api/session";

/** The tabs of the member's pages, in the order of the tab bar. */
export const tabs = [
  { path: "/study", title: "phone.tabs.study", icon: "medal-o" },
  { path: "/library", title: "phone.tabs.library", icon: "bookmark-o" },
  { path: "/dues", title: "phone.tabs.dues", icon: "balance-o" },
  { path: "/meetings", title: "phone.tabs.meetings", icon: "friends-o" },
  { path: "/records", title: "phone.tabs.records", icon: "notes-o" },
] as const;

const routes: RouteRecordRaw[] = [
  {
    path: "/sign-in",
    component: () => import("../pages/member/SignIn.vue"),
    meta: { title: "signIn.submit", public: true },
  },
  {
    path: "/password",
    component: () => import("../pages/member/Password.vue"),
    meta: { title: "password.title" },
  },
  {
    path: "/",
    component: () => import("./PhoneLayout.vue"),
    children: [
      { path: "", redirect: "/study" },
      {
        path: "/study",
        component: () => import("../pages/member/Study.vue"),
        meta: { title: "phone.tabs.study" },
      },
      {
        path: "/library",
        component: () => import("../pages/member/Library.vue"),
        meta: { title: "phone.tabs.library" },
      },
      {
        path: "/library/:materialId",
        component: () => import("../pages/member/Material.vue"),
        meta: { title: "phone.tabs.library" },
      },
      {
        path: "/dues",
        component: () => import("../pages/member/Dues.vue"),
        meta: { title: "phone.tabs.dues" },
      },
      {
        path: "/meetings",
        component: () => import("../pages/member/Meetings.vue"),
        meta: { title: "phone.tabs.meetings" },
      },
      {
        path: "/records",
        component: () => import("../pages/member/Records.vue"),
        meta: { title: "phone.tabs.records" },
      },
      { path: "/:rest(.*)*", redirect: "/study" },
    ],
  },
];

export const router = createRouter({ history: createWebHistory("/m/"), routes });

/** As in the console: signed out → sign in; a one-time password → the change first. */
router.beforeEach(async (to) => {
  if (!session.checked) await loadSession().catch(() => null);
  const me = session.me;
  if (to.meta.public) return me && !me.mustChangePassword ? "/study" : true;
  if (!me) return { path: "/sign-in", query: to.fullPath === "/" ? {} : { next: to.fullPath } };
  if (me.mustChangePassword && to.path !== "/password") return "/password";
  return true;
});
