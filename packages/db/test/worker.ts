// The db package's tests run inside this worker, which hosts the chains' sequencer as the api worker does.
export { BranchSequencer } from "../src/sequencer/branch-sequencer";

export default {
  fetch: () => new Response("db tests"),
} satisfies ExportedHandler;
