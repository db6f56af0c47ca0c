/** "1 question", "3 questions", "2 fixes" (with the plural given). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
