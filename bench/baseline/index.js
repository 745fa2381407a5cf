// The floor of the bench: a bare worker answering a constant response, served by the same workerd.
export default {
  fetch() {
    return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
  },
};
