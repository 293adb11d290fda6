/** What one outlet's names share: the name without surrounding spaces, whatever its case. */
export const outletKey = (name: string): string => name.trim().toLowerCase();
