/** Ends every switch over a union, so a new member is a compile error where it is not handled. */
export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
