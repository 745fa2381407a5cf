// Above the modules: what needs every module's member-owned tables at once (a transfer).
export * from "./member-records";
