import { reactive } from 'vue';
/** One app-wide message line (errors as sentences, e.g. why a drag was undone). */
export const notice = reactive({ text: '' });
let timer: ReturnType<typeof setTimeout> | undefined;
export function tell(text: string, ms = 8000): void {
  notice.text = text;
  clearTimeout(timer);
  timer = setTimeout(() => (notice.text = ''), ms);
}
