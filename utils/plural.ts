/**
 * A count with its noun, singular or plural as the count wants: "1 article", "2 articles",
 * "1 syndicated copy", "1,200 lines".
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** A count written with its thousands grouped, as every count the reader sees: "50,000". */
export function grouped(n: number): string {
  return n.toLocaleString('en');
}
