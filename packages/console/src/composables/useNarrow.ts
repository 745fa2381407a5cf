import { onBeforeUnmount, ref } from "vue";

/** True at a phone's width (the layout's breakpoint), following the window as it changes. */
export function useNarrow() {
  const query = window.matchMedia("(max-width: 768px)");
  const narrow = ref(query.matches);
  const follow = (e: MediaQueryListEvent) => {
    narrow.value = e.matches;
  };
  query.addEventListener("change", follow);
  onBeforeUnmount(() => query.removeEventListener("change", follow));
  return narrow;
}
