import { createRoute, z } from "@hono/zod-openapi";
import {
  errorResponses,
  json,
  jsonBody,
  Prose,
  pageSchema,
  security,
  writeResponses,
} from "@vanguard/platform";
import {
  BranchMaterialParams,
  BranchParams,
  DistrictListQuery,
  DistrictMaterial,
  DistrictMaterialParams,
  DistrictParams,
  LibraryMaterial,
  ListQuery,
  MaterialInput,
} from "./materials.schemas";

const tags = ["Study: library"];

export const create = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/study/materials",
  tags,
  security,
  summary: "Publish a study material: an article, a video or a quiz (its answers stay on the server)",
  request: { params: DistrictParams, body: jsonBody(MaterialInput) },
  responses: { 201: json(DistrictMaterial, "the material as published"), ...writeResponses },
});

export const listForDistrict = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/study/materials",
  tags,
  security,
  summary: "The district's library, newest publish date first",
  request: { params: DistrictParams, query: DistrictListQuery },
  responses: { 200: json(pageSchema(DistrictMaterial), "materials without their text"), ...errorResponses },
});

export const getForDistrict = createRoute({
  method: "get",
  path: "/v1/districts/{districtId}/study/materials/{materialId}",
  tags,
  security,
  summary: "One material as its publisher sees it, a quiz's answers included",
  request: { params: DistrictMaterialParams },
  responses: { 200: json(DistrictMaterial, "the material"), ...errorResponses },
});

export const retire = createRoute({
  method: "post",
  path: "/v1/districts/{districtId}/study/materials/{materialId}/retire",
  tags,
  security,
  summary: "Withdraw a material: members no longer see it and its open tickets earn nothing",
  request: {
    params: DistrictMaterialParams,
    body: jsonBody(z.object({ reason: Prose(500).openapi({ example: "内容已更新，改用新版" }) }).strict()),
  },
  responses: { 200: json(DistrictMaterial, "the material, retired"), ...writeResponses },
});

export const listForBranch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/materials",
  tags,
  security,
  summary: "The published study library, newest first; a member also sees what they studied today",
  request: { params: BranchParams, query: ListQuery },
  responses: {
    200: json(pageSchema(LibraryMaterial), "published materials without their text"),
    ...errorResponses,
  },
});

export const getForBranch = createRoute({
  method: "get",
  path: "/v1/branches/{branchId}/study/materials/{materialId}",
  tags,
  security,
  summary: "Open a published material: an article's text, a video's link, a quiz's questions without answers",
  request: { params: BranchMaterialParams },
  responses: { 200: json(LibraryMaterial, "the material"), ...errorResponses },
});

export type CreateRoute = typeof create;
export type ListForDistrictRoute = typeof listForDistrict;
export type GetForDistrictRoute = typeof getForDistrict;
export type RetireRoute = typeof retire;
export type ListForBranchRoute = typeof listForBranch;
export type GetForBranchRoute = typeof getForBranch;
