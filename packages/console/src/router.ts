import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { homeOf, loadSession, type Role, session } from "./api/session";

declare module "vue-router" {
  interface RouteMeta {
    /** i18n key of the page's title (and its menu entry) */
    title?: string;
    /** the roles this page is for: its menu entry shows only to them */
    roles?: Role[];
    /** open without signing in */
    public?: boolean;
  }
}

const BRANCH: Role[] = ["branch_admin"];
const DISTRICT: Role[] = ["district_admin", "auditor"];

/** Every page is its own chunk: the sign-in page loads only what it needs. */
export const branchRoutes: RouteRecordRaw[] = [
  {
    path: "home",
    component: () => import("./pages/branch/Home.vue"),
    meta: { title: "menu.home", roles: BRANCH },
  },
  {
    path: "members",
    component: () => import("./pages/branch/Members.vue"),
    meta: { title: "menu.members", roles: BRANCH },
  },
  {
    path: "dues",
    component: () => import("./pages/branch/Dues.vue"),
    meta: { title: "menu.dues", roles: BRANCH },
  },
  {
    path: "meetings",
    component: () => import("./pages/branch/Meetings.vue"),
    meta: { title: "menu.meetings", roles: BRANCH },
  },
  {
    path: "development",
    component: () => import("./pages/development/Board.vue"),
    meta: { title: "menu.development", roles: BRANCH },
  },
  {
    path: "inspections",
    component: () => import("./pages/evaluations/Inspections.vue"),
    meta: { title: "menu.inspections", roles: BRANCH },
  },
  {
    path: "duty-tasks",
    component: () => import("./pages/evaluations/DutyTasks.vue"),
    meta: { title: "menu.dutyTasks", roles: BRANCH },
  },
  {
    path: "records",
    component: () => import("./pages/evaluations/Records.vue"),
    meta: { title: "menu.records", roles: BRANCH },
  },
  {
    path: "appraisal",
    component: () => import("./pages/evaluations/Appraisal.vue"),
    meta: { title: "menu.appraisal", roles: BRANCH },
  },
  {
    path: "accountability",
    component: () => import("./pages/evaluations/Accountability.vue"),
    meta: { title: "menu.accountability", roles: BRANCH },
  },
  {
    path: "findings",
    component: () => import("./pages/branch/Findings.vue"),
    meta: { title: "menu.findings", roles: BRANCH },
  },
  {
    path: "accounts",
    component: () => import("./pages/branch/Accounts.vue"),
    meta: { title: "menu.accounts", roles: BRANCH },
  },
].map((r) => ({ ...r, path: `/branch/${r.path}` }));

export const districtRoutes: RouteRecordRaw[] = [
  {
    path: "/district/overview",
    component: () => import("./pages/district/Overview.vue"),
    meta: { title: "menu.overview", roles: DISTRICT },
  },
  {
    path: "/district/findings",
    component: () => import("./pages/district/Findings.vue"),
    meta: { title: "menu.districtFindings", roles: DISTRICT },
  },
  {
    path: "/district/development",
    component: () => import("./pages/district/Approvals.vue"),
    meta: { title: "menu.approvals", roles: DISTRICT },
  },
  {
    path: "/district/inspections",
    component: () => import("./pages/district/Inspections.vue"),
    meta: { title: "menu.districtInspections", roles: DISTRICT },
  },
  {
    path: "/district/accountability",
    component: () => import("./pages/evaluations/Accountability.vue"),
    meta: { title: "menu.accountability", roles: DISTRICT },
  },
  {
    path: "/district/reports",
    component: () => import("./pages/district/Reports.vue"),
    meta: { title: "menu.reports", roles: DISTRICT },
  },
  {
    path: "/district/accounts",
    component: () => import("./pages/district/Accounts.vue"),
    meta: { title: "menu.staff", roles: ["district_admin"] },
  },
];

/** Pages reached from another page, not from the menu. */
const otherRoutes: RouteRecordRaw[] = [
  {
    path: "/development/cases/:branchId/:caseId",
    component: () => import("./pages/development/Case.vue"),
    meta: { title: "case.titleBare", roles: [...BRANCH, ...DISTRICT] },
  },
  {
    path: "/branch/inspections/:inspectionId",
    component: () => import("./pages/evaluations/Inspection.vue"),
    meta: { title: "menu.inspections", roles: BRANCH },
  },
  {
    path: "/district/inspections/:branchId/:inspectionId",
    component: () => import("./pages/district/InspectionReview.vue"),
    meta: { title: "menu.districtInspections", roles: DISTRICT },
  },
];

const routes: RouteRecordRaw[] = [
  {
    path: "/sign-in",
    component: () => import("./pages/account/SignIn.vue"),
    meta: { title: "signIn.submit", public: true },
  },
  {
    path: "/password",
    component: () => import("./pages/account/ChangePassword.vue"),
    meta: { title: "password.title" },
  },
  {
    path: "/",
    component: () => import("./layouts/ConsoleLayout.vue"),
    children: [
      { path: "", redirect: () => homeOf(session.me) },
      ...branchRoutes,
      ...districtRoutes,
      ...otherRoutes,
      {
        path: "/me",
        component: () => import("./pages/account/Me.vue"),
        meta: { title: "menu.me", roles: ["member"] },
      },
      {
        path: "/:rest(.*)*",
        component: () => import("./pages/NotFound.vue"),
        meta: { title: "errors.notFound" },
      },
    ],
  },
];

export const router = createRouter({ history: createWebHistory("/console/"), routes });

/**
 * Signed out → the sign-in page; a one-time password → the forced change first. Roles are not
 * enforced here: the API is the authority, and a page opened by the wrong role shows its refusal.
 */
router.beforeEach(async (to) => {
  if (!session.checked) await loadSession().catch(() => null);
  const me = session.me;
  if (to.meta.public) return me && to.path === "/sign-in" ? homeOf(me) : true;
  if (!me) return { path: "/sign-in", query: to.fullPath === "/" ? {} : { next: to.fullPath } };
  if (me.mustChangePassword && to.path !== "/password") return "/password";
  return true;
});
