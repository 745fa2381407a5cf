export * from "./columns";
export * from "./csv-table";
export * from "./decode-text";
export * from "./import-schemas";
export * from "./person-ref";
export * from "./read-upload";
export * from "./table";
export * from "./xlsx-table";
