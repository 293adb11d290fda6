/**
 * A count with its noun, singular or plural as the count wants: "1 article", "2 articles",
 * "1 syndicated copy", "1,200 lines".
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
